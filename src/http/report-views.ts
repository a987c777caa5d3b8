/**
 * Human views of a report, served by Express next to the API:
 *   GET /reports/:id/print    the report as a print-friendly A4 page (what the caller may read)
 *   GET /reports/:id/preview  the latest draft, for staff signed in to the admin (its Preview button)
 * Both read through the caller's own access rules (overrideAccess: false).
 */
import express, { type Router } from 'express'
import type { Payload } from 'payload'

import { isStaffUser } from '../../access/roles'
import { fetchHeaders } from '../auth/caller'
import { renderReportPrintHtml } from '../report-format/render-print'
import { reportDocumentToModel } from '../reports/load'

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
        return void res
          .status(user ? 403 : 401)
          .type('text/plain')
          .send('Preview is for editors and publishers signed in to the admin.')
      }
      const doc = await payload.findByID({ collection: 'reports', id, depth: 1, draft: preview, overrideAccess: false, user, disableErrors: true })
      if (!doc) return void res.status(404).type('text/plain').send('No such report.')
      const banner = preview ? `Förhandsvisning (${doc._status === 'published' ? 'publicerad' : 'utkast'}) · Preview` : undefined
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
