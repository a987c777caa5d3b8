/**
 * What an export gives: a published report as an edition (the latest, number N, or the one its
 * readers saw at an instant), as it was sent; a draft as it is now (staff, and scripts). The text
 * of an edition's export is the edition's stored text, byte for byte (its SHA-256 matches).
 */
import type { PayloadRequest, Where } from 'payload'

import { isStaffUser } from '../../access/roles'
import { exportReport, type ExportFormat } from '../report-format/export-report'
import { editionModel } from '../report-format/edition'
import { reportDocumentToModel } from '../reports/load'
import { EditionRequestError, type EditionQuery, findEdition } from './lookup'

export interface ExportRequest extends EditionQuery {
  format: ExportFormat
  /** The newest draft instead of an edition. */
  draft?: boolean
  /** A developer's script: reads everything. */
  trusted?: boolean
}

export interface Exported {
  slug: string
  body: string
  edition?: { number: number; publishedAt: string; sha256: string }
}

const byIdOrSlug = (idOrSlug: string | number): Where => ({
  or: [{ slug: { equals: String(idOrSlug) } }, ...(/^\d+$|^[a-f0-9]{24}$/.test(String(idOrSlug)) ? [{ id: { equals: idOrSlug } }] : [])],
})

export async function exportForCaller(req: PayloadRequest, idOrSlug: string | number, request: ExportRequest): Promise<Exported> {
  const access = request.trusted ? { overrideAccess: true } : { overrideAccess: false, user: req.user }
  // Drafts are for staff; anyone else asking for one gets what was published, as everywhere.
  const draft = Boolean(request.draft) && (request.trusted || isStaffUser(req.user))
  const { docs } = await req.payload.find({ collection: 'reports', where: byIdOrSlug(idOrSlug), draft, depth: 1, limit: 1, req, ...access })
  const report = docs[0]
  if (draft) {
    if (!report) throw new EditionRequestError(`Not found: no report "${String(idOrSlug).slice(0, 60)}" that you may read`, 404)
    return { slug: report.slug as string, body: exportReport(reportDocumentToModel(report), request.format) }
  }
  // A report unpublished since (or not readable now) still has its editions, under their own access.
  const reportKey = report?.recordKey ?? (await editionReportKey(req, idOrSlug, request.trusted))
  if (reportKey === undefined) throw new EditionRequestError(`Not found: no published report "${String(idOrSlug).slice(0, 60)}" that you may read`, 404)
  const edition = await findEdition(req, reportKey, request, request.trusted)
  const body = request.format === 'text' ? edition.text : exportReport(editionModel(edition.content), request.format)
  return { slug: edition.slug, body, edition: { number: edition.number, publishedAt: edition.publishedAt, sha256: edition.sha256 } }
}

async function editionReportKey(req: PayloadRequest, idOrSlug: string | number, trusted?: boolean): Promise<string | undefined> {
  const { docs } = await req.payload.find({
    collection: 'editions',
    where: { or: [{ slug: { equals: String(idOrSlug) } }, { reportKey: { equals: String(idOrSlug) } }] },
    sort: '-number',
    limit: 1,
    depth: 0,
    req,
    ...(trusted ? { overrideAccess: true } : { overrideAccess: false, user: req.user }),
  })
  return docs[0]?.reportKey
}
