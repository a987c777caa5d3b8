import { readFileSync } from 'node:fs'

import { HtmlRenderer, Parser, type Node } from 'commonmark'
import { describe, expect, it } from 'vitest'

import { isSafeLinkUrl } from '../../src/report-format/link-url'
import type { Block, Inline, ListItem, ReportModel } from '../../src/report-format/model'
import { parseReport } from '../../src/report-format/parse'
import { renderReportHeadingHtml, renderReportHtml, renderTitledBlockHtml } from '../../src/report-format/render-html'
import { renderReportMarkdown } from '../../src/report-format/render-markdown'
import { renderCompiledLine, reportBlocksInOrder } from '../../src/report-format/render-text'

const readText = (relativePath: string) => readFileSync(new URL(relativePath, import.meta.url), 'utf8')

function parseOrFail(text: string): ReportModel {
  const result = parseReport(text)
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'))
  return result.report
}

const seed = parseOrFail(readText('../../seed/regional-rapport-2025-04-03.txt'))
const winter = parseOrFail(readText('../fixtures/reports/regional-rapport-2026-01-03-vinter.txt'))

const SEED_BLOCK_TITLES = [
  'Sammanfattande lägesbild',
  'Kommunikativ lägesbild',
  'Verksamhetens kommentar',
  'Kommunikativa åtgärder, urval',
  'Samlad information',
  'Om Samordning vårdinformationssystem',
  'Talesperson',
  'Om Regional rapport samordnad hantering av införande av vårdinformationssystem',
]
const WINTER_BLOCK_TITLES = [
  'Sammanfattande lägesbild',
  'Kommunikativ lägesbild',
  'Verksamhetens kommentar',
  'Övriga frågor (ej prioriterade)',
  'Kommunikativa åtgärder, urval',
  'Samlad information',
  'Om Vinterberedskap & elförsörjning',
  'Talesperson',
]

// Every Markdown special character the brief names, in a title, a heading, bullets and links.
const TRICKY = 'A *stjärna* _under_ [hakparentes] <b>fet</b> &amp; &#35; AT&T \\ bak\\*snedstreck `kod` ~~struken~~ ![bild](x.png) <https://auto.se>'
const text = (value: string): Inline => ({ type: 'text', text: value })
const link = (value: string, url: string): Inline => ({ type: 'link', text: value, url })
const item = (value: string | Inline[], children: ListItem[] = []): ListItem => ({
  inlines: typeof value === 'string' ? [text(value)] : value,
  children,
})

const adversarial: ReportModel = {
  title: `Regional rapport ${TRICKY}`,
  subject: TRICKY,
  compiledAt: '2025-04-03T07:00:00.000Z',
  sections: [
    {
      title: '# inte en rubrik #',
      kind: 'other',
      blocks: [
        { type: 'paragraph', inlines: [text('1. inte en numrerad lista')] },
        {
          type: 'paragraph',
          inlines: [text('    fyra blanksteg är inte kod och slutet behåller blanksteg  ')],
        },
        {
          type: 'list',
          items: [
            item('- inget nytt streck', [item('+ plus', [item('> inget citat')]), item('2) parentes')]),
            item('---'),
            item('<div>inget html-block</div>'),
            item('[ref]: /inte-en-definition'),
            item(TRICKY),
            item([text('Viktigt!'), link('[special] *länk*', 'https://x.se/a b(c)<d>)e')]),
          ],
        },
        { type: 'list', items: [item('Ny lista direkt efter den förra', [item('~~~ inget staket')])] },
        {
          type: 'paragraph',
          inlines: [text('<script>alert(1)</script> '), link('farlig', 'javascript:alert(1)')],
        },
      ],
    },
    {
      title: '1) Om test',
      kind: 'about',
      blocks: [{ type: 'paragraph', inlines: [link('Citat', `https://x.se/?q="a"&b='c'&copy;`)] }],
    },
  ],
  communicationActions: [
    { date: '2025-04-01', title: '_Kursiv?_ <script>alert(1)</script>', url: 'javascript:alert(1)' },
    { date: '2025-03-08', title: '&copy; & "citat"', url: 'https://x.se/?a=1&b=2' },
  ],
  collectedInformation: [
    { label: '```', url: '#' },
    { label: 'Data', url: 'data:text/html,<script>alert(1)</script>' },
  ],
  spokespersons: [{ name: '1986. Namn', title: '<script>alert(1)</script> & "chef"' }],
}

