/**
 * API keys are for consumer sites' service accounts: only an admin enables, sets or replaces
 * one (editors and publishers used to be able to give themselves a key that never expires), and
 * the admin sees when each key was last used (`apiKeyLastUsedAt`, written at most once a minute
 * per user, from src/auth/remembered-api-key.ts, by nobody else).
 */
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'

import { type Actors, createActors, graphqlAs, restAs } from './support/actors'
import { api, type ApiResponse } from './support/api'

const show = (response: ApiResponse) => `${response.status} ${JSON.stringify(response.body)}`
const withKey = (key: string, path = '/api/users/me') => api(path, { headers: { authorization: `users API-Key ${key}` } })

describe('API keys on users', () => {
  let actors: Actors
  const admin = () => restAs(actors.admin)
  const asAdmin = async (id: unknown) => (await admin()(`/api/users/${id}?depth=0`)).body

  beforeAll(async () => {
    actors = await createActors()
  })

  it.each(['editor', 'publisher', 'reader'] as const)('refuses a %s who gives themselves an API key (REST and GraphQL): nothing changes', async (role) => {
    const self = actors[role]
    const before = await asAdmin(self.userId)
    const key = randomUUID()
    const rest = await restAs(self)(`/api/users/${self.userId}`, { method: 'PATCH', body: { enableAPIKey: true, apiKey: key } })
    expect([200, 403], show(rest)).toContain(rest.status)
    const otherKey = randomUUID()
    const gql = await graphqlAs(self)('mutation ($id: Int!, $key: String) { updateUser(id: $id, data: { enableAPIKey: true, apiKey: $key }) { id } }', {
      id: Number(self.userId),
      key: otherKey,
    })
    expect(gql.status, show(gql)).toBeLessThan(500)

    const after = await asAdmin(self.userId)
    expect(after.enableAPIKey ?? false).toBe(before.enableAPIKey ?? false)
    expect(after.hasAPIKey ?? false).toBe(false)
    for (const tried of [key, otherKey]) expect((await withKey(tried)).body.user, `${role}'s own key works`).toBeNull()
  })

  it('keeps a key user from replacing or disabling its own key', async () => {
    const self = actors.readerKey
    const replacement = randomUUID()
    await restAs(self)(`/api/users/${self.userId}`, { method: 'PATCH', body: { apiKey: replacement } })
    await restAs(self)(`/api/users/${self.userId}`, { method: 'PATCH', body: { enableAPIKey: false } })
    expect((await withKey(replacement)).body.user).toBeNull()
    expect((await restAs(self)('/api/users/me')).body.user?.id).toBe(self.userId)
    expect((await asAdmin(self.userId)).enableAPIKey).toBe(true)
  })

  it('lets an admin enable, set and replace a key', async () => {
    const key = randomUUID()
    const enable = await admin()(`/api/users/${actors.reader.userId}`, { method: 'PATCH', body: { enableAPIKey: true, apiKey: key } })
    expect(enable.status, show(enable)).toBe(200)
    expect((await withKey(key)).body.user?.id).toBe(actors.reader.userId)
    const disable = await admin()(`/api/users/${actors.reader.userId}`, { method: 'PATCH', body: { enableAPIKey: false } })
    expect(disable.status, show(disable)).toBe(200)
    expect((await withKey(key)).body.user).toBeNull()
  })

  it("lets a key work whenever it is set, as the README and the admin say: Payload's enableAPIKey flag is not needed", async () => {
    const key = randomUUID()
    const set = await admin()(`/api/users/${actors.publisher.userId}`, { method: 'PATCH', body: { apiKey: key } })
    expect(set.status, show(set)).toBe(200)
    expect((await asAdmin(actors.publisher.userId)).enableAPIKey ?? false).toBe(false)
    expect((await withKey(key)).body.user?.id).toBe(actors.publisher.userId)
    const removed = await admin()(`/api/users/${actors.publisher.userId}`, { method: 'PATCH', body: { apiKey: null } })
    expect(removed.status, show(removed)).toBe(200)
    expect((await withKey(key)).body.user).toBeNull()
  })

  it('shows the admin, and only the admin, when a key was last used, written at most once a minute', async () => {
    const key = randomUUID()
    const created = await admin()('/api/users', {
      method: 'POST',
      body: { email: `nyckel-${randomUUID().slice(0, 8)}@keys.test`, password: 'key-user-password-1', roles: ['reader'], enableAPIKey: true, apiKey: key },
    })
    expect(created.status, show(created)).toBe(201)
    const id = created.body.doc.id
    const before = await asAdmin(id)
    expect(before.apiKeyLastUsedAt ?? null).toBeNull()

    const usedFrom = Date.now()
    expect((await withKey(key, `/api/reports?limit=1&n=${randomUUID()}`)).status).toBe(200)
    // Written beside the request, not in it: wait for it to land.
    let stamped: string | undefined
    for (let i = 0; i < 50 && !stamped; i++) {
      stamped = (await asAdmin(id)).apiKeyLastUsedAt ?? undefined
      if (!stamped) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(stamped).toBeDefined()
    expect(Date.parse(stamped!)).toBeGreaterThanOrEqual(usedFrom - 1000)
    expect(Date.parse(stamped!)).toBeLessThanOrEqual(Date.now())
    const after = await asAdmin(id)
    expect(after.updatedAt, 'noting the use is not an edit of the user').toBe(before.updatedAt)

    // More use within the minute (over GraphQL too): no further write.
    for (let i = 0; i < 3; i++) expect((await withKey(key, `/api/reports?limit=1&n=${randomUUID()}`)).status).toBe(200)
    await graphqlAs({ actor: 'readerKey', authorization: `users API-Key ${key}` })('{ Reports(limit: 1) { totalDocs } }')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect((await asAdmin(id)).apiKeyLastUsedAt).toBe(stamped)

    // Nobody else reads it, the key user included; and nobody, the admin included, writes it.
    expect((await withKey(key)).body.user).not.toHaveProperty('apiKeyLastUsedAt')
    expect((await restAs(actors.editor)('/api/users/me')).body.user).not.toHaveProperty('apiKeyLastUsedAt')
    const forged = await admin()(`/api/users/${id}`, { method: 'PATCH', body: { apiKeyLastUsedAt: '2000-01-01T00:00:00.000Z' } })
    expect(forged.status, show(forged)).toBeLessThan(500)
    expect((await asAdmin(id)).apiKeyLastUsedAt).toBe(stamped)
  })
})
