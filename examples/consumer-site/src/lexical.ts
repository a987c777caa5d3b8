/**
 * Lexical rich text (a section's `body`, as Payload stores it) -> DOM. Sections are paragraphs
 * and bullet lists nested to any depth, with links; headings, quotes, numbered lists and text
 * formats an editor may add in the admin are rendered too. Unknown nodes keep their text.
 */
import { h, link } from './dom'

interface LexicalNode {
  type?: string
  children?: LexicalNode[]
  text?: string
  format?: number | string
  tag?: string
  listType?: string
  url?: string
  fields?: { url?: string; newTab?: boolean }
}

// Lexical's text format bit flags.
const FORMATS: [bit: number, tag: 'strong' | 'em' | 's' | 'u' | 'code' | 'sub' | 'sup'][] = [
  [1, 'strong'],
  [2, 'em'],
  [4, 's'],
  [8, 'u'],
  [16, 'code'],
  [32, 'sub'],
  [64, 'sup'],
]

const isObject = (value: unknown): value is LexicalNode => typeof value === 'object' && value !== null
const childrenOf = (node: LexicalNode): LexicalNode[] => (Array.isArray(node.children) ? node.children.filter(isObject) : [])
const isList = (node: LexicalNode) => node.type === 'list'

function renderText(node: LexicalNode): Node {
  let result: Node = document.createTextNode(typeof node.text === 'string' ? node.text : '')
  const format = typeof node.format === 'number' ? node.format : 0
  for (const [bit, tag] of FORMATS) if (format & bit) result = h(tag, {}, result)
  return result
}

function renderInline(node: LexicalNode): Node[] {
  switch (node.type) {
    case 'text':
      return [renderText(node)]
    case 'linebreak':
      return [h('br')]
    case 'tab':
      return [document.createTextNode('\t')]
    case 'link':
    case 'autolink':
      return [link(node.fields?.url ?? node.url, childrenOf(node).flatMap(renderInline), { newTab: node.fields?.newTab })]
    default:
      // Internal links, mentions, anything new: keep whatever text they hold.
      return typeof node.text === 'string' ? [document.createTextNode(node.text)] : childrenOf(node).flatMap(renderInline)
  }
}

/**
 * Lexical nests a list in a listitem of its own that follows its parent item; in HTML the nested
 * <ul> belongs inside the parent <li>, which is what screen readers and CSS expect.
 */
function renderList(list: LexicalNode): HTMLElement {
  const element = h(list.listType === 'number' ? 'ol' : 'ul')
  let previous: HTMLLIElement | undefined
  for (const item of childrenOf(list)) {
    const content = childrenOf(item)
    const nested = content.filter(isList).map(renderList)
    const inline = content.filter((node) => !isList(node)).flatMap(renderInline)
    if (inline.length === 0 && previous) {
      previous.append(...nested)
      continue
    }
    previous = h('li', {}, inline, nested)
    element.append(previous)
  }
  return element
}

function renderBlock(node: LexicalNode): Node[] {
  switch (node.type) {
    case 'list':
      return [renderList(node)]
    case 'paragraph': {
      const inline = childrenOf(node).flatMap(renderInline)
      // Empty paragraphs are spacing (the CMS uses one to keep two lists apart).
      return inline.length > 0 ? [h('p', {}, inline)] : []
    }
    case 'heading': {
      // The page has h1 (report) and h2 (sections): headings inside a section start at h3.
      const level = Math.min(6, Math.max(3, Number(String(node.tag ?? 'h3').slice(1)) + 1))
      return [h(`h${level}` as 'h3', {}, childrenOf(node).flatMap(renderInline))]
    }
    case 'quote':
      return [h('blockquote', {}, childrenOf(node).flatMap(renderInline))]
    case 'horizontalrule':
      return [h('hr')]
    default: {
      const inline = childrenOf(node).flatMap(renderInline)
      return inline.length > 0 ? [h('p', {}, inline)] : []
    }
  }
}

/** The DOM nodes of a Lexical editor state; [] for null, empty or unreadable bodies. */
export function renderLexical(state: unknown): Node[] {
  const root = isObject(state) && isObject((state as { root?: unknown }).root) ? (state as { root: LexicalNode }).root : undefined
  return root ? childrenOf(root).flatMap(renderBlock) : []
}
