/**
 * The requests a reader's or anonymous caller's cold read may be answered from editions
 * (src/editions/cold-read.ts) instead of by Payload: REST `GET /api/reports/:id` and
 * `GET /api/reports?where[slug][equals]=…` at depth 0–2, and the persisted GraphQL queries
 * latestReport, reportBySlug and reportList. Each answer is the one Payload would give, byte for
 * byte (tests/edition-reads.spec.ts). Anything else (another parameter, drafts, staff, a report
 * without an edition, a miss or a refusal) returns undefined and Payload answers as always.
 * LAGESBILD_EDITION_READS=off turns this off (the benchmark's stock Payload rows, the test's twin).
 */
import { type FieldNode, Kind, parse, type SelectionSetNode } from 'graphql'
import type { Payload, Where } from 'payload'

import type { CallerLevel } from '../auth/caller'
import { collectionDependency, documentDependency, noteDependency, noteServedTo } from '../cache/request-context'
import { graphqlSource, type ReaderLevel, reportsFromEditions, restDocument } from '../editions/cold-read'
import { env } from '../env'
import { findPersistedQuery, PERSISTED_QUERIES } from '../graphql/persisted-queries'

type EditionReader = (request: Request, level: CallerLevel) => Promise<Response | undefined>

/** Ignored by Payload, used to bypass URL-keyed caches (the benchmark's cold reads). */
const IGNORED = new Set(['nocache'])
const DEPTHS: Record<string, number> = { '0': 0, '1': 1, '2': 2 }
const REPORT_BY_ID = /^\/api\/reports\/([1-9]\d{0,15}|[0-9a-f]{24}|[0-9a-f-]{36})$/

/** The parameters of a request if each appears once and all are in `known`; undefined otherwise. */
function onlyParams(url: URL, known: string[]): Map<string, string> | undefined {
  const params = new Map<string, string>()
  for (const [name, value] of url.searchParams) {
    if (IGNORED.has(name)) continue
    if (!known.includes(name) || params.has(name)) return undefined
    params.set(name, value)
  }
  return params
}

export function editionReader(payload: Payload): EditionReader {
  const defaultDepth = payload.config.defaultDepth ?? 2
  return async (request, level) => {
    if (level === 'staff' || request.method !== 'GET') return undefined
    const url = new URL(request.url)
    const answer = url.pathname === '/api/graphql' ? await persistedQuery(payload, url, level) : await rest(payload, url, level, defaultDepth)
    if (!answer) return undefined
    noteServedTo(level)
    // The tests check which path answered.
    if (env().LAGESBILD_DEBUG_HEADERS === '1') answer.headers.set('x-lagesbild-built-from', 'edition')
    return answer
  }
}

async function rest(payload: Payload, url: URL, level: ReaderLevel, defaultDepth: number): Promise<Response | undefined> {
  const byId = REPORT_BY_ID.exec(url.pathname)
  const params = onlyParams(url, byId ? ['depth'] : ['depth', 'where[slug][equals]'])
  if (!params) return undefined
  const depthParam = params.get('depth')
  const depth = depthParam === undefined ? defaultDepth : DEPTHS[depthParam]
  if (depth === undefined || depth > 2) return undefined

  if (byId) {
    const id = /^\d+$/.test(byId[1]) ? Number(byId[1]) : byId[1]
    noteDependency(documentDependency('reports', id))
    const page = await reportsFromEditions(payload, level, { id: { equals: id } }, { limit: 1, page: 1, pagination: false })
    if (!page || page.docs.length !== 1) return undefined
    return Response.json(restDocument(payload, page.docs[0], depth))
  }
  const slug = params.get('where[slug][equals]')
  if (url.pathname !== '/api/reports' || slug === undefined) return undefined
  noteDependency(collectionDependency('reports'))
  const page = await reportsFromEditions(payload, level, { slug: { equals: slug } }, { limit: 10, page: 1 })
  if (!page || page.docs.length === 0) return undefined
  return Response.json({ docs: page.docs.map((doc) => restDocument(payload, doc, depth)), ...page.envelope })
}

/** Each served query: how it finds reports, from its variables (undefined: let GraphQL judge them). */
const SERVED_QUERIES: Partial<Record<keyof typeof PERSISTED_QUERIES, (variables: Record<string, unknown>) => Query | undefined>> = {
  latestReport: () => ({ where: {}, limit: 1, page: 1, sort: '-compiledAt' }),
  reportBySlug: ({ slug }) => (typeof slug === 'string' ? { where: { slug: { equals: slug } }, limit: 1, page: 1 } : undefined),
  reportList: ({ page = 1, limit = 20 }) =>
    isCount(page, 10_000) && isCount(limit, 100) ? { where: {}, limit: limit as number, page: page as number, sort: '-compiledAt' } : undefined,
}

type Query = { where: Where; limit: number; page: number; sort?: string }

const isCount = (value: unknown, max: number) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max

/** The selection under `Reports` of each persisted query, parsed once. */
const selections = new Map<string, SelectionSetNode>()
function reportsSelection(name: keyof typeof PERSISTED_QUERIES): SelectionSetNode {
  let selection = selections.get(name)
  if (!selection) {
    const operation = parse(PERSISTED_QUERIES[name]).definitions[0]
    const reports = operation.kind === Kind.OPERATION_DEFINITION ? (operation.selectionSet.selections[0] as FieldNode) : undefined
    selection = reports!.selectionSet!
    selections.set(name, selection)
  }
  return selection
}

/** A value shaped by a selection set, as GraphQL's default resolvers would: missing values are null. */
function project(value: unknown, selection: SelectionSetNode | undefined): unknown {
  if (value === undefined || value === null) return null
  if (!selection) return value
  if (Array.isArray(value)) return value.map((item) => project(item, selection))
  const out: Record<string, unknown> = {}
  for (const node of selection.selections) {
    if (node.kind !== Kind.FIELD) throw new Error('persisted queries use plain fields only')
    out[node.alias?.value ?? node.name.value] = project((value as Record<string, unknown>)[node.name.value], node.selectionSet)
  }
  return out
}

async function persistedQuery(payload: Payload, url: URL, level: ReaderLevel): Promise<Response | undefined> {
  const params = onlyParams(url, ['id', 'extensions', 'variables'])
  if (!params) return undefined
  const found = findPersistedQuery(url.searchParams)
  if ('error' in found) return undefined
  let variables: unknown
  try {
    variables = JSON.parse(params.get('variables') || '{}')
  } catch {
    return undefined
  }
  if (!variables || typeof variables !== 'object' || Array.isArray(variables)) return undefined
  const query = SERVED_QUERIES[found.name]?.(variables as Record<string, unknown>)
  if (!query) return undefined
  noteDependency(collectionDependency('reports'))
  const page = await reportsFromEditions(payload, level, query.where, query)
  if (!page) return undefined
  const reports = project({ ...page.envelope, docs: page.docs.map(graphqlSource) }, reportsSelection(found.name))
  return new Response(JSON.stringify({ data: { Reports: reports } }), { headers: { 'content-type': 'application/json; charset=utf-8' } })
}
