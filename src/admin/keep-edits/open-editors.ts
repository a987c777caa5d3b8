/**
 * The rich-text editors of each open document form, and how to read what each holds right now.
 * Payload's Lexical field hands its state to the form only when the browser is next idle (up to
 * 500 ms later, @payloadcms/richtext-lexical useRunDeprioritized): keystrokes typed just before a
 * drawer closes or the page is left are not in the form yet. Whoever saves on such an exit asks
 * here for the editors' own, newer state.
 */
type ReadEditor = () => unknown

const editorsByForm = new WeakMap<object, Map<string, ReadEditor>>()

/**
 * Registers the editor at `path` of `form`. It stays registered after the editor unmounts (its
 * state is still readable): a closing drawer unmounts the editor before the form's exit save
 * runs. A newer editor at the same path replaces it; the form's entry goes with the form.
 */
export function trackEditor(form: object, path: string, read: ReadEditor): void {
  let editors = editorsByForm.get(form)
  if (!editors) editorsByForm.set(form, (editors = new Map()))
  editors.set(path, read)
}

/** What each editor of `form` holds now, by field path. */
export function currentEditorValues(form: object): Map<string, unknown> {
  return new Map([...(editorsByForm.get(form) ?? [])].map(([path, read]) => [path, read()]))
}
