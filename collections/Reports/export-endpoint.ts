import type { Endpoint } from 'payload'

import { EXPORT_FORMATS, exportReport, isExportFormat } from '../../src/import-export/export-report'
import { reportDocumentToModel } from '../../src/reports/load'

/**
 * GET /api/reports/:id/export?format=text|markdown|html[&draft=true]
 * The report as its caller may see it: the read goes through the caller's access rules, so an
 * anonymous caller cannot export a draft or internal report (404, as if it did not exist).
 */
export const exportEndpoint: Endpoint = {
  path: '/:id/export',
  method: 'get',
  handler: async (req) => {
    const format = req.searchParams.get('format') ?? 'text'
    if (!isExportFormat(format)) {
      return Response.json(
        { errors: [{ message: `format must be one of ${Object.keys(EXPORT_FORMATS).join(', ')}; got "${format.slice(0, 40)}"` }] },
        { status: 400 },
      )
    }
    const doc = await req.payload.findByID({
      collection: 'reports',
      id: req.routeParams?.id as string,
      depth: 1,
      draft: req.searchParams.get('draft') === 'true',
      overrideAccess: false,
      user: req.user,
      req,
      disableErrors: true,
    })
    if (!doc) return Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404 })
    const { contentType, extension } = EXPORT_FORMATS[format]
    return new Response(exportReport(reportDocumentToModel(doc), format), {
      headers: {
        'content-type': contentType,
        'content-disposition': `inline; filename="${doc.slug}.${extension}"`,
        // Access decides the body, so no shared cache may keep it.
        'cache-control': 'private, no-store',
      },
    })
  },
}
