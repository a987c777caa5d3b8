import type { RequestHandler } from 'express'

import { MARK_SVG } from '../admin/branding/mark'

/**
 * /favicon.ico: browsers ask for it on every HTML page without an icon link (the print and preview
 * views, the admin while Next swaps documents). Without it each page logs a 404 in the console.
 * Chromium, Firefox and Safari accept an SVG body at this path when the content type says so.
 */
const ICON = Buffer.from(MARK_SVG)

export const favicon: RequestHandler = (_req, res) => {
  res.setHeader('content-type', 'image/svg+xml')
  res.setHeader('cache-control', 'public, max-age=86400')
  res.end(ICON)
}
