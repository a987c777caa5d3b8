/**
 * REST for editions, on reports:
 *   GET  /api/reports/:id/parts     the parts a publication would publish with the report (staff)
 *   POST /api/reports/:id/next      "Ny rapport utifrån denna": a new draft from this report (staff); body { title?, compiledAt? }
 *   GET  /api/reports/:id/changes   ?since=previous-edition|previous-report[&edition=N], or ?edition=N&from=M: what changed
 *   GET  /api/reports/using/:partCollection/:partId   published reports using a part whose edition no longer shows it as it is (staff)
 */
import { addDataAndFileToRequest, APIError, type Endpoint, type PayloadRequest } from 'payload'

import { hasRole, isStaffUser } from '../../access/roles'
import { diffReports } from '../report-format/diff'
import { audiencesFor, editionModel, sameContent } from '../report-format/edition'
import { EditionRequestError, findEdition, parseEditionNumber } from './lookup'
import { startNextReport } from './next-report'
import { partsOf, REPORT_PARTS } from './publish-whole'
import { type EditionDoc, latestEdition, recordKeyOf } from './record'
import { publishedContent } from './snapshot'

const SINCE = ['previous-edition', 'previous-report'] as const
type Since = (typeof SINCE)[number]

/** Refusals become JSON errors with their status; anything else is the server's fault. */
async function answer(work: () => Promise<unknown>, status = 200): Promise<Response> {
  try {
    return Response.json(await work(), { status, headers: { 'cache-control': 'private, no-store' } })
  } catch (error) {
    if (error instanceof EditionRequestError) return Response.json({ errors: [{ message: error.message }] }, { status: error.status })
    if (error instanceof APIError && error.status < 500) return Response.json({ errors: [{ message: error.message }] }, { status: error.status })
    throw error
  }
}

const staffOnly = (req: PayloadRequest) => {
  if (!isStaffUser(req.user)) throw new APIError('Only editors, publishers and admins may do this.', req.user ? 403 : 401, undefined, true)
}
const reportId = (req: PayloadRequest) => req.routeParams?.id as string

/** The new report's own title and compiled time, when "Skapa ny" gives them (JSON body, both optional). */
async function nextReportOverrides(req: PayloadRequest): Promise<{ title?: string; compiledAt?: Date }> {
  await addDataAndFileToRequest(req)
  const { title, compiledAt } = (req.data ?? {}) as { title?: unknown; compiledAt?: unknown }
  if (title !== undefined && (typeof title !== 'string' || !title.trim())) throw new EditionRequestError('title must be a non-empty string', 400)
  const instant = compiledAt === undefined ? undefined : new Date(typeof compiledAt === 'string' ? compiledAt : NaN)
  if (instant && Number.isNaN(instant.getTime())) throw new EditionRequestError('compiledAt must be a date-time (ISO 8601)', 400)
  return { title: typeof title === 'string' ? title.trim() : undefined, compiledAt: instant }
}

/** The edition to compare with: the one before it, or the latest of the previous report on the same subject. */
async function baseline(req: PayloadRequest, edition: EditionDoc, since: Since): Promise<EditionDoc | undefined> {
  if (since === 'previous-edition') {
    if (edition.number === 1) return undefined
    return findEdition(req, edition.reportKey, { edition: edition.number - 1 }).catch(() => undefined)
  }
  const { docs } = await req.payload.find({
    collection: 'editions',
    where: {
      and: [
        { reportKey: { not_equals: edition.reportKey } },
        { subject: { equals: edition.content.subject } },
        { compiledAt: { less_than: edition.content.compiledAt } },
      ],
    },
    sort: '-publishedAt',
    limit: 50,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    req,
  })
  // The previous report: the latest compiled before this one; of it, its latest edition.
  const previous = (docs as unknown as EditionDoc[]).sort((a, b) => b.content.compiledAt.localeCompare(a.content.compiledAt) || b.number - a.number)[0]
  return previous
}

