/**
 * A request that is the caller's fault gets a 4xx, never a 500: malformed or made-up input to
 * every auth endpoint and mutation, and GraphQL's permission queries, which Payload answered with
 * "Something went wrong" for every reader and anonymous caller (src/graphql/payload-fixes.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { type Actors, createActors, graphqlAs, restAs } from './support/actors'
import { api, type ApiResponse } from './support/api'

const show = (response: ApiResponse) => `${response.status} ${JSON.stringify(response.body)}`

function expectClientError(response: ApiResponse) {
  expect(response.status, show(response)).toBeGreaterThanOrEqual(400)
  expect(response.status, show(response)).toBeLessThan(500)
  expect(JSON.stringify(response.body)).not.toMatch(/something went wrong/i)
}

/** A GraphQL execution error carries its status in extensions (the HTTP status stays 200). */
function expectGraphqlClientError(response: ApiResponse) {
  expect(response.status, show(response)).toBeLessThan(500)
  const codes = (response.body.errors ?? []).map((error: { extensions?: { statusCode?: number } }) => error.extensions?.statusCode ?? 400)
  expect(codes.length, show(response)).toBeGreaterThan(0)
  for (const code of codes) expect(code, show(response)).toBeGreaterThanOrEqual(400)
  for (const code of codes) expect(code, show(response)).toBeLessThan(500)
}

describe('auth endpoints answer bad input with a 4xx', () => {
  const post = (path: string, body?: unknown, headers: Record<string, string> = {}) => api(path, { method: 'POST', body, headers })

  it.each([
    ['verify with a made-up token', () => post('/api/users/verify/x')],
    ['verify over GET', () => api('/api/users/verify/x')],
    ['reset-password with a made-up token', () => post('/api/users/reset-password', { token: 'x', password: 'nytt-lösenord-123' })],
    ['reset-password with an object as token', () => post('/api/users/reset-password', { token: { not_equals: null }, password: 'nytt-lösenord-123' })],
    ['reset-password without a body', () => post('/api/users/reset-password', {})],
    ['unlock without an e-mail', () => post('/api/users/unlock', {})],
    ['unlock of an unknown address, anonymously', () => post('/api/users/unlock', { email: 'ingen@example.org' })],
    ['refresh-token without a token', () => post('/api/users/refresh-token')],
    ['refresh-token with a garbage JWT', () => post('/api/users/refresh-token', undefined, { authorization: 'JWT garbage' })],
    ['logout without a session', () => post('/api/users/logout')],
    ['login with a list as e-mail', () => post('/api/users/login', { email: ['a@example.org'], password: 'x' })],
    ['login with an object as password', () => post('/api/users/login', { email: 'a@example.org', password: { not_equals: '' } })],
  ])('%s', async (_name, request) => {
    expectClientError(await request())
  })

  it('/api/users/me with a garbage JWT or API key: nobody, not an error', async () => {
    for (const authorization of ['JWT garbage', 'JWT a.b.c', 'users API-Key garbage']) {
      const response = await api('/api/users/me', { headers: { authorization } })
      expect(response.status, show(response)).toBe(200)
      expect(response.body.user).toBeNull()
    }
  })

  it.each([
    ['verifyEmailUser', 'mutation { verifyEmailUser(token: "x") }'],
    ['resetPasswordUser', 'mutation { resetPasswordUser(token: "x", password: "nytt-lösenord-123") { token } }'],
    ['refreshTokenUser', 'mutation { refreshTokenUser { refreshedToken } }'],
    ['logoutUser', 'mutation { logoutUser }'],
    ['loginUser without a password', 'mutation { loginUser(email: "a@example.org") { token } }'],
  ])('GraphQL %s with bad or missing input', async (_name, query) => {
    expectGraphqlClientError(await api('/api/graphql', { method: 'POST', body: { query } }))
  })
})

describe('GraphQL permission queries answer every caller', () => {
  let actors: Actors
  let reportId: number

  beforeAll(async () => {
    actors = await createActors()
    // The seed report: published, so only a publisher changes it in place or deletes it.
    const seed = await restAs(actors.admin)('/api/reports?where[slug][equals]=regional-rapport-samordning-vardinformationssystem-2025-04-03&depth=0')
    reportId = seed.body.docs[0].id
  })

  const ACCESS = `{ Access { canAccessAdmin
    reports { create { permission } read { permission where } update { permission } readVersions { permission }
      fields { title { read { permission } update { permission } } } }
    users { create { permission } fields { roles { update { permission } } } } } }`

  it.each([
    ['anonymous', false],
    ['reader', false],
    ['readerKey', false],
    ['editor', true],
    ['admin', true],
  ] as const)('Access for %s', async (actor, staff) => {
    const short = await graphqlAs(actors[actor])('query { Access { canAccessAdmin } }')
    expect(short.body, show(short)).toEqual({ data: { Access: { canAccessAdmin: staff } } })

    const full = await graphqlAs(actors[actor])(ACCESS)
    expect(full.body.errors, show(full)).toBeUndefined()
    const { reports, users } = full.body.data.Access
    expect(reports.create.permission).toBe(staff)
    expect(reports.read.permission).toBe(true)
    expect(reports.read.where === null).toBe(staff) // everyone else reads published documents only
    expect(reports.readVersions.permission).toBe(staff)
    expect(reports.fields.title.read.permission).toBe(true)
    expect(users.create.permission).toBe(actor === 'admin')
    expect(users.fields.roles.update.permission).toBe(actor === 'admin')
  })

  it('docAccess for a document', async () => {
    const query = `{ docAccessReport(id: ${reportId}) { update { permission } delete { permission } fields { title { update { permission } } } } }`
    for (const [actor, update, remove] of [
      ['admin', true, true],
      ['editor', false, false],
      ['reader', false, false],
    ] as const) {
      const response = await graphqlAs(actors[actor])(query)
      expect(response.body.errors, `${actor}: ${show(response)}`).toBeUndefined()
      expect(response.body.data.docAccessReport.update.permission, actor).toBe(update)
      expect(response.body.data.docAccessReport.delete.permission, actor).toBe(remove)
    }
  })
})
