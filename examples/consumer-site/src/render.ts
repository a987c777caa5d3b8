/**
 * A report and the list of reports as DOM. The order of the blocks is the report format's own
 * (the CMS's src/report-format/render-text.ts, reportBlocksInOrder): the sections, the
 * communication actions, the collected information, the "about" sections but the last, the
 * spokespersons, and the last "about" section.
 */
import type { Report, ReportChanges, ReportListItem } from './api'
import { h, link } from './dom'
import { formatCompiledAt, formatDayMonth, formatLongDate } from './format'
import { renderLexical } from './lexical'

type Section = NonNullable<Report['sections']>[number]

const reportHref = (slug: string) => `#/rapport/${encodeURIComponent(slug)}`

function block(title: string, className: string, ...content: Node[]): HTMLElement {
  return h('section', { class: className }, h('h2', {}, title), content)
}

function sectionBlock(section: Section): HTMLElement | undefined {
  const body = renderLexical(section.body)
  // An empty section is left out, as in the CMS's text, Markdown and HTML exports.
  return body.length > 0 ? block(section.title ?? '', `section section--${section.kind ?? 'other'}`, ...body) : undefined
}

export function renderReport(report: Report): HTMLElement {
  const sections = report.sections ?? []
  const about = sections.filter((section) => section.kind === 'about')
  // Real reports end with "Om Regional rapport …" after Talesperson; a lone about section comes before it.
  const lastAbout = about.length > 1 ? about[about.length - 1] : undefined
  const actions = report.communicationActions ?? []
  const links = report.collectedInformation ?? []
  const spokespersons = report.spokespersons ?? []

  const blocks: (HTMLElement | undefined)[] = [
    ...sections.filter((section) => section.kind !== 'about').map(sectionBlock),
    actions.length > 0
      ? block(
          'Kommunikativa åtgärder, urval',
          'actions',
          h(
            'ul',
            {},
            actions.map((action) =>
              h('li', {}, h('time', { datetime: action.date?.slice(0, 10) }, formatDayMonth(action.date)), ': ', link(action.url, action.title ?? '')),
            ),
          ),
        )
      : undefined,
    links.length > 0
      ? block(
          'Samlad information',
          'collected',
          h(
            'ul',
            {},
            links.map((item) => h('li', {}, link(item.url, item.label ?? ''))),
          ),
        )
      : undefined,
    ...about.filter((section) => section !== lastAbout).map(sectionBlock),
    spokespersons.length > 0
      ? block(
          'Talesperson',
          'spokespersons',
          h(
            'ul',
            {},
            spokespersons.map((person) => h('li', {}, [person.name, person.title].filter(Boolean).join(', '))),
          ),
        )
      : undefined,
    lastAbout ? sectionBlock(lastAbout) : undefined,
  ]

  return h(
    'article',
    { class: 'report', 'data-slug': report.slug ?? undefined },
    h(
      'header',
      {},
      h('h1', {}, report.title ?? ''),
      h('p', { class: 'compiled' }, 'Sammanställd: ', h('time', { datetime: report.compiledAt ?? undefined }, formatCompiledAt(report.compiledAt))),
    ),
    blocks.filter((element): element is HTMLElement => element !== undefined),
  )
}

export function renderReportList(title: string, reports: ReportListItem[]): HTMLElement {
  return h(
    'nav',
    { class: 'report-list', 'aria-label': title },
    h('h2', {}, title),
    reports.length === 0
      ? h('p', {}, 'Inga andra publicerade rapporter.')
      : h(
          'ul',
          {},
          reports.map((item) =>
            h(
              'li',
              {},
              item.slug ? h('a', { href: reportHref(item.slug) }, item.title ?? item.slug) : (item.title ?? ''),
              ' ',
              h('time', { datetime: item.compiledAt ?? undefined }, formatLongDate(item.compiledAt)),
            ),
          ),
        ),
  )
}

/** A line of status; an h1 when it is all the page has to say (no report to show), as its level-one heading. */
export function renderMessage(text: string, className = 'status', tag: 'p' | 'h1' = 'p'): HTMLElement {
  return h(tag, { class: className }, text)
}

/**
 * "Nytt sedan förra rapporten": the bullets added or changed and the actions added since the
 * previous report on the same subject. Nothing when there is no previous report or no change.
 */
export function renderChanges(report: ReportChanges): HTMLElement | undefined {
  const changes = report.changes
  if (!report.since || !changes || changes.unchanged) return undefined
  const items: HTMLElement[] = []
  for (const section of changes.sections) {
    for (const change of section.changed) items.push(h('li', {}, h('strong', {}, `${section.title}: `), change.after.text))
    for (const entry of section.added) items.push(h('li', {}, h('strong', {}, `${section.title}: `), entry.text))
  }
  for (const action of changes.communicationActions.added) items.push(h('li', {}, h('strong', {}, 'Ny åtgärd: '), action.title))
  if (items.length === 0) return undefined
  return h(
    'aside',
    { class: 'changes', 'aria-label': 'Nytt sedan förra rapporten' },
    h('h2', {}, 'Nytt sedan förra rapporten'),
    h('p', { class: 'changes-since' }, `Jämfört med rapporten ${formatLongDate(report.since.publishedAt)}.`),
    h('ul', {}, items),
  )
}
