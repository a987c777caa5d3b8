/**
 * Editions and "what changed", without a database: an edition renders the text that was sent
 * (and its SHA-256), shows internal actions only to readers, and is compared canonically; the
 * difference between two reports is given per section at bullet granularity, plus actions.
 */
import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { diffEntries, diffReports, entriesOf } from '../../src/report-format/diff'
import { canonicalJson, contentFor, type EditionContent, editionModel, editionText, sameContent } from '../../src/report-format/edition'
import { blocksToLexical } from '../../src/report-format/lexical'
import type { ReportModel } from '../../src/report-format/model'
import { parseReport } from '../../src/report-format/parse'
import { renderReportText } from '../../src/report-format/render-text'

const seed = (() => {
  const result = parseReport(readFileSync(new URL('../../seed/regional-rapport-2025-04-03.txt', import.meta.url), 'utf8'))
  if (!result.ok) throw new Error('seed does not parse')
  return result.report
})()

/** The seed report as an edition's content (ids made up; the actions' audience given). */
function asEdition(report: ReportModel, audience: 'internal' | 'public' = 'internal', internalActions: number[] = []): EditionContent {
  return {
    title: report.title,
    subject: report.subject,
    slug: 'regional-rapport-2025-04-03',
    compiledAt: report.compiledAt,
    audience,
    distribution: ['politicalLeadership'],
    compiledBy: null,
    commissionedBy: null,
    collectedInformation: report.collectedInformation,
    sections: report.sections.map((section, index) => ({ id: index + 1, title: section.title, kind: section.kind, body: blocksToLexical(section.blocks) })),
    communicationActions: report.communicationActions.map((action, index) => ({
      id: index + 1,
      date: `${action.date}T12:00:00.000Z`,
      title: action.title,
      url: action.url,
      channel: null,
      audience: internalActions.includes(index) ? 'internal' : 'public',
      summary: null,
    })),
    spokespersons: report.spokespersons.map((person, index) => ({ id: index + 1, name: person.name, title: person.title })),
  }
}

describe('an edition', () => {
  it('renders exactly the text of the report as its audience sees it, with that text’s SHA-256', () => {
    const content = asEdition(seed)
    const { text, sha256 } = editionText(content)
    expect(text).toBe(renderReportText(seed))
    expect(sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(editionText(content).sha256).toBe(sha256)
  })

  it('shows an internal action of a public report to readers only, and leaves it out of the text that was sent', () => {
    const content = asEdition(seed, 'public', [0])
    const internalTitle = seed.communicationActions[0].title
    expect(contentFor(content, ['public']).communicationActions.map((action) => action.title)).not.toContain(internalTitle)
    expect(contentFor(content, ['internal', 'public']).communicationActions.map((action) => action.title)).toContain(internalTitle)
    expect(editionText(content).text).not.toContain(internalTitle)
    expect(editionText(asEdition(seed, 'internal', [0])).text).toContain(internalTitle)
    expect(editionModel(content, ['internal', 'public']).communicationActions).toHaveLength(seed.communicationActions.length)
  })

  it('compares content canonically: key order does not matter, any value does', () => {
    const content = asEdition(seed)
    const reordered = JSON.parse(JSON.stringify(content, Object.keys(content).reverse())) as EditionContent
    expect(sameContent(content, { ...reordered, ...content })).toBe(true)
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}')
    expect(sameContent(content, { ...content, spokespersons: [{ id: 1, name: 'Karin Looström Muth', title: 'direktör' }] })).toBe(false)
  })
})

