import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { blocksToLexical, type LexicalEditorState, lexicalToBlocks } from '../../src/report-format/lexical'
import type { Block, ListItem, ReportModel } from '../../src/report-format/model'
import { parseInlines, parseReport } from '../../src/report-format/parse'
import { renderReportText } from '../../src/report-format/render-text'
import { reportSchema } from '../../src/report-format/schema'

const readText = (relativePath: string) => readFileSync(new URL(relativePath, import.meta.url), 'utf8')
const seedText = readText('../../seed/regional-rapport-2025-04-03.txt')
const winterText = readText('../fixtures/reports/regional-rapport-2026-01-03-vinter.txt')

/** Round-trip equality: ignore blank lines around the whole file and trailing spaces on lines. */
const normalise = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '')

function parseOrFail(text: string): ReportModel {
  const result = parseReport(text)
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'))
  return result.report
}

function errorsOf(text: string) {
  const result = parseReport(text)
  if (result.ok) throw new Error('expected the text to be rejected')
  return result.errors
}

const maxDepth = (items: ListItem[]): number => (items.length === 0 ? 0 : 1 + Math.max(...items.map((item) => maxDepth(item.children))))

const allLinkUrls = (blocks: Block[]): string[] => {
  const fromItems = (items: ListItem[]): string[] =>
    items.flatMap((item) => [...item.inlines.flatMap((i) => (i.type === 'link' ? [i.url] : [])), ...fromItems(item.children)])
  return blocks.flatMap((block) => (block.type === 'list' ? fromItems(block.items) : block.inlines.flatMap((i) => (i.type === 'link' ? [i.url] : []))))
}

describe('parse the seed report', () => {
  const report = parseOrFail(seedText)

  it('reads title, subject and the compiled time as UTC (CEST, +02:00)', () => {
    expect(report.title).toBe('Regional rapport Samordning vårdinformationssystem')
    expect(report.subject).toBe('Samordning vårdinformationssystem')
    expect(report.compiledAt).toBe('2025-04-03T07:00:00.000Z')
  })

  it('finds the five sections in order, two of them about sections', () => {
    expect(report.sections.map((section) => [section.title, section.kind])).toEqual([
      ['Sammanfattande lägesbild', 'situationSummary'],
      ['Kommunikativ lägesbild', 'communicationSituation'],
      ['Verksamhetens kommentar', 'organisationComment'],
      ['Om Samordning vårdinformationssystem', 'about'],
      ['Om Regional rapport samordnad hantering av införande av vårdinformationssystem', 'about'],
    ])
  })

  it('keeps the blank line inside the first section as two list blocks with nesting', () => {
    const [first, second] = report.sections[0].blocks
    expect(report.sections[0].blocks).toHaveLength(2)
    if (first.type !== 'list' || second.type !== 'list') throw new Error('expected two lists')
    expect(first.items.map((item) => item.children.length)).toEqual([3, 2, 0, 0, 0])
    expect(maxDepth(first.items)).toBe(2)
    expect(second.items).toHaveLength(2)
    expect(first.items[1].children[1].inlines).toEqual([{ type: 'link', text: 'Här är möjligheterna som undersöks för vårdinformationssystem', url: '#' }])
    expect(allLinkUrls(report.sections[0].blocks)).toEqual(['#'])
  })

  it('reads the last about section as two paragraphs', () => {
    const blocks = report.sections[4].blocks
    expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'paragraph'])
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      inlines: [
        {
          type: 'text',
          text: 'Sammanställs av Koncernstab kommunikation, Koncernkontoret, på uppdrag av Samordnad hantering för införande av vårdinformationssystem.',
        },
      ],
    })
  })

  it('reads the fixed headings into their own fields', () => {
    expect(report.communicationActions.map((action) => action.date)).toEqual(['2025-04-03', '2025-04-02', '2025-04-02', '2025-03-31', '2025-03-28'])
    expect(report.communicationActions[2]).toEqual({
      date: '2025-04-02',
      title: 'Nya regiondirektören: Vill involvera och leda genom andra',
      url: '#',
    })
    expect(report.collectedInformation).toHaveLength(5)
    expect(report.collectedInformation[0]).toEqual({
      label: 'Samlad information om Millennium på Insidan',
      url: '#',
    })
    expect(report.spokespersons).toEqual([{ name: 'Karin Looström Muth', title: 'hälso- och sjukvårdsutvecklingsdirektör' }])
  })

  it('passes the zod schema', () => {
    expect(reportSchema.safeParse(report).success).toBe(true)
  })

  it('renders back to the seed text', () => {
    const rendered = renderReportText(report)
    expect(normalise(rendered)).toBe(normalise(seedText))
    expect(rendered.startsWith('Regional rapport')).toBe(true)
    expect(rendered.endsWith('intranätet.\n')).toBe(true)
  })

  it('accepts a BOM, CRLF line endings and trailing spaces', () => {
    const messy =
      '\uFEFF' +
      seedText
        .split('\n')
        .map((line) => `${line}  `)
        .join('\r\n')
    expect(parseOrFail(messy)).toEqual(report)
  })

  it('recognises headings typed with decomposed å/ä/ö (macOS)', () => {
    expect(parseOrFail(seedText.normalize('NFD'))).toEqual(report)
  })
})

