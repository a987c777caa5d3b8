/**
 * Report text -> ReportModel. The format is line-based and deliberately not Markdown:
 * a title line, a "Sammanställd" line, then titled blocks separated by blank lines.
 * Bullets are "- " with ONE leading space per nesting level; links are [text](url).
 */
import type { Block, CommunicationActionModel, Inline, LinkModel, ListItem, ReportModel, SectionKind, SectionModel, SpokespersonModel } from './model'
import { reportSchema } from './schema'
import { fromStockholmLocal, isCalendarDate, isoDate, toStockholmLocal } from './stockholm-time'

interface ParseError {
  line: number
  /** Full message, e.g. `line 3: expected "Sammanställd: YYYY-MM-DD klockan HH:MM"`. */
  message: string
}

type ParseResult = { ok: true; report: ReportModel } | { ok: false; errors: ParseError[] }

interface ParseOptions {
  /** Prefixed to messages so errors from a batch import say which file they are about. */
  fileName?: string
}

const TITLE_PREFIX = 'Regional rapport '
export const ACTIONS_HEADING = 'Kommunikativa åtgärder, urval'
export const LINKS_HEADING = 'Samlad information'
export const SPOKESPERSONS_HEADING = 'Talesperson'

const SECTION_KIND_BY_TITLE: Readonly<Record<string, SectionKind>> = {
  'Sammanfattande lägesbild': 'situationSummary',
  'Kommunikativ lägesbild': 'communicationSituation',
  'Verksamhetens kommentar': 'organisationComment',
}

const KNOWN_HEADINGS = new Set([...Object.keys(SECTION_KIND_BY_TITLE), ACTIONS_HEADING, LINKS_HEADING, SPOKESPERSONS_HEADING])

const EXPECTED_COMPILED = '"Sammanställd: YYYY-MM-DD klockan HH:MM"'
const EXPECTED_ACTION = '"- d/m: [title](url)"'
const EXPECTED_LINK = '"- [label](url)"'
const EXPECTED_SPOKESPERSON = '"- Name, title"'

const COMPILED_LINE = /^Sammanställd: (\d{4})-(\d{2})-(\d{2}) klockan (\d{2}):(\d{2})$/
const BULLET_LINE = /^( *)-(?: (.*))?$/
// Link text has no brackets and the URL no spaces or parentheses; anything else stays plain text.
const LINK = /\[([^[\]]+)\]\(([^\s()]+)\)/g

function sectionKindOf(title: string): SectionKind {
  if (title.startsWith('Om ')) return 'about'
  return SECTION_KIND_BY_TITLE[title] ?? 'other'
}

const isBullet = (text: string) => BULLET_LINE.test(text)

/**
 * The text format has no heading markup, so a non-bullet line that starts a block is a section
 * title when it is a known heading, starts with "Om ", or is at most 120 characters and has no
 * terminal punctuation (does not end with . ! ? : ;). Otherwise it is a paragraph of the current
 * section. Why: real headings are short noun phrases, while prose sentences end in punctuation.
 * Consequence: a paragraph must end with punctuation, or it will be read as a new title.
 */
function isSectionTitle(text: string): boolean {
  if (text === '' || /^\s/.test(text) || isBullet(text)) return false
  if (KNOWN_HEADINGS.has(text) || text.startsWith('Om ')) return true
  return text.length <= 120 && !/[.!?:;]$/.test(text)
}

/** Splits text into plain-text and link runs, keeping every character of the text around links. */
export function parseInlines(text: string): Inline[] {
  const inlines: Inline[] = []
  let consumed = 0
  for (const match of text.matchAll(LINK)) {
    if (match.index > consumed) inlines.push({ type: 'text', text: text.slice(consumed, match.index) })
    inlines.push({ type: 'link', text: match[1], url: match[2] })
    consumed = match.index + match[0].length
  }
  if (consumed < text.length) inlines.push({ type: 'text', text: text.slice(consumed) })
  return inlines
}

interface SourceLine {
  number: number
  text: string
}

type Heading = { kind: 'section'; line: SourceLine; section: SectionModel } | { kind: 'actions' | 'links' | 'spokespersons'; line: SourceLine; count: number }

