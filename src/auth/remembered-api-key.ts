/**
 * API keys remembered for a few seconds. Payload's API-key strategy looks the key up in the
 * database on every request. A consumer site sends the same key on every request, so that lookup
 * was about 1.2 ms of each uncached request (an authenticated GraphQL `{ __typename }` ran at half
 * the anonymous rate). This strategy runs first. It answers from memory when the same
 * Authorization header was verified in the last 10 s. Otherwise it asks Payload's own strategy
 * and remembers the answer. Every write to users forgets all of it at once, in this process and,
 * through Redis, in the others (src/cache/registry.ts). That covers a key changed or revoked, a
 * role changed, a user deleted. So a stale identity outlives a change by at most the time the
 * broadcast takes, and by at most 10 s if Redis is down (src/auth/remembered.ts).
 *
 * It also notes when each key was last used (`apiKeyLastUsedAt`, for the admin).
 */
import type { AuthStrategy, AuthStrategyResult, Payload } from 'payload'

import { rememberedCredentials } from './remembered'

/** Users behind recently verified API keys, by "g|r:" + Authorization header. */
const rememberedApiKeyUsers = rememberedCredentials<AuthStrategyResult['user']>()
const LIMIT = 10_000
const PREFIX = 'users API-Key '
/** `apiKeyLastUsedAt` is written at most this often per user and process. */
const LAST_USED_RESOLUTION_MS = 60_000
const lastUsedWritten = new Map<number | string, number>()

/**
 * Stamps the key's user with the time of use, without waiting: straight to the database adapter,
 * so no hooks run (an audit entry per minute, or forgetting every remembered key, would defeat
 * the point), outside any request's transaction, and a failure is logged, never the request's.
 * `updatedAt: null` tells every adapter to leave the user's updatedAt alone (as Payload's sessions do).
 */
function noteUse(payload: Payload, id: number | string) {
  const now = Date.now()
  if (now - (lastUsedWritten.get(id) ?? 0) < LAST_USED_RESOLUTION_MS) return
  if (lastUsedWritten.size >= LIMIT) lastUsedWritten.clear()
  lastUsedWritten.set(id, now)
  payload.db
    .updateOne({ collection: 'users', id, data: { apiKeyLastUsedAt: new Date(now).toISOString(), updatedAt: null }, returning: false })
    .catch((error: unknown) => payload.logger.warn({ err: error, msg: `apiKeyLastUsedAt of user ${id} not written` }))
}

export const rememberedApiKey: AuthStrategy = {
  name: 'users-api-key-remembered',
  authenticate: async (args) => {
    const header = args.headers.get('authorization')
    if (!header?.startsWith(PREFIX)) return { user: null }
    // GraphQL asks for the user at depth 0, REST at the collection's auth depth: keep them apart.
    const key = `${args.isGraphQL ? 'g' : 'r'}:${header}`
    const remembered = rememberedApiKeyUsers.get(key)
    if (remembered) {
      const user = structuredClone(remembered)
      noteUse(args.payload, user.id)
      return { user }
    }

    const builtIn = args.payload.authStrategies.find((strategy) => strategy.name === 'users-api-key')
    if (!builtIn) return { user: null }
    const result = await builtIn.authenticate(args)
    if (result.user) {
      noteUse(args.payload, result.user.id)
      rememberedApiKeyUsers.set(key, structuredClone(result.user))
    }
    return result
  },
}