describe('hand-written winter report', () => {
  const report = parseOrFail(winterText)

  it('round-trips byte for byte', () => {
    expect(renderReportText(report)).toBe(winterText)
  })

  it('converts winter time (CET, +01:00)', () => {
    expect(report.compiledAt).toBe('2026-01-03T15:45:00.000Z')
  })

  it('dates actions after the compiled day in the previous year', () => {
    expect(report.communicationActions.map((action) => action.date)).toEqual(['2026-01-03', '2026-01-02', '2025-12-30', '2025-11-15'])
  })

  it('keeps paragraphs, deep nesting, query strings, quotes, ampersands and en dashes', () => {
    const summary = report.sections[0]
    expect(summary.blocks.map((block) => block.type)).toEqual(['paragraph', 'list'])
    const list = summary.blocks[1]
    if (list.type !== 'list') throw new Error('expected a list')
    expect(maxDepth(list.items)).toBe(4)
    expect(list.items[0].children[0].children[0].inlines).toEqual([
      { type: 'text', text: 'Bengtsfors vårdcentral – 14 timmar, se ' },
      {
        type: 'link',
        text: 'driftlogg',
        url: 'https://intra.example.se/drift?enhet=bvc&from=2025-12-30&to=2026-01-02',
      },
      { type: 'text', text: '.' },
    ])
    expect(list.items[1].inlines).toEqual([
      { type: 'text', text: 'Läs mer i ' },
      { type: 'link', text: 'lägesrapporten', url: 'https://www.example.se/rapport?id=42&lang=sv' },
      { type: 'text', text: ' och ' },
      { type: 'link', text: 'tidigare rapport', url: '#' },
      { type: 'text', text: '.' },
    ])
    expect(report.sections.map((section) => section.kind)).toEqual(['situationSummary', 'communicationSituation', 'organisationComment', 'other', 'about'])
  })

  it('splits several spokespersons at the first ", "', () => {
    expect(report.spokespersons).toEqual([
      { name: 'Anna Andersson', title: 'beredskapschef, koncernstab säkerhet' },
      { name: 'Per-Olof Öberg', title: 'presskontakt' },
      { name: 'Lena "Lelle" Lind', title: 'tf. kommunikationschef' },
    ])
  })
})

describe('Stockholm time', () => {
  const compiled = (dateTime: string) => `Regional rapport X\n\nSammanställd: ${dateTime}\n\nLäge\n\n- Text.\n`

  it.each([
    ['2025-01-15 09:00', '2025-01-15T08:00:00.000Z'], // winter time, CET
    ['2025-03-30 01:59', '2025-03-30T00:59:00.000Z'],
    ['2025-03-30 03:00', '2025-03-30T01:00:00.000Z'],
    ['2025-10-26 02:30', '2025-10-26T00:30:00.000Z'], // the repeated hour: the first (summer-time) one
    ['2025-12-31 23:30', '2025-12-31T22:30:00.000Z'],
  ])('%s in Stockholm is %s', (local, utc) => {
    const [date, time] = local.split(' ')
    const report = parseOrFail(compiled(`${date} klockan ${time}`))
    expect(report.compiledAt).toBe(utc)
    expect(renderReportText(report)).toContain(`Sammanställd: ${date} klockan ${time}\n`)
  })

  it('rejects a time skipped when clocks go forward', () => {
    expect(errorsOf(compiled('2025-03-30 klockan 02:30'))[0].message).toMatch(/^line 3: 02:30 does not exist/)
  })
})