export const editionEndpoints: Endpoint[] = [
  {
    path: '/:id/parts',
    method: 'get',
    handler: (req) =>
      answer(async () => {
        staffOnly(req)
        const report = await req.payload.findByID({
          collection: 'reports',
          id: reportId(req),
          draft: true,
          depth: 0,
          overrideAccess: false,
          user: req.user,
          req,
          disableErrors: true,
        })
        if (!report) throw new APIError('No such report.', 404, undefined, true)
        return { parts: await partsOf(req, report as unknown as Record<string, unknown>) }
      }),
  },
  {
    // Not `:collection`: Payload's router fills that parameter with the endpoint's own collection.
    path: '/using/:partCollection/:partId',
    method: 'get',
    handler: (req) =>
      answer(async () => {
        staffOnly(req)
        const part = REPORT_PARTS.find(({ collection }) => collection === req.routeParams?.partCollection)
        if (!part) throw new APIError(`collection must be one of ${REPORT_PARTS.map(({ collection }) => collection).join(', ')}`, 400, undefined, true)
        return { reports: await reportsShowingOlderPart(req, part.field, req.routeParams?.partId as string) }
      }),
  },
  {
    path: '/:id/next',
    method: 'post',
    handler: (req) =>
      answer(async () => {
        staffOnly(req)
        const created = await startNextReport(req, reportId(req), await nextReportOverrides(req))
        return { doc: created, message: 'Ny rapport skapad utifrån den förra.' }
      }, 201),
  },
  {
    path: '/:id/changes',
    method: 'get',
    handler: (req) =>
      answer(() => {
        const number = req.searchParams.get('edition')
        const from = req.searchParams.get('from')
        const since = from ? { edition: parseEditionNumber(from) } : (req.searchParams.get('since') ?? 'previous-edition')
        return reportChanges(req, reportId(req), since, number ? parseEditionNumber(number) : undefined)
      }),
  },
]

/**
 * What changed in an edition (default: the latest) since the previous edition, the previous
 * report, or another edition of the same report.
 */
export async function reportChanges(req: PayloadRequest, id: number | string, since: string | { edition: number }, number?: number) {
  if (typeof since === 'string' && !SINCE.includes(since as Since))
    throw new EditionRequestError(`since must be one of ${SINCE.join(', ')}; got "${since.slice(0, 40)}"`, 400)
  const reportKey = await recordKeyOf(req, id)
  if (!reportKey) throw new EditionRequestError(`Not found: no report ${String(id).slice(0, 40)}`, 404)
  const edition = await findEdition(req, reportKey, number !== undefined ? { edition: number } : {})
  const before = typeof since === 'string' ? await baseline(req, edition, since as Since) : await findEdition(req, reportKey, since)
  const audiences = audiencesFor(isStaffUser(req.user) || hasRole(req.user, 'reader'))
  const describe = (doc: EditionDoc) => ({ reportId: doc.report ?? null, number: doc.number, publishedAt: doc.publishedAt, title: doc.title })
  return {
    edition: describe(edition),
    since: before ? { kind: typeof since === 'string' ? since : 'edition', ...describe(before) } : null,
    changes: before ? diffReports(editionModel(before.content, audiences), editionModel(edition.content, audiences)) : null,
  }
}

/**
 * Published reports that use a part and whose latest edition differs from what publishing them
 * now would give: after a shared part is published, they keep the earlier text until published again.
 */
async function reportsShowingOlderPart(req: PayloadRequest, field: string, partId: string) {
  const { docs } = await req.payload.find({
    collection: 'reports',
    where: { and: [{ [field]: { equals: partId } }, { _status: { equals: 'published' } }] },
    draft: false,
    depth: 0,
    limit: 100,
    select: { title: true, compiledAt: true },
    overrideAccess: false,
    user: req.user,
    req,
  })
  const stale = []
  for (const report of docs) {
    const [latest, now] = await Promise.all([latestEdition(req, await recordKeyOf(req, report.id)), publishedContent(req, report.id)])
    if (latest && now && !sameContent(latest.content, now))
      stale.push({ id: report.id, title: report.title, edition: latest.number, publishedAt: latest.publishedAt })
  }
  return stale
}
