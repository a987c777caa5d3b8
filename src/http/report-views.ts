/**
 * Human views of a report, served by Express next to the API:
 *   GET /reports/:id/print    the report as a print-friendly A4 page (what the caller may read)
 *   GET /reports/:id/preview  the latest draft, for staff signed in to the admin (its Preview button)
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
      const doc = await payload.findByID({ collection: 'reports', id, depth: 1, draft: preview, overrideAccess: false, user, disableErrors: true })
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
