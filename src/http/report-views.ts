/**
 * Human views of a report, served by Express next to the API:
 *   GET /reports/:id/print    the report as a print-friendly A4 page (what the caller may read)
 *   GET /reports/:id/preview  the latest draft, for staff signed in to the admin (its Preview button)
 * `:id` is the report's id or its slug (/reports/regional-rapport-…-2025-04-03/print).
 * Both read through the caller's own access rules (overrideAccess: false).
 */
import express, { type Router } from 'express'
import type { Payload } from 'payload'

import { isStaffUser } from '../../access/roles'
import { languageFromCookies } from '../admin/language/admin-language'
import { fetchHeaders } from '../auth/caller'
import { renderReportPrintHtml } from '../report-format/render-print'
import { reportDocumentToModel } from '../reports/load'
import { sendErrorPage } from './error-page'

export function reportViewsRouter(payload: Payload): Router {
  const router = express.Router()
  router.get('/reports/:id/:view', async (req, res, next) => {
    const { id, view } = req.params
    if (view !== 'print' && view !== 'preview') return next()
    try {
      // Every header: Payload's CSRF check reads Origin / Sec-Fetch-Site before it accepts the session cookie.
      const { user } = await payload.auth({ headers: fetchHeaders(req) })
      const preview = view === 'preview'
      if (preview && !isStaffUser(user)) {
        return sendErrorPage(req, res, user ? 403 : 401, 'previewIsForStaff')
      }
      const reportId = isDocumentId(id) ? id : await idOfSlug(payload, id, { draft: preview, user })
      const doc =
        reportId === undefined
          ? null
          : await payload.findByID({ collection: 'reports', id: reportId, depth: 1, draft: preview, overrideAccess: false, user, disableErrors: true })
      if (!doc) return sendErrorPage(req, res, 404, 'notFound')
      const published = doc._status === 'published'
      const banner = !preview
        ? undefined
        : languageFromCookies(req.headers.cookie) === 'en'
          ? `Preview (${published ? 'published' : 'draft'})`
          : `Förhandsvisning (${published ? 'publicerad' : 'utkast'})`
      res
        .set('cache-control', 'private, no-store')
        .type('html')
        .send(renderReportPrintHtml(reportDocumentToModel(doc), { banner }))
    } catch (error) {
      next(error)
    }
  })
  return router
}

/** A database id: a number (SQL) or a MongoDB ObjectId. Slugs always hold a letter beyond a-f or a hyphen (src/slug.ts). */
function isDocumentId(value: string): boolean {
  return /^\d+$/.test(value) || /^[0-9a-f]{24}$/.test(value)
}

/** The id of the report with this slug that the caller may read (the same access rules as by id). */
async function idOfSlug(payload: Payload, slug: string, options: { draft: boolean; user: unknown }): Promise<number | string | undefined> {
  const { docs } = await payload.find({
    collection: 'reports',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    select: { slug: true },
    draft: options.draft,
    overrideAccess: false,
    user: options.user as never,
  })
  return docs[0]?.id
}
