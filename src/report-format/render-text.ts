/**
 * ReportModel -> report text, laid out so that parse -> render reproduces a canonical report
 * (such as the seed) byte for byte: every block is "Title\n\n<content>", blocks are separated by
 * one blank line, and the file ends with a single "\n".
 * reportBlocksInOrder is the layout rule (which block comes where) shared with the Markdown and
 * HTML renderers, so all three formats always agree on order and content.
 */
import type { Block, Inline, ListItem, ReportModel, SpokespersonModel } from './model'
import { ACTIONS_HEADING, LINKS_HEADING, SPOKESPERSONS_HEADING } from './parse'
import { pad2, toStockholmLocal } from './stockholm-time'

/**
 * A titled block of the report body; `blocks` is its content as generic lists and paragraphs.
 * A section's block names its position in `report.sections` (the admin edits it there).
 */
export interface TitledBlock {
  kind: 'section' | 'actions' | 'links' | 'spokespersons'
  title: string
  blocks: Block[]
  sectionIndex?: number
}

export function renderInlines(inlines: Inline[]): string {
  return inlines.map((inline) => (inline.type === 'link' ? `[${inline.text}](${inline.url})` : inline.text)).join('')
}

function renderListItems(items: ListItem[], depth: number): string[] {
  // One leading space per nesting level, not Markdown's two or four.
  return items.flatMap((item) => [`${' '.repeat(depth)}- ${renderInlines(item.inlines)}`, ...renderListItems(item.children, depth + 1)])
}

function renderBlocks(blocks: Block[]): string {
  return blocks.map((block) => (block.type === 'list' ? renderListItems(block.items, 0).join('\n') : renderInlines(block.inlines))).join('\n\n')
}

/** "2025-04-03T07:00:00.000Z" -> "2025-04-03 klockan 09:00" (Stockholm wall-clock time). */
function renderCompiledAt(compiledAt: string): string {
  const local = toStockholmLocal(new Date(compiledAt))
  return `${local.year}-${pad2(local.month)}-${pad2(local.day)} klockan ${pad2(local.hour)}:${pad2(local.minute)}`
}

/** The line under the title: "Sammanställd: 2025-04-03 klockan 09:00". */
export function renderCompiledLine(compiledAt: string): string {
  return `Sammanställd: ${renderCompiledAt(compiledAt)}`
}

/** "2025-03-08" -> "8/3": the report text shows day/month without leading zeros or year. */
function renderDayMonth(date: string): string {
  const [, month, day] = date.split('-').map(Number)
  return `${day}/${month}`
}

function renderSpokesperson(person: SpokespersonModel): string {
  return `${person.name}, ${person.title}`
}

const bulletList = (inlinesPerItem: Inline[][]): Block[] =>
  inlinesPerItem.length > 0 ? [{ type: 'list', items: inlinesPerItem.map((inlines) => ({ inlines, children: [] })) }] : []

/**
 * The body of the report after the title and compiled line, in layout order: non-about sections,
 * actions, collected information, about sections but the last, Talesperson, the last about section.
 * Empty sections and empty fixed headings are left out (a bare title would not parse back), unless
 * `keepEmpty` asks for every one of them (the admin's document view, where they are filled in).
 */
export function reportBlocksInOrder(report: ReportModel, options: { keepEmpty?: boolean } = {}): TitledBlock[] {
  const keep = (blocks: Block[] | unknown[]) => options.keepEmpty === true || blocks.length > 0
  const sections = report.sections.map((section, sectionIndex) => ({ ...section, sectionIndex })).filter((section) => keep(section.blocks))
  const about = sections.filter((section) => section.kind === 'about')
  // Real reports end with an "Om Regional rapport ..." section after Talesperson; a lone about
  // section is about the subject itself and comes before Talesperson.
  const aboutBeforeSpokespersons = about.length > 1 ? about.slice(0, -1) : about
  const aboutAfterSpokespersons = about.length > 1 ? about.slice(-1) : []
  const sectionBlock = ({ title, blocks, sectionIndex }: { title: string; blocks: Block[]; sectionIndex: number }): TitledBlock => ({
    kind: 'section',
    title,
    blocks,
    sectionIndex,
  })

  const ordered: TitledBlock[] = sections.filter((section) => section.kind !== 'about').map(sectionBlock)
  if (keep(report.communicationActions)) {
    const lines = report.communicationActions.map((action): Inline[] => [
      { type: 'text', text: `${renderDayMonth(action.date)}: ` },
      { type: 'link', text: action.title, url: action.url },
    ])
    ordered.push({ kind: 'actions', title: ACTIONS_HEADING, blocks: bulletList(lines) })
  }
  if (keep(report.collectedInformation)) {
    const lines = report.collectedInformation.map((link): Inline[] => [{ type: 'link', text: link.label, url: link.url }])
    ordered.push({ kind: 'links', title: LINKS_HEADING, blocks: bulletList(lines) })
  }
  ordered.push(...aboutBeforeSpokespersons.map(sectionBlock))
  if (keep(report.spokespersons)) {
    const lines = report.spokespersons.map((person): Inline[] => [{ type: 'text', text: renderSpokesperson(person) }])
    ordered.push({ kind: 'spokespersons', title: SPOKESPERSONS_HEADING, blocks: bulletList(lines) })
  }
  ordered.push(...aboutAfterSpokespersons.map(sectionBlock))
  return ordered
}

export function renderReportText(report: ReportModel): string {
  const blocks = [
    report.title,
    renderCompiledLine(report.compiledAt),
    ...reportBlocksInOrder(report).map((block) => `${block.title}\n\n${renderBlocks(block.blocks)}`),
  ]
  return `${blocks.join('\n\n')}\n`
}