describe('parse errors name the line and what was expected', () => {
  // Line numbers: 1 title, 3 Sammanställd, 5 section title, 7 bullets...
  const report = (body: string, header = 'Regional rapport X\n\nSammanställd: 2025-04-03 klockan 09:00') => `${header}\n\n${body}\n`

  it.each([
    ['empty text', '', 1, 'expected a title line'],
    ['missing title', 'Sammanställd: 2025-04-03 klockan 09:00\n\nLäge\n\n- A.', 1, 'expected a title line'],
    ['missing Sammanställd', 'Regional rapport X\n\nLäge\n\n- A.', 3, 'expected "Sammanställd: YYYY-MM-DD klockan HH:MM"'],
    ['only a title', '\n\nRegional rapport X\n', 4, 'expected "Sammanställd: YYYY-MM-DD klockan HH:MM"'],
    ['malformed Sammanställd', report('Läge\n\n- A.', 'Regional rapport X\n\nSammanställd: 3 april 2025'), 3, 'expected "Sammanställd:'],
    ['impossible date', report('Läge\n\n- A.', 'Regional rapport X\n\nSammanställd: 2025-02-30 klockan 09:00'), 3, '2025-02-30 is not a real date'],
    ['impossible time', report('Läge\n\n- A.', 'Regional rapport X\n\nSammanställd: 2025-02-03 klockan 24:10'), 3, '24:10 is not a real time'],
    ['bullet two levels deeper', report('Läge\n\n- A.\n  - B.'), 8, 'bullet has 2 leading spaces; expected at most 1'],
    ['list starting indented', report('Läge\n\n - A.'), 7, 'bullet has 1 leading spaces; expected at most 0'],
    ['indented non-bullet', report('Läge\n\n- A.\n\n  Text.'), 9, 'expected "- " after the leading spaces'],
    ['text directly after bullets', report('Läge\n\n- A.\nfortsättning.'), 8, 'expected a bullet "- "'],
    ['empty bullet', report('Läge\n\n- A.\n-'), 8, 'expected text after "- "'],
    ['malformed action line', report('Kommunikativa åtgärder, urval\n\n- 3/4: [A](#)\n- 2/4 [B](#)'), 8, 'expected "- d/m: [title](url)"'],
    ['action without link', report('Kommunikativa åtgärder, urval\n\n- 3/4: Rubrik'), 7, 'expected "- d/m: [title](url)"'],
    ['impossible action date', report('Kommunikativa åtgärder, urval\n\n- 29/2: [A](#)'), 7, '29/2 is not a real date in 2025'],
    ['malformed link line', report('Samlad information\n\n- Insidan (#)'), 7, 'expected "- [label](url)"'],
    ['malformed spokesperson', report('Talesperson\n\n- Karin Looström Muth'), 7, 'expected "- Name, title"'],
    ['empty section', report('Läge\n\nKommunikativ lägesbild\n\n- A.'), 5, 'section "Läge" is empty'],
    ['empty section at the end', report('Läge\n\n- A.\n\nVerksamhetens kommentar'), 9, 'section "Verksamhetens kommentar" is empty'],
    ['empty fixed heading', report('Talesperson\n\nOm X\n\n- A.'), 5, '"Talesperson" is empty'],
    ['content before any title', report('- A.'), 5, 'expected a section title before this text'],
  ])('%s', (_case, text, line, expected) => {
    const [error] = errorsOf(text)
    expect(error.line).toBe(line)
    expect(error.message).toContain(`line ${line}: `)
    expect(error.message).toContain(expected)
  })

  it('reports every bad line, not just the first', () => {
    const text = report('Talesperson\n\n- A\n- B, b\n- C')
    expect(errorsOf(text).map((error) => error.line)).toEqual([7, 9])
  })

  it('names the file when given one', () => {
    const result = parseReport('Regional rapport X\n', { fileName: 'rapport.txt' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0].message).toBe('rapport.txt, line 2: expected "Sammanställd: YYYY-MM-DD klockan HH:MM"')
  })
})

describe('inline links', () => {
  it('keeps the text around links exactly and treats non-links as text', () => {
    expect(parseInlines('Se [A & B](https://x.se/?a=1&b=2) (bilaga) – [ej länk] och [C](#).')).toEqual([
      { type: 'text', text: 'Se ' },
      { type: 'link', text: 'A & B', url: 'https://x.se/?a=1&b=2' },
      { type: 'text', text: ' (bilaga) – [ej länk] och ' },
      { type: 'link', text: 'C', url: '#' },
      { type: 'text', text: '.' },
    ])
  })
})

