/**
 * Block[] <-> the serialized Lexical editor state that @payloadcms/richtext-lexical stores in a
 * richText field. Shapes follow lexical's and Payload's exportJSON(), written out here so this
 * module needs no lexical or Payload import.
 */
import type { Block, Inline, ListItem } from './model'

/** Any serialized Lexical node; only the fields this module reads are typed. */
interface LexicalNode {
  type: string
  version: number
  children?: LexicalNode[]
  text?: string
  fields?: { url?: string; [key: string]: unknown }
  [key: string]: unknown
}

export interface LexicalEditorState {
  root: LexicalNode & { type: 'root'; children: LexicalNode[] }
}

const elementBase = (indent = 0) => ({ direction: 'ltr' as const, format: '' as const, indent })

const textNode = (text: string): LexicalNode => ({
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  text,
  type: 'text',
  version: 1,
})

const linkNode = (text: string, url: string): LexicalNode => ({
  children: [textNode(text)],
  ...elementBase(),
  type: 'link',
  version: 3,
  fields: { linkType: 'custom', newTab: false, url },
})

const inlineNodes = (inlines: Inline[]) => inlines.map((inline) => (inline.type === 'link' ? linkNode(inline.text, inline.url) : textNode(inline.text)))

const paragraphNode = (children: LexicalNode[]): LexicalNode => ({
  children,
  ...elementBase(),
  type: 'paragraph',
  version: 1,
  textFormat: 0,
  textStyle: '',
})

/**
 * Lexical nests a list inside its own listitem that follows the parent item. Values count like
 * lexical's updateChildrenListItemValue: the wrapper item shares the value of the next real item.
 */
function listNode(items: ListItem[], depth: number): LexicalNode {
  const children: LexicalNode[] = []
  let value = 1
  for (const item of items) {
    children.push({
      children: inlineNodes(item.inlines),
      ...elementBase(depth),
      type: 'listitem',
      version: 1,
      value,
    })
    value++
    if (item.children.length > 0) {
      const nested = listNode(item.children, depth + 1)
      children.push({ children: [nested], ...elementBase(depth), type: 'listitem', version: 1, value })
    }
  }
  return { children, ...elementBase(), type: 'list', version: 1, listType: 'bullet', start: 1, tag: 'ul' }
}

export function blocksToLexical(blocks: Block[]): LexicalEditorState {
  const children: LexicalNode[] = []
  blocks.forEach((block, index) => {
    // Lexical's ListNode transform merges adjacent lists as soon as one is edited; an empty
    // paragraph keeps two consecutive list blocks apart (lexicalToBlocks skips it).
    if (block.type === 'list' && blocks[index - 1]?.type === 'list') children.push(paragraphNode([]))
    children.push(block.type === 'list' ? listNode(block.items, 0) : paragraphNode(inlineNodes(block.inlines)))
  })
  return { root: { children, ...elementBase(), type: 'root', version: 1 } }
}

// ---- Lexical -> blocks: also copes with what editors produce in the admin. ----

/** Concatenated text of a node, formatting dropped; line breaks and tabs become spaces. */
function plainText(node: LexicalNode): string {
  if (node.type === 'linebreak' || node.type === 'tab') return ' '
  if (typeof node.text === 'string') return node.text
  return (node.children ?? []).map(plainText).join('')
}

/** Inline runs of one line; adjacent text runs are merged and the ends trimmed, as in the text format. */
function toInlines(nodes: LexicalNode[]): Inline[] {
  const inlines: Inline[] = []
  const pushText = (text: string) => {
    const last = inlines[inlines.length - 1]
    if (last?.type === 'text') last.text += text
    else if (text !== '') inlines.push({ type: 'text', text })
  }
  for (const node of nodes) {
    const url = node.fields?.url
    if ((node.type === 'link' || node.type === 'autolink') && typeof url === 'string' && url !== '') {
      const text = plainText(node).trim()
      if (text !== '') inlines.push({ type: 'link', text, url })
    } else {
      // Internal links (no url) keep their text; unknown inline nodes contribute whatever text they hold.
      pushText(plainText(node))
    }
  }
  const first = inlines[0]
  if (first?.type === 'text') first.text = first.text.trimStart()
  const last = inlines[inlines.length - 1]
  if (last?.type === 'text') last.text = last.text.trimEnd()
  return inlines.filter((inline) => inline.type === 'link' || inline.text !== '')
}

const isList = (node: LexicalNode | undefined) => node?.type === 'list'

function toListItems(list: LexicalNode): ListItem[] {
  const items: ListItem[] = []
  for (const listItem of list.children ?? []) {
    const content = listItem.children ?? []
    const nestedLists = content.filter(isList)
    const inlines = toInlines(content.filter((node) => !isList(node)))
    const nestedItems = nestedLists.flatMap(toListItems)
    if (inlines.length > 0) {
      items.push({ inlines, children: nestedItems })
    } else if (items.length > 0) {
      // The Lexical convention: a wrapper item holding a nested list belongs to the item before it.
      items[items.length - 1].children.push(...nestedItems)
    } else {
      // A nested list with no item before it has nothing to hang from; keep its items one level up.
      items.push(...nestedItems)
    }
  }
  return items
}

/** Splits paragraph children at line breaks: the text format has one line per paragraph. */
function splitAtLineBreaks(nodes: LexicalNode[]): LexicalNode[][] {
  const lines: LexicalNode[][] = [[]]
  for (const node of nodes) {
    if (node.type === 'linebreak') lines.push([])
    else lines[lines.length - 1].push(node)
  }
  return lines
}

export function lexicalToBlocks(state: LexicalEditorState | null | undefined): Block[] {
  const blocks: Block[] = []
  for (const node of state?.root?.children ?? []) {
    if (isList(node)) {
      // Numbered and check lists become bullets: the text format has only one kind of list.
      const items = toListItems(node)
      if (items.length > 0) blocks.push({ type: 'list', items })
      continue
    }
    // Paragraphs, headings, quotes...: keep the text; empty paragraphs are spacing, not content.
    for (const line of splitAtLineBreaks(node.children ?? [])) {
      const inlines = toInlines(line)
      if (inlines.length > 0) blocks.push({ type: 'paragraph', inlines })
    }
  }
  return blocks
}