export function parseReport(text: string, options: ParseOptions = {}): ParseResult {
  const errors: ParseError[] = []
  const fail = (line: number, message: string) => {
    const where = options.fileName ? `${options.fileName}, line ${line}` : `line ${line}`
    errors.push({ line, message: `${where}: ${message}` })
  }

  // NFC so headings typed on macOS (decomposed å/ä/ö) still match; BOM, CRLF and trailing spaces are noise.
  const lines: SourceLine[] = text
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line, index) => ({ number: index + 1, text: line.trimEnd() }))

  const nonBlank = lines.filter((line) => line.text !== '')
  const titleLine = nonBlank[0]
  if (!titleLine || isBullet(titleLine.text) || /^\s/.test(titleLine.text) || COMPILED_LINE.test(titleLine.text)) {
    fail(titleLine?.number ?? 1, 'expected a title line such as "Regional rapport <ämne>"')
    return { ok: false, errors }
  }
  const title = titleLine.text
  const subject = title.startsWith(TITLE_PREFIX) ? title.slice(TITLE_PREFIX.length) : title

  const compiledLine = nonBlank[1]
  if (!compiledLine) {
    fail(titleLine.number + 1, `expected ${EXPECTED_COMPILED}`)
    return { ok: false, errors }
  }
  const compiledAt = parseCompiledAt(compiledLine, fail)
  if (!compiledAt) return { ok: false, errors }

  const report: ReportModel = {
    title,
    subject,
    compiledAt: compiledAt.toISOString(),
    sections: [],
    communicationActions: [],
    collectedInformation: [],
    spokespersons: [],
  }
  const compiledDay = toStockholmLocal(compiledAt)

  let current: Heading | undefined
  const closeHeading = () => {
    if (current?.kind === 'section' && current.section.blocks.length === 0) {
      fail(
        current.line.number,
        `section "${current.line.text}" is empty; expected bullets or a paragraph after the title ` + '(a paragraph must end with . ! ? : or ;)',
      )
    } else if (current && current.kind !== 'section' && current.count === 0) {
      const expected = {
        actions: EXPECTED_ACTION,
        links: EXPECTED_LINK,
        spokespersons: EXPECTED_SPOKESPERSON,
      }
      fail(current.line.number, `"${current.line.text}" is empty; expected lines like ${expected[current.kind]}`)
    }
  }

  for (let run of splitIntoRuns(lines.slice(compiledLine.number))) {
    if (isSectionTitle(run[0].text)) {
      closeHeading()
      current = openHeading(run[0], report)
      // Content may follow the title directly; canonical text has a blank line in between.
      run = run.slice(1)
      if (run.length === 0) continue
    }
    if (!current) {
      fail(run[0].number, 'expected a section title before this text')
    } else if (current.kind === 'section') {
      const block = parseBlock(run, fail)
      if (block) current.section.blocks.push(block)
    } else {
      for (const line of run) {
        if (current.kind === 'actions') {
          const action = parseActionLine(line, compiledDay, fail)
          if (action) report.communicationActions.push(action)
        } else if (current.kind === 'links') {
          const link = parseLinkLine(line, fail)
          if (link) report.collectedInformation.push(link)
        } else {
          const spokesperson = parseSpokespersonLine(line, fail)
          if (spokesperson) report.spokespersons.push(spokesperson)
        }
        current.count++
      }
    }
  }
  closeHeading()

  if (errors.length > 0) return { ok: false, errors }
  const validated = reportSchema.safeParse(report)
  if (!validated.success) {
    // Only reachable through a parser bug: the checks above should reject such text first.
    for (const issue of validated.error.issues) {
      fail(0, `parsed report is invalid at ${issue.path.join('.')}: ${issue.message}`)
    }
    return { ok: false, errors }
  }
  return { ok: true, report: validated.data }
}

type Fail = (line: number, message: string) => void

function parseCompiledAt(line: SourceLine, fail: Fail): Date | undefined {
  const match = COMPILED_LINE.exec(line.text)
  if (!match) {
    fail(line.number, `expected ${EXPECTED_COMPILED}`)
    return undefined
  }
  const [year, month, day, hour, minute] = match.slice(1).map(Number)
  if (!isCalendarDate(year, month, day)) {
    fail(line.number, `${isoDate(year, month, day)} is not a real date; expected ${EXPECTED_COMPILED}`)
    return undefined
  }
  if (hour > 23 || minute > 59) {
    fail(line.number, `${match[4]}:${match[5]} is not a real time; expected ${EXPECTED_COMPILED}`)
    return undefined
  }
  const instant = fromStockholmLocal({ year, month, day, hour, minute })
  if (!instant) {
    fail(line.number, `${match[4]}:${match[5]} does not exist in Stockholm on ${isoDate(year, month, day)} (clocks go forward)`)
  }
  return instant
}

/** Groups lines into runs of consecutive non-blank lines; blank lines only separate. */
function splitIntoRuns(lines: SourceLine[]): SourceLine[][] {
  const runs: SourceLine[][] = []
  let run: SourceLine[] = []
  for (const line of lines) {
    if (line.text !== '') {
      run.push(line)
    } else if (run.length > 0) {
      runs.push(run)
      run = []
    }
  }
  if (run.length > 0) runs.push(run)
  return runs
}