describe('Lexical mapping', () => {
  const seedSections = parseOrFail(seedText).sections
  const winterSections = parseOrFail(winterText).sections

  it.each([...seedSections, ...winterSections].map((section) => [section.title, section.blocks] as const))(
    'round-trips the blocks of "%s"',
    (_title, blocks) => {
      expect(lexicalToBlocks(blocksToLexical(blocks))).toEqual(blocks)
    },
  )

  it('serialises the way Payload stores lists, nesting and links', () => {
    const state = blocksToLexical(seedSections[0].blocks)
    const [firstList, separator, secondList] = state.root.children
    expect(state.root).toMatchObject({ type: 'root', format: '', indent: 0, version: 1 })
    expect(firstList).toMatchObject({ type: 'list', listType: 'bullet', tag: 'ul', start: 1 })
    // Lexical merges adjacent lists, so an empty paragraph keeps the two list blocks apart.
    expect(separator).toMatchObject({ type: 'paragraph', children: [] })
    expect(secondList.type).toBe('list')

    const items = firstList.children ?? []
    expect(items.map((item) => item.value)).toEqual([1, 2, 2, 3, 3, 4, 5])
    const nestedWrapper = items[1]
    expect(nestedWrapper.children).toHaveLength(1)
    expect(nestedWrapper.children?.[0].type).toBe('list')
    const nestedItems = nestedWrapper.children?.[0].children ?? []
    expect(nestedItems[0]).toMatchObject({ type: 'listitem', indent: 1, value: 1 })
    expect(nestedItems[0].children?.[0]).toEqual({
      detail: 0,
      format: 0,
      mode: 'normal',
      style: '',
      text:
        'Håkan Sandahls anställning i Västra Götalandsregionen har avslutats och den 31 mars blev ' +
        'Ann-Charlotte Järnström, tidigare ekonomidirektör, tillförordnad regiondirektör.',
      type: 'text',
      version: 1,
    })
    const link = (items[3].children?.[0].children ?? [])[1].children?.[0]
    expect(link).toMatchObject({
      type: 'link',
      version: 3,
      fields: { url: '#', newTab: false, linkType: 'custom' },
      children: [{ type: 'text', text: 'Här är möjligheterna som undersöks för vårdinformationssystem' }],
    })
  })

  it('copes with what an editor makes in the admin', () => {
    const text = (value: string, format = 0) => ({ type: 'text', version: 1, text: value, format })
    const edited: LexicalEditorState = {
      root: {
        type: 'root',
        version: 1,
        children: [
          { type: 'paragraph', version: 1, children: [] },
          {
            type: 'paragraph',
            version: 1,
            children: [
              text('Fet ', 1),
              text('och kursiv', 2),
              text(' text. '),
              { type: 'linebreak', version: 1 },
              text('Ny rad med '),
              {
                type: 'autolink',
                version: 2,
                fields: { url: 'https://vgr.se' },
                children: [text('vgr.se', 1)],
              },
            ],
          },
          {
            type: 'list',
            version: 1,
            listType: 'number',
            children: [
              {
                type: 'listitem',
                version: 1,
                children: [text('Ett'), { type: 'linebreak', version: 1 }, text('två')],
              },
              {
                type: 'listitem',
                version: 1,
                children: [
                  {
                    type: 'list',
                    version: 1,
                    children: [{ type: 'listitem', version: 1, children: [text('Under')] }],
                  },
                ],
              },
              { type: 'listitem', version: 1, children: [] },
            ],
          },
        ],
      },
    }
    expect(lexicalToBlocks(edited)).toEqual([
      { type: 'paragraph', inlines: [{ type: 'text', text: 'Fet och kursiv text.' }] },
      {
        type: 'paragraph',
        inlines: [
          { type: 'text', text: 'Ny rad med ' },
          { type: 'link', text: 'vgr.se', url: 'https://vgr.se' },
        ],
      },
      {
        type: 'list',
        items: [
          {
            inlines: [{ type: 'text', text: 'Ett två' }],
            children: [{ inlines: [{ type: 'text', text: 'Under' }], children: [] }],
          },
        ],
      },
    ])
  })

  it('returns no blocks for an empty or missing state', () => {
    expect(lexicalToBlocks(undefined)).toEqual([])
    expect(lexicalToBlocks(blocksToLexical([]))).toEqual([])
  })
})

describe('schema', () => {
  it('rejects a model that the text format cannot hold', () => {
    const report = parseOrFail(seedText)
    expect(reportSchema.safeParse({ ...report, compiledAt: '2025-04-03 09:00' }).success).toBe(false)
    expect(reportSchema.safeParse({ ...report, spokespersons: [{ name: 'A\nB', title: 'x' }] }).success).toBe(false)
    expect(reportSchema.safeParse({ ...report, communicationActions: [{ date: '3/4', title: 'A', url: '#' }] }).success).toBe(false)
  })
})