describe('what changed', () => {
  const entries = (...lines: [number, string][]) => lines.map(([depth, text]) => ({ depth, text }))

  it('finds added, removed and changed bullets (a removed bullet followed by an added one in its place is a change)', () => {
    const before = entries([1, 'A'], [1, 'B'], [2, 'B1'], [1, 'C'])
    const after = entries([1, 'A'], [1, 'B ändrad'], [2, 'B1'], [1, 'D'], [1, 'E'])
    expect(diffEntries(before, after)).toEqual({
      changed: [
        { before: { depth: 1, text: 'B' }, after: { depth: 1, text: 'B ändrad' } },
        { before: { depth: 1, text: 'C' }, after: { depth: 1, text: 'D' } },
      ],
      added: [{ depth: 1, text: 'E' }],
      removed: [],
    })
    expect(diffEntries(before, before)).toEqual({ added: [], removed: [], changed: [] })
    expect(diffEntries([], after).added).toEqual(after)
    expect(diffEntries(before, []).removed).toEqual(before)
  })

  it('counts a bullet moved to another nesting level as changed', () => {
    expect(diffEntries(entries([1, 'A'], [1, 'B']), entries([1, 'A'], [2, 'B'])).changed).toEqual([
      { before: { depth: 1, text: 'B' }, after: { depth: 2, text: 'B' } },
    ])
  })

  it('reports nothing for the same report', () => {
    const changes = diffReports(seed, seed)
    expect(changes.unchanged).toBe(true)
    expect(changes.sections.every((section) => section.status === 'unchanged')).toBe(true)
  })

  it('gives a next week’s report per section and bullet, with added and removed actions', () => {
    const summary = seed.sections[0]
    const list = summary.blocks.find((block) => block.type === 'list')!
    if (list.type !== 'list') throw new Error('no list')
    const next: ReportModel = {
      ...seed,
      sections: [
        {
          ...summary,
          blocks: [
            {
              type: 'list',
              items: [
                { ...list.items[0], inlines: [{ type: 'text', text: 'En ny första punkt.' }] },
                ...list.items.slice(1, -1),
                { inlines: [{ type: 'text', text: 'Extern expertgrupp utsedd.' }], children: [] },
              ],
            },
          ],
        },
        ...seed.sections.slice(1).filter((section) => section.kind !== 'communicationSituation'),
        { title: 'Ny rubrik', kind: 'other', blocks: [{ type: 'paragraph', inlines: [{ type: 'text', text: 'Helt nytt.' }] }] },
      ],
      communicationActions: [{ date: '2025-04-09', title: 'Ny artikel', url: '#' }, ...seed.communicationActions.slice(0, -1)],
    }
    const changes = diffReports(seed, next)
    const byTitle = Object.fromEntries(changes.sections.map((section) => [section.title, section]))
    expect(byTitle['Sammanfattande lägesbild'].status).toBe('changed')
    expect(byTitle['Sammanfattande lägesbild'].changed[0]).toEqual({
      before: { depth: 1, text: renderInlinesOf(list.items[0]) },
      after: { depth: 1, text: 'En ny första punkt.' },
    })
    // The first list's last bullet was replaced (a change); the second list is gone (removed).
    expect(byTitle['Sammanfattande lägesbild'].changed[1]).toEqual({
      before: { depth: 1, text: renderInlinesOf(list.items.at(-1)!) },
      after: { depth: 1, text: 'Extern expertgrupp utsedd.' },
    })
    const secondList = summary.blocks[1]
    expect(byTitle['Sammanfattande lägesbild'].removed).toEqual(entriesOf([secondList]))
    expect(byTitle['Sammanfattande lägesbild'].added).toEqual([])
    expect(byTitle['Kommunikativ lägesbild'].status).toBe('removed')
    expect(byTitle['Kommunikativ lägesbild'].removed).toEqual(entriesOf(seed.sections.find((section) => section.kind === 'communicationSituation')!.blocks))
    expect(byTitle['Ny rubrik']).toMatchObject({ status: 'added', added: [{ depth: 0, text: 'Helt nytt.' }] })
    expect(byTitle['Om Samordning vårdinformationssystem'].status).toBe('unchanged')
    expect(changes.communicationActions.added.map((action) => action.title)).toEqual(['Ny artikel'])
    expect(changes.communicationActions.removed.map((action) => action.title)).toEqual([seed.communicationActions.at(-1)!.title])
    expect(changes.unchanged).toBe(false)
  })
})

function renderInlinesOf(item: { inlines: { type: string; text: string; url?: string }[] }) {
  return item.inlines.map((inline) => (inline.type === 'link' ? `[${inline.text}](${inline.url})` : inline.text)).join('')
}
