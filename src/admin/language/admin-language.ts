/**
 * The admin's language: Swedish for everyone unless the user chose English in their account.
 *
 * Payload 3.90 picks the language of each request from its `payload-lng` cookie, then the
 * browser's Accept-Language, then `i18n.fallbackLanguage` (payload/dist/utilities/getRequestLanguage).
 * The server removes Accept-Language (src/http/language.ts), so only a choice counts: the cookie,
 * which the account view's language selector sets. That choice is also kept in the user's
 * preferences (RememberLanguage.tsx) and put back in the cookie at every sign-in
 * (collections/Users/language.ts), so it follows the account to another browser.
 */
export const ADMIN_LANGUAGES = ['sv', 'en'] as const
export type AdminLanguage = (typeof ADMIN_LANGUAGES)[number]
export const DEFAULT_LANGUAGE: AdminLanguage = 'sv'

/** The payload-preferences key that holds the user's choice. */
export const LANGUAGE_PREFERENCE = 'admin-language'

/** Payload's cookie name (`${cookiePrefix}-lng`; our config keeps the prefix "payload"). */
export const LANGUAGE_COOKIE = 'payload-lng'
const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365

export const isAdminLanguage = (value: unknown): value is AdminLanguage => ADMIN_LANGUAGES.includes(value as AdminLanguage)

/** A Set-Cookie value as Payload's own language switch writes it (path /, one year). */
export const languageCookie = (language: AdminLanguage): string => `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`

/** The admin language of a request outside Payload (our own pages): the user's choice in the cookie, else Swedish. */
export function languageFromCookies(cookieHeader: string | undefined): AdminLanguage {
  const chosen = /(?:^|;\s*)payload-lng=([^;]*)/.exec(cookieHeader ?? '')?.[1]
  return isAdminLanguage(chosen) ? chosen : DEFAULT_LANGUAGE
}
