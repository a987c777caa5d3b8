/**
 * Who is asking, as far as caching cares: anonymous ("public"), a reader ("internal"), or staff
 * (never cached: they see drafts). Credentials are resolved by Payload's own auth strategies
 * (JWT, cookie, API key) and remembered briefly, so a consumer site's API key costs one lookup.
 */
import type { IncomingMessage } from 'node:http'
import type { Payload } from 'payload'

import { hasRole, isStaffUser } from '../../access/roles'
import { type CallerLevel, callerMemo } from '../cache/registry'

const MEMO_MS = 10_000
const MEMO_LIMIT = 10_000

function credentialOf(req: IncomingMessage): string | undefined {
  const authorization = req.headers.authorization
  if (authorization) return `a:${authorization}`
  const token = /(?:^|;\s*)payload-token=([^;]+)/.exec(req.headers.cookie ?? '')?.[1]
  return token ? `c:${token}` : undefined
}

/** The caller's level if it is known without asking the database; undefined otherwise. */
export function rememberedCallerLevel(req: IncomingMessage): CallerLevel | undefined {
  const credential = credentialOf(req)
  if (!credential) return 'public'
  const remembered = callerMemo.get(credential)
  return remembered && remembered.expires > Date.now() ? remembered.level : undefined
}

export async function callerLevel(req: IncomingMessage, payload: Payload): Promise<CallerLevel> {
  const known = rememberedCallerLevel(req)
  if (known) return known
  const credential = credentialOf(req)!
  const headers = new Headers()
  if (req.headers.authorization) headers.set('authorization', req.headers.authorization)
  if (req.headers.cookie) headers.set('cookie', req.headers.cookie)
  const { user } = await payload.auth({ headers })
  const level: CallerLevel = isStaffUser(user) ? 'staff' : hasRole(user, 'reader') ? 'internal' : 'public'
  if (callerMemo.size >= MEMO_LIMIT) callerMemo.clear()
  callerMemo.set(credential, { level, expires: Date.now() + MEMO_MS })
  return level
}
