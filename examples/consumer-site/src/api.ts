/**
 * The CMS's public GraphQL API, through its persisted queries only: a GET by name,
 * `/api/graphql?id=<name>&variables=<json>`. The CMS keeps the query texts (src/graphql/
 * persisted-queries.ts); src/queries/*.graphql are byte-identical copies, used only to generate
 * the response types below.
 *
 * GET URLs are cacheable: the CMS answers with an ETag. `cache: 'no-cache'` makes the browser ask
 * the CMS every time (If-None-Match; a 304 costs no body) instead of trusting its own copy: the
 * CMS's public Cache-Control carries `stale-while-revalidate=60`, which Chromium also applies in
 * the browser, and would otherwise show a report as it was before a publish for up to a minute.
 */
import { CMS_API_KEY, CMS_URL } from './config'
import type {
  LatestReportQuery,
  LatestReportQueryVariables,
  ReportBySlugQuery,
  ReportBySlugQueryVariables,
  ReportChangesQuery,
  ReportChangesQueryVariables,
  ReportListQuery,
  ReportListQueryVariables,
} from './generated/graphql'

interface PersistedQueries {
  latestReport: { variables: LatestReportQueryVariables; data: LatestReportQuery }
  reportBySlug: { variables: ReportBySlugQueryVariables; data: ReportBySlugQuery }
  reportList: { variables: ReportListQueryVariables; data: ReportListQuery }
  reportChanges: { variables: ReportChangesQueryVariables; data: ReportChangesQuery }
}
export type PersistedQueryId = keyof PersistedQueries

/** A full report, as latestReport and reportBySlug both return it. */
export type Report = NonNullable<LatestReportQuery['Reports']>['docs'][number]
export type ReportListItem = NonNullable<ReportListQuery['Reports']>['docs'][number]

export class CmsError extends Error {}

export function persistedQueryUrl(id: PersistedQueryId, variables?: Record<string, unknown>): string {
  const params = new URLSearchParams({ id })
  if (variables && Object.keys(variables).length > 0) params.set('variables', JSON.stringify(variables))
  return `${CMS_URL}/api/graphql?${params}`
}

export async function persistedQuery<Id extends PersistedQueryId>(id: Id, variables: PersistedQueries[Id]['variables']): Promise<PersistedQueries[Id]['data']> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (CMS_API_KEY) headers.authorization = `users API-Key ${CMS_API_KEY}`
  const response = await fetch(persistedQueryUrl(id, variables), { headers, cache: 'no-cache' })
  let body: { data?: PersistedQueries[Id]['data']; errors?: { message: string }[] } | undefined
  try {
    body = await response.json()
  } catch {
    // not JSON: reported below with the status
  }
  if (body?.errors?.length) throw new CmsError(`${id}: ${body.errors.map((error) => error.message).join('; ')}`)
  if (!response.ok || !body?.data) throw new CmsError(`${id}: the CMS answered ${response.status}`)
  return body.data
}

export async function latestReport(): Promise<Report | undefined> {
  return (await persistedQuery('latestReport', {})).Reports?.docs[0]
}

export async function reportBySlug(slug: string): Promise<Report | undefined> {
  return (await persistedQuery('reportBySlug', { slug })).Reports?.docs[0]
}

export async function reportList(limit = 20): Promise<ReportListItem[]> {
  return (await persistedQuery('reportList', { limit })).Reports?.docs ?? []
}

/** One bullet or paragraph, as the CMS's "what changed" gives it (src/report-format/diff.ts). */
export interface ChangedEntry {
  depth: number
  text: string
}

/** What is new in a report since the previous report on the same subject; null when there is none. */
export interface ReportChanges {
  since: { title: string; publishedAt: string } | null
  changes: {
    unchanged: boolean
    sections: {
      title: string
      status: 'added' | 'removed' | 'changed' | 'unchanged'
      added: ChangedEntry[]
      changed: { before: ChangedEntry; after: ChangedEntry }[]
    }[]
    communicationActions: { added: { date: string; title: string; url: string }[] }
  } | null
}

export async function reportChanges(id: number): Promise<ReportChanges> {
  return (await persistedQuery('reportChanges', { id: String(id) })).ReportChanges as ReportChanges
}
