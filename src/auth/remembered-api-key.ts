/**
 * API keys remembered for a few seconds. Payload's API-key strategy looks the key up in the
 * database on every request. A consumer site sends the same key on every request, so that lookup
 * was about 1.2 ms of each uncached request (an authenticated GraphQL `{ __typename }` ran at half
 * the anonymous rate). This strategy runs first. It answers from memory when the same
 * Authorization header was verified in the last 10 s. Otherwise it asks Payload's own strategy
 * and remembers the answer. Every write to users forgets all of it at once, in this process and,
 * through Redis, in the others (src/cache/registry.ts). That covers a key changed or revoked, a
 * role changed, a user deleted. So a stale identity outlives a change by at most the time the
 * broadcast takes, and by at most 10 s if Redis is down.
 */
import type { AuthStrategy, AuthStrategyResult } from 'payload'

import { rememberedApiKeyUsers } from '../cache/registry'

const REMEMBER_MS = 10_000
const LIMIT = 10_000
const PREFIX = 'users API-Key '

export const rememberedApiKey: AuthStrategy = {
  name: 'users-api-key-remembered',
  authenticate: async (args) => {
    const header = args.headers.get('authorization')
    if (!header?.startsWith(PREFIX)) return { user: null }
    // GraphQL asks for the user at depth 0, REST at the collection's auth depth: keep them apart.
    const key = `${args.isGraphQL ? 'g' : 'r'}:${header}`
    const remembered = rememberedApiKeyUsers.get(key)
    if (remembered && remembered.expires > Date.now()) return { user: structuredClone(remembered.user) as AuthStrategyResult['user'] }

    const builtIn = args.payload.authStrategies.find((strategy) => strategy.name === 'users-api-key')
    if (!builtIn) return { user: null }
    const result = await builtIn.authenticate(args)
    if (result.user) {
      if (rememberedApiKeyUsers.size >= LIMIT) rememberedApiKeyUsers.clear()
      rememberedApiKeyUsers.set(key, { user: structuredClone(result.user), expires: Date.now() + REMEMBER_MS })
    }
    return result
  },
}