// ---------------------------------------------------------------------------------------------
// Markdown: parse with the reference CommonMark implementation and compare with the model.

type MarkdownBlock = Block | { type: 'heading'; level: number; text: string } | { type: string }

/** Merges adjacent text so the comparison ignores how either side splits runs. */
function mergeText(inlines: Inline[]): Inline[] {
  const merged: Inline[] = []
  for (const inline of inlines) {
    const previous = merged.at(-1)
    if (inline.type === 'text' && previous?.type === 'text') previous.text += inline.text
    else merged.push({ ...inline })
  }
  return merged
}

const childrenOf = (node: Node): Node[] => {
  const children: Node[] = []
  for (let child = node.firstChild; child; child = child.next) children.push(child)
  return children
}

/** Inline AST -> model inlines; any other node (emphasis, code, HTML, image...) spoils the text. */
function inlinesOf(node: Node): Inline[] {
  return mergeText(
    childrenOf(node).map((child): Inline => {
      if (child.type === 'text') return text(child.literal ?? '')
      if (child.type === 'link') return link(plainTextOf(child), child.destination ?? '')
      return text(`«unexpected ${child.type}»`)
    }),
  )
}

const plainTextOf = (node: Node) =>
  inlinesOf(node)
    .map((inline) => (inline.type === 'text' ? inline.text : `«link ${inline.text}»`))
    .join('')

function listItemsOf(list: Node): ListItem[] | undefined {
  if (list.listType !== 'bullet') return undefined
  return childrenOf(list).map((listItem) => {
    const [paragraph, nestedList, ...rest] = childrenOf(listItem)
    const children = nestedList?.type === 'list' ? listItemsOf(nestedList) : undefined
    if (paragraph?.type !== 'paragraph' || rest.length > 0 || (nestedList && !children)) return item(`«unexpected item content»`)
    return { inlines: inlinesOf(paragraph), children: children ?? [] }
  })
}

function markdownBlocks(markdown: string): MarkdownBlock[] {
  return childrenOf(new Parser().parse(markdown)).map((node): MarkdownBlock => {
    if (node.type === 'heading') return { type: 'heading', level: node.level, text: plainTextOf(node) }
    if (node.type === 'paragraph') return { type: 'paragraph', inlines: inlinesOf(node) }
    const items = node.type === 'list' ? listItemsOf(node) : undefined
    return items ? { type: 'list', items } : { type: `unexpected ${node.type}` }
  })
}

/** What the Markdown must parse back to: the model, with unsafe links as plain text. */
function expectedMarkdownBlocks(report: ReportModel, hrefOf = (url: string) => url): MarkdownBlock[] {
  const expectInlines = (inlines: Inline[]) =>
    mergeText(
      inlines.map((inline) => (inline.type !== 'link' ? inline : isSafeLinkUrl(inline.url) ? link(inline.text, hrefOf(inline.url)) : text(inline.text))),
    )
  const expectItems = (items: ListItem[]): ListItem[] => items.map((each) => ({ inlines: expectInlines(each.inlines), children: expectItems(each.children) }))
  return [
    { type: 'heading', level: 1, text: report.title },
    { type: 'paragraph', inlines: [text(renderCompiledLine(report.compiledAt))] },
    ...reportBlocksInOrder(report).flatMap((block) => [
      { type: 'heading', level: 2, text: block.title },
      ...block.blocks.map((each): Block =>
        each.type === 'list' ? { type: 'list', items: expectItems(each.items) } : { type: 'paragraph', inlines: expectInlines(each.inlines) },
      ),
    ]),
  ]
}

