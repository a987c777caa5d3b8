/**
 * The product's name and the organisation's own name and logo, for the admin's login page,
 * navigation and page titles (ORGANISATION_NAME, ORGANISATION_LOGO_URL or ORGANISATION_LOGO_FILE).
 */
import { env } from '../../env'

export const PRODUCT_NAME = 'Lägesbild'

/** Where the server serves ORGANISATION_LOGO_FILE (src/http/branding.ts). */
export const LOGO_FILE_PATH = '/branding/logo'

export interface Branding {
  organisationName?: string
  /** The organisation's logo as the browser loads it; undefined: our own mark. */
  logoUrl?: string
}

export function branding(): Branding {
  const settings = env()
  const logoUrl = settings.ORGANISATION_LOGO_URL ?? (settings.ORGANISATION_LOGO_FILE ? LOGO_FILE_PATH : undefined)
  return { organisationName: settings.ORGANISATION_NAME, logoUrl }
}
