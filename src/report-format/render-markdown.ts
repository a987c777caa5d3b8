/**
 * ReportModel -> CommonMark. Same blocks in the same order as the text format (reportBlocksInOrder),
 * but real Markdown: "#"/"##" headings, "- " bullets nested by two spaces (the content column of
 * the parent item), and every character of the model's text escaped so that a CommonMark renderer
 * shows exactly that text, never markup made of it.
 */
import { isSafeLinkUrl } from './link-url'
import type { Block, Inline, ListItem, ReportModel } from './model'
import { reportBlocksInOrder, renderCompiledLine } from './render-text'

// CommonMark reads "&name;", "&#123;" and "&#x1F;" as character references; a bare "&" is literal.
const ENTITY_LIKE_AMPERSAND = /&(?=#?[0-9A-Za-z]+;)/g

/** Escapes what is markup anywhere in a line: emphasis, code, links, raw HTML, references. */
function escapeInline(text: string): string {
  // "~" is not CommonMark inline syntax, but GFM strikethrough is common where Markdown is pasted.
  return text.replace(/[\\`*_[\]<~]/g, '\\$&').replace(ENTITY_LIKE_AMPERSAND, '\\&')
}

const characterReferences = (whitespace: string) => [...whitespace].map((char) => `&#${char.codePointAt(0)};`).join('')

/** Escapes what is markup only at the start of a block: headings, quotes, list markers, indentation. */
function escapeLineStart(escaped: string): string {
  // Leading spaces would be stripped or turn the line into a code block; references keep them.
  const start = escaped.replace(/^[ \t]+/, characterReferences)
  if (/^[#>+-]/.test(start)) return `\\${start}`
  // "1. " and "1) " start an ordered list; escaping the delimiter is enough.
  return start.replace(/^(\d+)([.)])/, '$1\\$2')
}

/** Trailing spaces at the end of a line are dropped by CommonMark; references keep them. */
const keepTrailingWhitespace = (escaped: string) => escaped.replace(/[ \t]+$/, characterReferences)

/** Link destination: no spaces, "<", ">" or unbalanced parentheses, and no entities to decode. */
function escapeUrl(url: string): string {
  return (
    url
      // eslint-disable-next-line no-control-regex -- control characters must be percent-encoded in a link destination
      .replace(/[\s<>\\\u0000-\u001f\u007f]/g, (char) => encodeURIComponent(char))
      .replace(/[()]/g, '\\$&')
      .replace(ENTITY_LIKE_AMPERSAND, '\\&')
  )
}

/** Unsafe links become text, and adjacent text is merged so escaping sees whole runs. */
function toRuns(inlines: Inline[]): Inline[] {
  const runs: Inline[] = []
  for (const inline of inlines) {
    const run: Inline = inline.type === 'link' && isSafeLinkUrl(inline.url) ? inline : { type: 'text', text: inline.text }
    const previous = runs.at(-1)
    if (run.type === 'text' && previous?.type === 'text') previous.text += run.text
    else runs.push({ ...run })
  }
  return runs
}

/** One line of inline content that starts a block (paragraph, list item content, heading). */
function renderLine(inlines: Inline[]): string {
  const runs = toRuns(inlines)
  return runs
    .map((run, index) => {
      if (run.type === 'link') return `[${escapeInline(run.text)}](${escapeUrl(run.url)})`
      let text = escapeInline(run.text)
      if (index === 0) text = escapeLineStart(text)
      if (index === runs.length - 1) text = keepTrailingWhitespace(text)
      // "!" right before a link would make it an image.
      else text = text.replace(/!$/, '\\!')
      return text
    })
    .join('')
}

function renderHeading(level: 1 | 2, text: string): string {
  // A run of "#" after a space at the end is an optional closing sequence and would be dropped.
  const content = renderLine([{ type: 'text', text }]).replace(/(^|[ \t])(#+)$/, '$1\\$2')
  return `${'#'.repeat(level)} ${content}`
}

function renderList(items: ListItem[], marker: '-' | '*', indent = ''): string[] {
  // Children start at the parent's content column: the marker plus one space.
  return items.flatMap((item) => [`${indent}${marker} ${renderLine(item.inlines)}`, ...renderList(item.children, marker, `${indent}  `)])
}

function renderBlocks(blocks: Block[]): string[] {
  let previousMarker: '-' | '*' | undefined
  return blocks.map((block) => {
    if (block.type === 'paragraph') {
      previousMarker = undefined
      return renderLine(block.inlines)
    }
    // A blank line does not end a Markdown list: two lists in a row would merge into one loose
    // list. A different bullet character starts a new list, so adjacent lists alternate - and *.
    const marker = previousMarker === '-' ? '*' : '-'
    previousMarker = marker
    return renderList(block.items, marker).join('\n')
  })
}

export function renderReportMarkdown(report: ReportModel): string {
  const parts = [
    renderHeading(1, report.title),
    renderLine([{ type: 'text', text: renderCompiledLine(report.compiledAt) }]),
    ...reportBlocksInOrder(report).flatMap((block) => [renderHeading(2, block.title), ...renderBlocks(block.blocks)]),
  ]
  return `${parts.join('\n\n')}\n`
}