const listDepth = (items: ListItem[]): number => (items.length === 0 ? 0 : 1 + Math.max(...items.map((each) => listDepth(each.children))))

const markdownListDepth = (markdown: string) => Math.max(...markdownBlocks(markdown).map((block) => ('items' in block ? listDepth(block.items) : 0)))

const h2Titles = (blocks: MarkdownBlock[]) => blocks.flatMap((block) => ('level' in block && block.level === 2 ? [block.text] : []))

describe('Markdown rendering', () => {
  it('lays out the seed as h1, compiled line and one h2 per block in report order', () => {
    const blocks = markdownBlocks(renderReportMarkdown(seed))
    expect(blocks.filter((block) => 'level' in block && block.level === 1)).toEqual([
      { type: 'heading', level: 1, text: 'Regional rapport Samordning vårdinformationssystem' },
    ])
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      inlines: [text('Sammanställd: 2025-04-03 klockan 09:00')],
    })
    expect(h2Titles(blocks)).toEqual(SEED_BLOCK_TITLES)
  })

  it('parses the seed back to exactly the model: nesting, text, links and the d/m action lines', () => {
    const blocks = markdownBlocks(renderReportMarkdown(seed))
    expect(blocks).toEqual(expectedMarkdownBlocks(seed))
    // The blank line between the two lists of the first section keeps them two lists.
    expect(blocks.slice(2, 5).map((block) => block.type)).toEqual(['heading', 'list', 'list'])
    expect(markdownListDepth(renderReportMarkdown(seed))).toBe(2)
    const actions = blocks[blocks.findIndex((block) => 'text' in block && block.text === SEED_BLOCK_TITLES[3]) + 1]
    expect(actions.type).toBe('list')
    expect('items' in actions && actions.items[0]).toEqual(item([text('3/4: '), link('Arbetet med ett nytt vårdinformationssystem måste få ta tid', '#')]))
  })

  it('parses the winter fixture back to the model, four levels deep, URLs unchanged', () => {
    const markdown = renderReportMarkdown(winter)
    const blocks = markdownBlocks(markdown)
    expect(blocks).toEqual(expectedMarkdownBlocks(winter))
    expect(h2Titles(blocks)).toEqual(WINTER_BLOCK_TITLES)
    expect(markdownListDepth(markdown)).toBe(4)
    expect(markdown).toContain('(https://intra.example.se/drift?enhet=bvc&from=2025-12-30&to=2026-01-02)')
    expect(markdown).toContain('\n      - Bränslet räckte med marginal (cirka 40 %).\n')
  })

  it('escapes every special character so CommonMark shows the original text', () => {
    const markdown = renderReportMarkdown(adversarial)
    const blocks = markdownBlocks(markdown)
    // A URL with a space and angle brackets must be percent-encoded to be a link at all.
    expect(blocks).toEqual(expectedMarkdownBlocks(adversarial, encodeURI))
    expect(blocks[0]).toEqual({ type: 'heading', level: 1, text: `Regional rapport ${TRICKY}` })
    expect(h2Titles(blocks)).toEqual(['# inte en rubrik #', 'Kommunikativa åtgärder, urval', 'Samlad information', '1) Om test', 'Talesperson'])
    expect(blocks[3]).toEqual({ type: 'paragraph', inlines: [text('1. inte en numrerad lista')] })

    const html = new HtmlRenderer().render(new Parser().parse(markdown))
    expect(html).not.toMatch(/<(b|em|strong|code|img|script|div|blockquote|hr|h3|ol|pre)\b/)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('href="https://x.se/?q=%22a%22&amp;b=\'c\'&amp;copy;"')
  })

  it('renders unsafe links as plain text', () => {
    const markdown = renderReportMarkdown(adversarial)
    expect(markdown).not.toMatch(/\]\((javascript|data):/)
    expect(markdown).toContain('- 1/4: \\_Kursiv?\\_ \\<script>alert(1)\\</script>\n')
    expect(markdown).toContain('- Data\n')
  })
})

// ---------------------------------------------------------------------------------------------
// HTML e-mail.

