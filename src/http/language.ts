import type { IncomingMessage } from 'node:http'

/**
 * The admin is Swedish unless the user chose English (src/admin/language/admin-language.ts).
 * Payload would otherwise follow the browser's Accept-Language, giving an English-language
 * browser an English admin: without the header it reads the `payload-lng` cookie (a user's
 * choice), then falls back to Swedish. Applies to the API too, whose messages the admin shows.
 */
export function ignoreBrowserLanguage(req: IncomingMessage): void {
  delete req.headers['accept-language']
}
