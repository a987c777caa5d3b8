/**
 * Readers' uncached reads built from the stored edition, without Payload's read pipeline (find,
 * access, field hooks, relationship population, the edition laid over afterwards in read.ts).
 *
 * What a reader or anonymous caller gets of a published report is already decided by read.ts:
 * the report document's own columns (id, record key, dates, status) with its latest edition laid
 * over it, filtered to the caller's audiences. That answer depends on nothing else: not on the
 * parts as they are now (a part published since shows only after the report is published again).
 * So this module reads the report's row (only those columns) and its latest edition's row, and
 * builds the same document. tests/edition-reads.spec.ts proves it byte for byte against Payload.
 *
 * Who may read what is not decided here: the reports' own read access (access/predicates.ts)
 * gives the filter, evaluated for a caller with the roles of its level; the edition's audience
 * rule is contentFor/audiencesFor, as in read.ts and the editions' read hook. Anything unusual
 * (no edition yet, an edition of another audience, staff) returns undefined: Payload answers.
 */
import { combineQueries, type Payload, type PayloadRequest, type Where } from 'payload'

import { audiencesFor, contentFor, type EditionContent } from '../report-format/edition'
import { asReportFields } from './read'

type Id = number | string
type Row = Record<string, unknown> & { id: Id }

/** The callers served from editions: anonymous ("public") and readers ("internal"). Staff see drafts: Payload. */
export type ReaderLevel = 'public' | 'internal'

export interface LatestEdition {
  number: number
  publishedAt: string
  sha256: string
  audience: 'internal' | 'public'
  content: EditionContent
}

export interface ReportPage {
  docs: { row: Row; edition: LatestEdition }[]
  /** Payload's pagination fields, in Payload's order. */
  envelope: Record<string, unknown>
}

/**
 * The report columns a reader's document takes from the report itself; the rest comes from the
 * edition. Only these are read, so neither the parts' join table nor the link list is touched.
 */
const OWN_COLUMNS = ['recordKey', 'slug', 'audience', '_status', 'compiledAt_tz', 'createdAt', 'updatedAt'] as const
const OWN_SELECT = Object.fromEntries(OWN_COLUMNS.map((name) => [name, true as const]))

/**
 * A column the row was read for. The SQL adapters also return unselected groups as empty objects
 * (the staff-only `review` group as `{}`), which Payload's field access leaves out for readers.
 */
const ownColumn = (row: Row, key: string) => (key === 'id' || (OWN_COLUMNS as readonly string[]).includes(key) ? row[key] : undefined)

/**
 * The caller as access/ sees it: those predicates decide by role alone (access/roles.ts), and
 * a level is exactly a set of roles that decides the same (src/auth/caller.ts levelOf).
 */
const asCaller = (level: ReaderLevel) => (level === 'internal' ? { roles: ['reader'] } : null)

/** The reports' read access for a caller of this level, as a filter (undefined: not a filter we can apply). */
function readFilter(payload: Payload, level: ReaderLevel): Where | false | undefined {
  const access = payload.collections.reports.config.access.read
  const result = access({ req: { user: asCaller(level), payload } as unknown as PayloadRequest })
  if (result === false) return false
  if (result === true || !result || typeof result !== 'object' || result instanceof Promise) return undefined
  return result as Where
}

/** The latest edition of each record key, as the caller may see its content. */
async function latestEditions(payload: Payload, keys: string[], level: ReaderLevel): Promise<Map<string, LatestEdition>> {
  const latest = new Map<string, LatestEdition>()
  if (keys.length === 0) return latest
  const { docs } = await payload.db.find({
    collection: 'editions',
    where: { reportKey: keys.length === 1 ? { equals: keys[0] } : { in: keys } },
    sort: '-number',
    limit: keys.length === 1 ? 1 : 0,
    pagination: false,
    select: { reportKey: true, number: true, publishedAt: true, sha256: true, audience: true, content: true },
  })
  for (const doc of docs as Record<string, any>[]) {
    if (latest.has(doc.reportKey)) continue
    const content = contentFor(doc.content as EditionContent, audiencesFor(level === 'internal'))
    latest.set(doc.reportKey, { number: doc.number, publishedAt: doc.publishedAt, sha256: doc.sha256, audience: doc.audience, content })
  }
  return latest
}

/**
 * The published reports matching `where` that a caller of this level may read, with their latest
 * editions, or undefined when one of them cannot be answered from its edition. `query` is what
 * Payload's find would get (limit, page, sort); its pagination fields come back as Payload's do
 * (`pagination: false` spares the count when they are not wanted).
 */
export async function reportsFromEditions(
  payload: Payload,
  level: ReaderLevel,
  where: Where,
  query: { limit: number; page: number; sort?: string; pagination?: boolean },
): Promise<ReportPage | undefined> {
  if (!['sqlite', 'postgres'].includes(payload.db.name)) return undefined // key order proven on the SQL adapters only
  if (payload.collections.reports.config.trash) return undefined // Payload would also leave out trashed reports
  const access = readFilter(payload, level)
  if (access === undefined) return undefined
  if (access === false) return undefined // Payload words the refusal
  const { docs, ...envelope } = await payload.db.find({
    collection: 'reports',
    where: combineQueries(where, access),
    limit: query.limit,
    page: query.page,
    pagination: query.pagination ?? true,
    sort: query.sort ?? payload.collections.reports.config.defaultSort,
    select: OWN_SELECT,
    draftsEnabled: false,
  })
  const rows = docs as Row[]
  const editions = await latestEditions(payload, [...new Set(rows.map((row) => String(row.recordKey ?? '')))], level)
  const page: ReportPage = { docs: [], envelope }
  for (const row of rows) {
    const edition = editions.get(String(row.recordKey ?? ''))
    // Published reports always have one (recorded on publish, backfilled at start-up); the audience
    // is part of the content, so a report and its latest edition disagree only mid-publish.
    if (row._status !== 'published' || !edition || edition.audience !== row.audience) return undefined
    page.docs.push({ row, edition })
  }
  return page
}

/** The keys of a report document in Payload's order: its columns as configured, then the edition. */
let reportKeys: string[] | undefined
function keysOfReport(payload: Payload): string[] {
  reportKeys ??= [
    'id',
    ...payload.collections.reports.config.flattenedFields
      .filter((field) => !('virtual' in field && field.virtual) && field.name !== 'id')
      .map((field) => field.name),
    'edition',
  ]
  return reportKeys
}

/** A report document as Payload's REST API returns it to a reader at this depth (read.ts: showLatestEdition). */
export function restDocument(payload: Payload, { row, edition }: ReportPage['docs'][number], depth: number): Record<string, unknown> {
  const fromEdition: Record<string, unknown> = asReportFields(edition.content, depth >= 1)
  const shown: Record<string, unknown> = { edition: { number: edition.number, publishedAt: edition.publishedAt, sha256: edition.sha256 } }
  const doc: Record<string, unknown> = {}
  for (const key of keysOfReport(payload)) {
    const value = key in shown ? shown[key] : key in fromEdition ? fromEdition[key] : ownColumn(row, key)
    if (value !== undefined) doc[key] = value
  }
  return doc
}

/** A report as GraphQL's resolvers see it after read.ts: the edition's content, its parts included. */
export function graphqlSource({ row, edition }: ReportPage['docs'][number]): Record<string, unknown> {
  return { ...row, ...edition.content, id: row.id, edition: { number: edition.number, publishedAt: edition.publishedAt, sha256: edition.sha256 } }
}