const ALLOWED_TAGS = new Set(['html', 'head', 'meta', 'title', 'body', 'table', 'tr', 'td', 'h1', 'h2', 'p', 'ul', 'li', 'a'])

const openingTags = (html: string) =>
  [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>/g)].map(([, name, attributes]) => ({
    name,
    attributes,
  }))

const bodyOf = (html: string) => html.slice(html.indexOf('<body'), html.indexOf('</body>'))

function maxUlDepth(html: string): number {
  let depth = 0
  let max = 0
  for (const [tag] of html.matchAll(/<\/?ul\b/g)) {
    depth += tag === '<ul' ? 1 : -1
    max = Math.max(max, depth)
  }
  expect(depth).toBe(0)
  return max
}

const countItems = (items: ListItem[]): number => items.reduce((sum, each) => sum + 1 + countItems(each.children), 0)

const decodeHtml = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')

const headingTexts = (html: string, level: 1 | 2) =>
  [...html.matchAll(new RegExp(`<h${level}\\b[^>]*>(.*?)</h${level}>`, 'g'))].map(([, inner]) => decodeHtml(inner))

describe('HTML e-mail rendering', () => {
  const html = renderReportHtml(seed)

  it('is a complete document in Swedish with charset and title', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="sv">\n')).toBe(true)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain('<title>Regional rapport Samordning vårdinformationssystem</title>')
    expect(html.trimEnd().endsWith('</html>')).toBe(true)
    expect(renderReportHtml(seed, { lang: 'en"x' })).toContain('<html lang="en&quot;x">')
  })

  it('uses inline styles only, in one centred 640px table', () => {
    expect(html).not.toMatch(/<style|<script|<link|<img|class=|@import|url\(/i)
    const bodyTags = openingTags(bodyOf(html))
    expect(bodyTags.filter((tag) => !/style="[^"]+"/.test(tag.attributes) && tag.name !== 'tr')).toEqual([])
    expect(bodyTags.filter((tag) => tag.name === 'table')).toHaveLength(1)
    expect(html).toMatch(/<table [^>]*width="640"[^>]*max-width:640px/)
    expect(html).toMatch(/font-family:Arial, Helvetica, sans-serif/)
  })

  it('shows the seed: title, compiled line, every block in order, nested lists, actions, links, spokesperson', () => {
    expect(headingTexts(html, 1)).toEqual(['Regional rapport Samordning vårdinformationssystem'])
    expect(headingTexts(html, 2)).toEqual(SEED_BLOCK_TITLES)
    expect(html).toMatch(/<p [^>]*>Sammanställd: 2025-04-03 klockan 09:00<\/p>/)
    expect(maxUlDepth(html)).toBe(2)
    const sectionItems = seed.sections.flatMap((section) => section.blocks.flatMap((block) => (block.type === 'list' ? [countItems(block.items)] : [])))
    const fixedItems = seed.communicationActions.length + seed.collectedInformation.length + seed.spokespersons.length
    expect(html.match(/<li\b/g)).toHaveLength(sectionItems.reduce((a, b) => a + b) + fixedItems)
    expect(html).toMatch(/<li [^>]*>3\/4: <a href="#" style="[^"]+">Arbetet med ett nytt vårdinformationssystem måste få ta tid<\/a><\/li>/)
    expect(html).toMatch(/<li [^>]*>31\/3: <a href="#"/)
    for (const { label } of seed.collectedInformation) expect(html).toMatch(new RegExp(`<li [^>]*><a href="#" style="[^"]+">${label}</a></li>`))
    expect(html).toMatch(/<li [^>]*>Karin Looström Muth, hälso- och sjukvårdsutvecklingsdirektör<\/li>/)
    expect(html).toMatch(/<p [^>]*>Sammanställs av Koncernstab kommunikation/)
  })

  it('shows the winter fixture four lists deep with its ampersands and quotes escaped', () => {
    const winterHtml = renderReportHtml(winter)
    expect(maxUlDepth(winterHtml)).toBe(4)
    expect(headingTexts(winterHtml, 2)).toEqual(WINTER_BLOCK_TITLES)
    expect(winterHtml).toContain('<title>Regional rapport Vinterberedskap &amp; elförsörjning</title>')
    expect(winterHtml).toContain('href="https://www.example.se/rapport?id=42&amp;lang=sv"')
    expect(winterHtml).toContain('inga &quot;kritiska&quot; störningar')
    expect(winterHtml).toMatch(/<li [^>]*>30\/12: <a href="https:\/\/www.vgregion.se\/nyheter\?id=120"/)
  })

  it('escapes hostile text and never links an unsafe URL', () => {
    const hostile = renderReportHtml(adversarial)
    expect(hostile).not.toMatch(/<script/i)
    expect(openingTags(hostile).filter((tag) => !ALLOWED_TAGS.has(tag.name))).toEqual([])
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(headingTexts(hostile, 1)).toEqual([`Regional rapport ${TRICKY}`])
    expect(decodeHtml(bodyOf(hostile))).toContain('<script>alert(1)</script> & "chef"')
    expect(hostile).toContain('href="https://x.se/?q=&quot;a&quot;&amp;b=&#39;c&#39;&amp;copy;"')
    expect(hostile).toMatch(/<li [^>]*>1\/4: _Kursiv\?_ &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/li>/)
    expect(hostile).toMatch(/<li [^>]*>Data<\/li>/)
    const hrefs = [...hostile.matchAll(/href="([^"]*)"/g)].map(([, href]) => href)
    expect(hrefs).toEqual(['https://x.se/a b(c)&lt;d&gt;)e', 'https://x.se/?a=1&amp;b=2', '#', 'https://x.se/?q=&quot;a&quot;&amp;b=&#39;c&#39;&amp;copy;'])
  })
})

describe('the report in parts (the admin’s document view)', () => {
  it('the heading and the titled blocks, joined, are the e-mail body', () => {
    const parts = [renderReportHeadingHtml(seed), ...reportBlocksInOrder(seed).flatMap((block) => Object.values(renderTitledBlockHtml(block)))]
    expect(renderReportHtml(seed)).toContain(parts.join('\n'))
  })

  it('names each section block by its place in report.sections', () => {
    const blocks = reportBlocksInOrder(seed).filter((block) => block.kind === 'section')
    expect(blocks.map((block) => seed.sections[block.sectionIndex!].title)).toEqual(blocks.map((block) => block.title))
  })

  it('keeps empty sections and fixed headings when asked, in layout order, and only then', () => {
    const draft: ReportModel = {
      ...seed,
      sections: [{ title: 'Tomt', kind: 'other', blocks: [] }, ...seed.sections],
      communicationActions: [],
      collectedInformation: [],
      spokespersons: [],
    }
    expect(reportBlocksInOrder(draft).map((block) => block.title)).not.toContain('Tomt')
    const kept = reportBlocksInOrder(draft, { keepEmpty: true })
    expect(kept.map((block) => block.title)).toEqual(['Tomt', ...SEED_BLOCK_TITLES])
    expect(kept.filter((block) => block.kind !== 'section').map((block) => block.blocks)).toEqual([[], [], []])
    expect(renderTitledBlockHtml(kept[0]).content).toBe('')
  })

  it('leaves out the compiled line while a draft has no compiled time', () => {
    expect(renderReportHeadingHtml({ title: 'Utkast', compiledAt: '' })).not.toContain('Sammanställd')
    expect(renderReportHeadingHtml(seed)).toContain('Sammanställd: 2025-04-03 klockan 09:00')
  })
})

describe('isSafeLinkUrl', () => {
  it.each(['https://x.se', 'HTTP://X.SE/a?b=1', '#', '#ankare', '/sida', 'sida.html', '?q=1', '1abc:x'])('links %j', (url) =>
    expect(isSafeLinkUrl(url)).toBe(true),
  )
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'mailto:a@example.se',
    'file:///etc/passwd',
    '//evil.example',
    '/\\evil.example',
    '',
  ])('refuses %j', (url) => expect(isSafeLinkUrl(url)).toBe(false))
})
