/**
 * ReportModel -> report text, laid out so that parse -> render reproduces a canonical report
 * (such as the seed) byte for byte: every block is "Title\n\n<content>", blocks are separated by
 * one blank line, and the file ends with a single "\n".
 */
import type { Block, Inline, ListItem, ReportModel, SectionModel } from './model'
import { ACTIONS_HEADING, LINKS_HEADING, SPOKESPERSONS_HEADING } from './parse'
import { pad2, toStockholmLocal } from './stockholm-time'

export function renderInlines(inlines: Inline[]): string {
  return inlines
    .map((inline) => (inline.type === 'link' ? `[${inline.text}](${inline.url})` : inline.text))
    .join('')
}

function renderListItems(items: ListItem[], depth: number): string[] {
  // One leading space per nesting level, not Markdown's two or four.
  return items.flatMap((item) => [
    `${' '.repeat(depth)}- ${renderInlines(item.inlines)}`,
    ...renderListItems(item.children, depth + 1),
  ])
}

export function renderBlocks(blocks: Block[]): string {
  return blocks
    .map((block) =>
      block.type === 'list' ? renderListItems(block.items, 0).join('\n') : renderInlines(block.inlines),
    )
    .join('\n\n')
}

/** "2025-04-03T07:00:00.000Z" -> "2025-04-03 klockan 09:00" (Stockholm wall-clock time). */
export function renderCompiledAt(compiledAt: string): string {
  const local = toStockholmLocal(new Date(compiledAt))
  return `${local.year}-${pad2(local.month)}-${pad2(local.day)} klockan ${pad2(local.hour)}:${pad2(local.minute)}`
}

/** "2025-03-08" -> "8/3": the report text shows day/month without leading zeros or year. */
function renderDayMonth(date: string): string {
  const [, month, day] = date.split('-').map(Number)
  return `${day}/${month}`
}

const titled = (title: string, content: string) => `${title}\n\n${content}`

export function renderReportText(report: ReportModel): string {
  const renderSection = (section: SectionModel) => titled(section.title, renderBlocks(section.blocks))
  // A section without blocks would render as a bare title that the parser rejects, so it is left out.
  const sections = report.sections.filter((section) => section.blocks.length > 0)
  const about = sections.filter((section) => section.kind === 'about')
  // Real reports end with an "Om Regional rapport ..." section after Talesperson; a lone about
  // section is about the subject itself and comes before Talesperson.
  const aboutBeforeSpokespersons = about.length > 1 ? about.slice(0, -1) : about
  const aboutAfterSpokespersons = about.length > 1 ? about.slice(-1) : []

  const blocks = [
    report.title,
    `Sammanställd: ${renderCompiledAt(report.compiledAt)}`,
    ...sections.filter((section) => section.kind !== 'about').map(renderSection),
  ]
  if (report.communicationActions.length > 0) {
    const lines = report.communicationActions.map(
      (action) => `- ${renderDayMonth(action.date)}: [${action.title}](${action.url})`,
    )
    blocks.push(titled(ACTIONS_HEADING, lines.join('\n')))
  }
  if (report.collectedInformation.length > 0) {
    const lines = report.collectedInformation.map((link) => `- [${link.label}](${link.url})`)
    blocks.push(titled(LINKS_HEADING, lines.join('\n')))
  }
  blocks.push(...aboutBeforeSpokespersons.map(renderSection))
  if (report.spokespersons.length > 0) {
    const lines = report.spokespersons.map((person) => `- ${person.name}, ${person.title}`)
    blocks.push(titled(SPOKESPERSONS_HEADING, lines.join('\n')))
  }
  blocks.push(...aboutAfterSpokespersons.map(renderSection))
  return `${blocks.join('\n\n')}\n`
}
