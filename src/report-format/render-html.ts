/**
 * ReportModel -> a self-contained HTML e-mail. Mail clients (Outlook's Word engine, Gmail) drop or
 * ignore <style> blocks, external CSS and web fonts, so every element carries inline styles and the
 * page is one centred table, the layout Outlook honours. Same blocks and order as the text format.
 */
import { isSafeLinkUrl } from './link-url'
import type { Block, Inline, ListItem, ReportModel } from './model'
import { reportBlocksInOrder, renderCompiledLine, type TitledBlock } from './render-text'

// Outlook falls back to Times New Roman for elements without their own font-family.
const FONT = 'font-family:Arial, Helvetica, sans-serif;'
const TEXT = `${FONT}color:#1f1f1f;`
const STYLE = {
  body: 'margin:0;padding:0;background-color:#ffffff;',
  container: 'width:100%;max-width:640px;margin:0 auto;border-collapse:collapse;',
  cell: `${TEXT}padding:24px 16px;font-size:16px;line-height:1.5;`,
  h1: `${TEXT}margin:0 0 4px 0;font-size:24px;line-height:1.25;font-weight:bold;`,
  compiled: `${FONT}margin:0 0 8px 0;font-size:14px;line-height:1.5;color:#555555;`,
  h2: `${TEXT}margin:24px 0 8px 0;font-size:18px;line-height:1.3;font-weight:bold;`,
  p: `${TEXT}margin:0 0 12px 0;font-size:16px;line-height:1.5;`,
  ul: 'margin:0 0 12px 0;padding:0 0 0 24px;',
  nestedUl: 'margin:6px 0 0 0;padding:0 0 0 24px;',
  li: `${TEXT}margin:0 0 6px 0;font-size:16px;line-height:1.5;`,
  a: 'color:#0b57d0;text-decoration:underline;',
} as const

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Safe both as element text and inside a double-quoted attribute value. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char])
}

function renderInlines(inlines: Inline[]): string {
  return inlines
    .map((inline) =>
      inline.type === 'link' && isSafeLinkUrl(inline.url)
        ? `<a href="${escapeHtml(inline.url)}" style="${STYLE.a}">${escapeHtml(inline.text)}</a>`
        : escapeHtml(inline.text),
    )
    .join('')
}

function renderList(items: ListItem[], nested = false): string {
  const listItems = items.map(
    (item) => `<li style="${STYLE.li}">${renderInlines(item.inlines)}` + `${item.children.length > 0 ? renderList(item.children, true) : ''}</li>`,
  )
  return `<ul style="${nested ? STYLE.nestedUl : STYLE.ul}">\n${listItems.join('\n')}\n</ul>`
}

const renderBlock = (block: Block) => (block.type === 'list' ? renderList(block.items) : `<p style="${STYLE.p}">${renderInlines(block.inlines)}</p>`)

/** The page's text style: the admin's document view sets it on its sheet, as the e-mail's cell does. */
export const REPORT_TEXT_STYLE = STYLE.cell

/** The title and the compiled line (left out while a draft has no compiled time). */
export function renderReportHeadingHtml(report: Pick<ReportModel, 'title' | 'compiledAt'>): string {
  const compiled = Number.isNaN(Date.parse(report.compiledAt)) ? '' : `\n<p style="${STYLE.compiled}">${escapeHtml(renderCompiledLine(report.compiledAt))}</p>`
  return `<h1 style="${STYLE.h1}">${escapeHtml(report.title)}</h1>${compiled}`
}

/** One titled block of the body: its heading and its content, as the whole report shows them. */
export function renderTitledBlockHtml(block: TitledBlock): { heading: string; content: string } {
  return { heading: `<h2 style="${STYLE.h2}">${escapeHtml(block.title)}</h2>`, content: block.blocks.map(renderBlock).join('\n') }
}

export interface HtmlOptions {
  lang?: string
  /** A closing link to the report on the web (a mailed edition, where MAIL_REPORT_URL is set). */
  link?: { href: string; text: string }
}

export function renderReportHtml(report: ReportModel, options: HtmlOptions = {}): string {
  const title = escapeHtml(report.title)
  const content = [
    renderReportHeadingHtml(report),
    ...reportBlocksInOrder(report).flatMap((block) => {
      const { heading, content: blocks } = renderTitledBlockHtml(block)
      return blocks ? [heading, blocks] : [heading]
    }),
    ...(options.link && isSafeLinkUrl(options.link.href)
      ? [`<p style="${STYLE.p}"><a href="${escapeHtml(options.link.href)}" style="${STYLE.a}">${escapeHtml(options.link.text)}</a></p>`]
      : []),
  ]
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang ?? 'sv')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
</head>
<body style="${STYLE.body}">
<table role="presentation" align="center" width="640" cellpadding="0" cellspacing="0" border="0" style="${STYLE.container}">
<tr><td style="${STYLE.cell}">
${content.join('\n')}
</td></tr>
</table>
</body>
</html>
`
}
