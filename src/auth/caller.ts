/**
 * Who is asking, as far as the published-read cache cares: anonymous ("public"), a reader
 * ("internal"), or staff (never cached: they see drafts).
 *
 * Decided the way Payload decides, from everything in the request that Payload reads: the
 * Authorization header and the session cookie, which Payload accepts only with an Origin on its
 * CSRF list or a Sec-Fetch-Site of same-origin/same-site/none (payload/dist/auth/extractJWT.js),
 * its name trimmed and its value URI-decoded like Payload's parseCookies. A guess made from some
 * of those headers once classed signed-in browsers as anonymous and filled the anonymous cache
 * with their drafts. Even so, the cache stores a response only under the level of the user that
 * Payload's handler itself authenticated for it (src/http/cached-api.ts): this is a prediction,
 * used to find a cached answer, never to decide what may be stored.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import type { Payload } from 'payload'

import { hasRole, isStaffUser, type MaybeUser } from '../../access/roles'
import { rememberedCredentials } from './remembered'

export type CallerLevel = 'public' | 'internal' | 'staff'

export const levelOf = (user: MaybeUser): CallerLevel => (isStaffUser(user) ? 'staff' : hasRole(user, 'reader') ? 'internal' : 'public')

const TOKEN_COOKIE = 'payload-token'

/** The session cookie's value as Payload reads it: names trimmed, values URI-decoded, the last one wins. */
function sessionCookie(cookieHeader: string | undefined): string | undefined {
  let token: string | undefined
  for (const cookie of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = cookie.split('=')
    if (name.trim() !== TOKEN_COOKIE) continue
    try {
      token = decodeURI(value.join('='))
    } catch {
      // Payload ignores a value it cannot decode: so do we (an earlier one still counts).
    }
  }
  return token || undefined
}

/**
 * Everything in a request that can change whom Payload authenticates, as one string; undefined
 * when the request carries no credential at all (then the caller is anonymous, certainly).
 */
function credentialKey(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization
  const token = sessionCookie(headers.cookie)
  if (!authorization && !token) return undefined
  // Whether Payload accepts the cookie depends on these two (its CSRF check).
  const csrf = token ? [headers.origin ?? '', String(headers['sec-fetch-site'] ?? '')] : []
  return JSON.stringify([authorization ?? '', token ?? '', ...csrf])
}

const rememberedLevels = rememberedCredentials<CallerLevel>()

/** The caller's level if it is known without asking the database; undefined otherwise. */
export function rememberedCallerLevel(req: IncomingMessage): CallerLevel | undefined {
  const key = credentialKey(req.headers)
  return key === undefined ? 'public' : rememberedLevels.get(key)
}

/** Records what Payload's handler actually authenticated for this request's credentials. */
export function rememberCallerLevel(req: IncomingMessage, level: CallerLevel): void {
  const key = credentialKey(req.headers)
  if (key !== undefined) rememberedLevels.set(key, level)
}

/** Every header of a Node request, for Payload's authentication: it must see what its handler sees. */
export function fetchHeaders(req: IncomingMessage): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item)
  }
  return headers
}

/** The caller's level as Payload's own authentication decides it, given every header of the request. */
export async function callerLevel(req: IncomingMessage, payload: Payload): Promise<CallerLevel> {
  const known = rememberedCallerLevel(req)
  if (known) return known
  const { user } = await payload.auth({ headers: fetchHeaders(req) })
  const level = levelOf(user as MaybeUser)
  rememberCallerLevel(req, level)
  return level
}
