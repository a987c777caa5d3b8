import type { Endpoint } from 'payload'

import { exportForCaller } from '../../src/editions/export'
import { EditionRequestError, parseAsOf, parseEditionNumber } from '../../src/editions/lookup'
import { EXPORT_FORMATS, isExportFormat } from '../../src/report-format/export-report'

const problem = (message: string, status: number) => Response.json({ errors: [{ message }] }, { status })

/**
 * GET /api/reports/:id/export?format=text|markdown|html|json[&edition=N|&asOf=2025-04-05T12:00][&draft=true]
 * A published report as an edition: the latest, number N, or the one readers saw at that
 * Stockholm time (src/editions/export.ts); with draft=true (staff) the newest draft. Access is
 * the caller's: an anonymous caller cannot export a draft or an internal report (404).
 */
export const exportEndpoint: Endpoint = {
  path: '/:id/export',
  method: 'get',
  handler: async (req) => {
    const format = req.searchParams.get('format') ?? 'text'
    if (!isExportFormat(format)) return problem(`format must be one of ${Object.keys(EXPORT_FORMATS).join(', ')}; got "${format.slice(0, 40)}"`, 400)
    try {
      const edition = req.searchParams.get('edition')
      const asOf = req.searchParams.get('asOf')
      const exported = await exportForCaller(req, req.routeParams?.id as string, {
        format,
        draft: req.searchParams.get('draft') === 'true',
        ...(edition ? { edition: parseEditionNumber(edition) } : {}),
        ...(asOf ? { asOf: parseAsOf(asOf) } : {}),
      })
      const { contentType, extension } = EXPORT_FORMATS[format]
      return new Response(exported.body, {
        headers: {
          'content-type': contentType,
          'content-disposition': `inline; filename="${exported.slug}.${extension}"`,
          ...(exported.edition ? { 'x-lagesbild-edition': String(exported.edition.number), 'x-lagesbild-sha256': exported.edition.sha256 } : {}),
          // Access decides the body, so no shared cache may keep it.
          'cache-control': 'private, no-store',
        },
      })
    } catch (error) {
      if (error instanceof EditionRequestError) return problem(error.message, error.status)
      throw error
    }
  },
}
