/**
 * The committed GraphQL queries consumer sites use. Each can be run over GET, by name
 * (`/api/graphql?id=reportBySlug&variables={"slug":"..."}`) or by the SHA-256 of its text
 * (`?extensions={"persistedQuery":{"version":1,"sha256Hash":"..."}}`), so responses are
 * cacheable by URL. Anything else goes over POST, within the complexity and depth limits.
 */
import { createHash } from 'node:crypto'

const REPORT_FIELDS = `
  id title slug subject compiledAt audience distribution compiledBy commissionedBy
  sections { id title kind body }
  communicationActions { id date title url channel audience summary }
  spokespersons { id name title organisation email phone active }
  collectedInformation { label url }
  edition { number publishedAt sha256 }`

export const PERSISTED_QUERIES = {
  latestReport: `query latestReport {
  Reports(limit: 1, sort: "-compiledAt") { docs { ${REPORT_FIELDS} } }
}`,
  reportBySlug: `query reportBySlug($slug: String!) {
  Reports(where: { slug: { equals: $slug } }, limit: 1) { docs { ${REPORT_FIELDS} } }
}`,
  reportList: `query reportList($page: Int = 1, $limit: Int = 20) {
  Reports(page: $page, limit: $limit, sort: "-compiledAt") {
    docs { id title slug subject compiledAt audience }
    totalDocs page totalPages hasNextPage hasPrevPage
  }
}`,
  reportChanges: `query reportChanges($id: ID!) {
  ReportChanges(id: $id, since: "previous-report")
}`,
  actionsBetween: `query actionsBetween($from: DateTime!, $to: DateTime!) {
  CommunicationActions(where: { date: { greater_than_equal: $from, less_than_equal: $to } }, sort: "-date", limit: 200) {
    docs { id date title url channel audience summary }
  }
}`,
} as const

type PersistedQueryName = keyof typeof PERSISTED_QUERIES

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

const byHash = new Map(Object.entries(PERSISTED_QUERIES).map(([name, query]) => [sha256(query), name as PersistedQueryName]))

export function findPersistedQuery(params: URLSearchParams): { name: PersistedQueryName; query: string } | { error: string } {
  let name = params.get('id') as PersistedQueryName | null
  const extensions = params.get('extensions')
  if (!name && extensions) {
    try {
      const hash = JSON.parse(extensions)?.persistedQuery?.sha256Hash
      name = byHash.get(String(hash)) ?? null
      if (!name) return { error: `unknown persisted query hash "${String(hash).slice(0, 64)}"` }
    } catch {
      return { error: 'extensions must be JSON' }
    }
  }
  if (!name) {
    return {
      error: 'GraphQL over GET takes a persisted query: ?id=<name> or ?extensions={"persistedQuery":{"sha256Hash":...}}; send other queries with POST',
    }
  }
  if (!Object.hasOwn(PERSISTED_QUERIES, name)) {
    return { error: `unknown persisted query "${name.slice(0, 64)}"; known: ${Object.keys(PERSISTED_QUERIES).join(', ')}` }
  }
  return { name, query: PERSISTED_QUERIES[name] }
}
