/**
 * The rich-text editors of a document form, read straight from the editors. Payload's Lexical
 * field hands its state to the form only when the browser is next idle (up to 500 ms later,
 * @payloadcms/richtext-lexical useRunDeprioritized): keystrokes typed just before a save, a
 * closing drawer or a page exit are in the editor but not yet in the form. Lexical keeps its
 * editor on the editable element (`__lexicalEditor`, what its devtools read); the editor object
 * stays readable after its element is gone, which a closing drawer needs.
 *
 * (A Lexical plugin would be the documented way in, but adding any client feature to the field
 * made Payload remount a drawer's editor when its first autosave came back, losing what was typed.)
 */
type LexicalEditorLike = { getEditorState: () => { toJSON: () => unknown } }

export class OpenEditors {
  readonly #byPath = new Map<string, LexicalEditorLike>()

  /** Remembers the editor an event happened in, if it is a rich-text field of this form. */
  notice(target: EventTarget | null, form: Element | null | undefined) {
    const element = (target as Element | null)?.closest?.('[data-lexical-editor="true"]') as (Element & { __lexicalEditor?: LexicalEditorLike }) | null
    const path = element?.closest('[data-field-path]')?.getAttribute('data-field-path')
    if (!element?.__lexicalEditor || !path || !form || element.closest('form') !== form) return
    this.#byPath.set(path, element.__lexicalEditor)
  }

  /** What each editor holds now, by field path. */
  values(): Map<string, unknown> {
    return new Map([...this.#byPath].map(([path, editor]) => [path, editor.getEditorState().toJSON()]))
  }
}

type Node = { children?: Node[]; text?: string }

/** An editor nobody has written in: no text anywhere (Lexical's empty state is a root with an empty paragraph). */
const isBlank = (state: unknown): boolean => {
  const walk = (node: Node | undefined): boolean => !node || (!node.text && (node.children ?? []).every(walk))
  return walk((state as { root?: Node } | null | undefined)?.root)
}

/** Whether the form lacks what the editor holds (an untouched, empty editor counts as nothing). */
export const differs = (inForm: unknown, inEditor: unknown) => !(isBlank(inForm) && isBlank(inEditor)) && JSON.stringify(inForm) !== JSON.stringify(inEditor)
