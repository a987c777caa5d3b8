/**
 * Who is asking, as far as caching cares: anonymous ("public"), a reader ("internal"), or staff
 * (never cached: they see drafts). Credentials are resolved by Payload's own auth strategies
 * (JWT, cookie, API key) and remembered briefly, so a consumer site's API key costs one lookup.
 */
import type { Request as ExpressRequest } from 'express'
import type { Payload } from 'payload'

import { hasRole, isStaffUser } from '../../access/roles'
import { type CallerLevel, callerMemo } from '../cache/registry'

const MEMO_MS = 10_000
const MEMO_LIMIT = 10_000

function credentialOf(req: ExpressRequest): string | undefined {
  const authorization = req.headers.authorization
  if (authorization) return `a:${authorization}`
  const token = /(?:^|;\s*)payload-token=([^;]+)/.exec(req.headers.cookie ?? '')?.[1]
  return token ? `c:${token}` : undefined
}

export async function callerLevel(req: ExpressRequest, payload: Payload): Promise<CallerLevel> {
  const credential = credentialOf(req)
  if (!credential) return 'public'
  const remembered = callerMemo.get(credential)
  if (remembered && remembered.expires > Date.now()) return remembered.level
  const headers = new Headers()
  if (req.headers.authorization) headers.set('authorization', req.headers.authorization)
  if (req.headers.cookie) headers.set('cookie', req.headers.cookie)
  const { user } = await payload.auth({ headers })
  const level: CallerLevel = isStaffUser(user) ? 'staff' : hasRole(user, 'reader') ? 'internal' : 'public'
  if (callerMemo.size >= MEMO_LIMIT) callerMemo.clear()
  callerMemo.set(credential, { level, expires: Date.now() + MEMO_MS })
  return level
}
