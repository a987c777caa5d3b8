import path from 'node:path'

import type { RequestHandler } from 'express'

/** GET /branding/logo: the organisation's logo file (ORGANISATION_LOGO_FILE), for the admin's login page and navigation. */
export function logoFile(file: string): RequestHandler {
  const absolute = path.resolve(file)
  return (_req, res, next) => {
    res.setHeader('cache-control', 'public, max-age=3600')
    res.sendFile(absolute, (error) => error && next(error))
  }
}