function openHeading(line: SourceLine, report: ReportModel): Heading {
  if (line.text === ACTIONS_HEADING) return { kind: 'actions', line, count: 0 }
  if (line.text === LINKS_HEADING) return { kind: 'links', line, count: 0 }
  if (line.text === SPOKESPERSONS_HEADING) return { kind: 'spokespersons', line, count: 0 }
  const section: SectionModel = { title: line.text, kind: sectionKindOf(line.text), blocks: [] }
  report.sections.push(section)
  return { kind: 'section', line, section }
}

/** A run is one block: a single paragraph line, or a bullet list (each blank line starts a new list). */
function parseBlock(run: SourceLine[], fail: Fail): Block | undefined {
  const [first, ...rest] = run
  if (isBullet(first.text)) return parseList(run, fail)
  if (/^\s/.test(first.text)) {
    fail(first.number, 'expected "- " after the leading spaces (one space per nesting level), or no indentation')
    return undefined
  }
  if (rest.length > 0) {
    fail(rest[0].number, 'expected a blank line after the paragraph on the line before')
    return undefined
  }
  return { type: 'paragraph', inlines: parseInlines(first.text) }
}

function parseList(run: SourceLine[], fail: Fail): Block | undefined {
  const items: ListItem[] = []
  // siblingsAt[d] is the list that a bullet at depth d (0 = top level) joins.
  const siblingsAt: ListItem[][] = [items]
  let previousDepth = -1
  for (const line of run) {
    const match = BULLET_LINE.exec(line.text)
    if (!match) {
      fail(line.number, 'expected a bullet "- " (one leading space per nesting level) or a blank line before a paragraph')
      continue
    }
    const depth = match[1].length
    if (depth > previousDepth + 1) {
      fail(
        line.number,
        `bullet has ${depth} leading spaces; expected at most ${previousDepth + 1} ` +
          '(one space per nesting level, at most one level deeper than the bullet before)',
      )
      continue
    }
    const text = match[2] ?? ''
    if (text === '') {
      fail(line.number, 'expected text after "- "')
      continue
    }
    const item: ListItem = { inlines: parseInlines(text), children: [] }
    siblingsAt.length = depth + 1
    siblingsAt[depth].push(item)
    siblingsAt[depth + 1] = item.children
    previousDepth = depth
  }
  return items.length > 0 ? { type: 'list', items } : undefined
}

/** The single link of `rest`, when `rest` is exactly one [text](url) and nothing else. */
function soleLink(rest: string): { text: string; url: string } | undefined {
  const inlines = parseInlines(rest)
  return inlines.length === 1 && inlines[0].type === 'link' ? inlines[0] : undefined
}

/**
 * "- d/m: [title](url)". The year is the compiled year in Stockholm, except that a date after the
 * compiled day must be from the year before (compiled 3 January, "30/12" is last December).
 */
function parseActionLine(line: SourceLine, compiled: { year: number; month: number; day: number }, fail: Fail): CommunicationActionModel | undefined {
  const match = /^- (\d{1,2})\/(\d{1,2}): (.*)$/.exec(line.text)
  const link = match && soleLink(match[3])
  if (!match || !link) {
    fail(line.number, `expected ${EXPECTED_ACTION}`)
    return undefined
  }
  const day = Number(match[1])
  const month = Number(match[2])
  const isAfterCompiledDay = month > compiled.month || (month === compiled.month && day > compiled.day)
  const year = isAfterCompiledDay ? compiled.year - 1 : compiled.year
  if (!isCalendarDate(year, month, day)) {
    fail(line.number, `${day}/${month} is not a real date in ${year}; expected ${EXPECTED_ACTION}`)
    return undefined
  }
  return { date: isoDate(year, month, day), title: link.text, url: link.url }
}

function parseLinkLine(line: SourceLine, fail: Fail): LinkModel | undefined {
  const link = line.text.startsWith('- ') ? soleLink(line.text.slice(2)) : undefined
  if (!link) fail(line.number, `expected ${EXPECTED_LINK}`)
  return link && { label: link.text, url: link.url }
}

/** "- Name, title", split at the first ", " (titles may contain commas, names do not). */
function parseSpokespersonLine(line: SourceLine, fail: Fail): SpokespersonModel | undefined {
  const match = /^- (.+?), (.+)$/.exec(line.text)
  if (!match) fail(line.number, `expected ${EXPECTED_SPOKESPERSON}`)
  return match ? { name: match[1], title: match[2] } : undefined
}
