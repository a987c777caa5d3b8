/**
 * API keys are remembered for a few seconds (src/auth/remembered-api-key.ts), never longer than
 * the user they belong to stays as it was: revoking a key, replacing it, demoting or deleting its
 * user takes effect on the very next request, over uncached REST and GraphQL alike.
 */
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'

import { type Actors, createActors, restAs } from './support/actors'
import { api } from './support/api'

describe('remembered API keys', () => {
  let actors: Actors
  let internalReportId: number
  const admin = () => restAs(actors.admin)

  beforeAll(async () => {
    actors = await createActors()
    const created = await admin()('/api/reports', {
      method: 'POST',
      body: { _status: 'published', title: `Intern ${randomUUID().slice(0, 8)}`, compiledAt: '2025-08-01T07:00:00.000Z', audience: 'internal' },
    })
    expect(created.status).toBe(201)
    internalReportId = created.body.doc.id
  })

  /** A reader with a fresh key. */
  const newReader = async () => {
    const key = randomUUID()
    const created = await admin()('/api/users', {
      method: 'POST',
      body: { email: `key-${randomUUID().slice(0, 8)}@test.local`, password: 'key-user-password-1', roles: ['reader'], enableAPIKey: true, apiKey: key },
    })
    expect(created.status).toBe(201)
    return { id: created.body.doc.id as number, key }
  }
  // A unique query string each time, so that the answer is computed, not taken from the cache.
  const restWith = (key: string) => api(`/api/reports/${internalReportId}?depth=0&n=${randomUUID()}`, { headers: { authorization: `users API-Key ${key}` } })
  const graphqlWith = (key: string) =>
    api('/api/graphql', {
      method: 'POST',
      headers: { authorization: `users API-Key ${key}` },
      body: { query: `query($id: Int!) { Report(id: $id) { id } }`, variables: { id: internalReportId } },
    })
  const sees = async (key: string) => {
    const [rest, graphql] = [await restWith(key), await graphqlWith(key)]
    return { rest: rest.status === 200, graphql: graphql.body.data?.Report?.id === internalReportId }
  }

  it('reads internal content with a key, repeatedly', async () => {
    const reader = await newReader()
    for (let i = 0; i < 3; i++) expect(await sees(reader.key)).toEqual({ rest: true, graphql: true })
  })

  it('refuses a revoked key on the next request', async () => {
    const reader = await newReader()
    expect(await sees(reader.key)).toEqual({ rest: true, graphql: true })
    expect((await admin()(`/api/users/${reader.id}`, { method: 'PATCH', body: { enableAPIKey: false } })).status).toBe(200)
    expect(await sees(reader.key)).toEqual({ rest: false, graphql: false })
  })

  it('refuses a replaced key and accepts the new one', async () => {
    const reader = await newReader()
    expect(await sees(reader.key)).toEqual({ rest: true, graphql: true })
    const replacement = randomUUID()
    expect((await admin()(`/api/users/${reader.id}`, { method: 'PATCH', body: { apiKey: replacement } })).status).toBe(200)
    expect(await sees(reader.key)).toEqual({ rest: false, graphql: false })
    expect(await sees(replacement)).toEqual({ rest: true, graphql: true })
  })

  it('follows a role change and a deleted user at once', async () => {
    const body = { title: `Utkast ${randomUUID().slice(0, 8)}`, compiledAt: '2025-08-02T07:00:00.000Z', audience: 'internal' }
    const draft = await admin()('/api/reports?draft=true', { method: 'POST', body })
    expect(draft.status).toBe(201)
    const readDraft = (key: string) => api(`/api/reports/${draft.body.doc.id}?draft=true&depth=0`, { headers: { authorization: `users API-Key ${key}` } })
    const reader = await newReader()
    expect((await readDraft(reader.key)).status).toBe(404)
    expect((await admin()(`/api/users/${reader.id}`, { method: 'PATCH', body: { roles: ['editor'] } })).status).toBe(200)
    expect((await readDraft(reader.key)).status).toBe(200)

    const other = await newReader()
    expect(await sees(other.key)).toEqual({ rest: true, graphql: true })
    expect((await admin()(`/api/users/${other.id}`, { method: 'DELETE' })).status).toBe(200)
    expect(await sees(other.key)).toEqual({ rest: false, graphql: false })
  })
})
