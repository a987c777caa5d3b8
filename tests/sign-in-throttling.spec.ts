/**
 * Sign-in throttling over the real server (SECURITY.md, "Sign-in throttling"). Wrong passwords
 * no longer lock an account: they make the client that sent them wait (429 + Retry-After), per
 * account and in total, while everyone else, the real user included, signs in as usual. An
 * unknown address, a wrong password and an existing account all get the same answers.
 *
 * The server trusts X-Forwarded-For from loopback (`trust proxy`), so each test plays its own
 * clients by address, and the suite's own sign-ins from 127.0.0.1 are left alone.
 */
import { randomInt, randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'

import { SIGN_IN_LIMITS } from '../src/auth/sign-in-throttle'
import { PASSWORD } from './support/actors'
import { api, graphql, login, type ApiResponse } from './support/api'
import { TEST_ADMIN } from './support/test-database'

const { perAccount, perClient } = SIGN_IN_LIMITS
const show = (response: ApiResponse) => `${response.status} ${JSON.stringify(response.body)}`

/** A client of its own: a random address in 10.0.0.0/8. */
const newClient = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`
const unknownAddress = () => `ingen-${randomUUID().slice(0, 8)}@throttle.test`

const signIn = (client: string, email: string, password: string) =>
  api('/api/users/login', { method: 'POST', body: { email, password }, headers: { 'x-forwarded-for': client } })

const graphqlFrom = (client: string, query: string) => api('/api/graphql', { method: 'POST', body: { query }, headers: { 'x-forwarded-for': client } })

async function timed(work: () => Promise<ApiResponse>) {
  const started = performance.now()
  const response = await work()
  return { response, ms: performance.now() - started }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

function expectThrottled(response: ApiResponse) {
  expect(response.status, show(response)).toBe(429)
  const retryAfter = Number(response.headers.get('retry-after'))
  expect(retryAfter).toBeGreaterThan(0)
  expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_LIMITS.windowMs / 1000)
  return retryAfter
}

describe('sign-in throttling', () => {
  let user: { email: string }

  beforeAll(async () => {
    const email = `throttle-${randomUUID().slice(0, 8)}@throttle.test`
    const created = await api('/api/users', { method: 'POST', token: await login(), body: { email, password: PASSWORD, roles: ['editor'] } })
    expect(created.status, show(created)).toBe(201)
    user = { email }
  })

  it('answers an unknown address and a wrong password alike: the same status and body, in about the same time', async () => {
    const client = newClient()
    const unknown: { response: ApiResponse; ms: number }[] = []
    const wrong: { response: ApiResponse; ms: number }[] = []
    for (let i = 0; i < perAccount - 1; i++) {
      unknown.push(await timed(() => signIn(client, unknownAddress(), 'fel-lösenord-1')))
      wrong.push(await timed(() => signIn(client, user.email, 'fel-lösenord-1')))
    }
    for (const { response } of [...unknown, ...wrong]) {
      expect(response.status, show(response)).toBe(401)
      expect(response.body).toEqual(wrong[0].response.body)
    }
    // Payload hashes the password of a known account (~0.2 s) and answered an unknown one at once.
    const [unknownMs, wrongMs] = [median(unknown.map((t) => t.ms)), median(wrong.map((t) => t.ms))]
    expect(unknownMs, `unknown ${unknownMs.toFixed(0)} ms, wrong password ${wrongMs.toFixed(0)} ms`).toBeGreaterThan(wrongMs * 0.5)
    expect(unknownMs, `unknown ${unknownMs.toFixed(0)} ms, wrong password ${wrongMs.toFixed(0)} ms`).toBeLessThan(wrongMs * 2)
  })

  it('makes the client that sent five wrong passwords wait, for that account only, and nobody else', async () => {
    const attacker = newClient()
    for (let i = 0; i < perAccount; i++) expect((await signIn(attacker, user.email, `fel-${i}`)).status).toBe(401)

    // Even the right password: a 200 here would confirm a guess the limit was meant to stop.
    const refused = await signIn(attacker, user.email, PASSWORD)
    expectThrottled(refused)
    expect(refused.body.errors[0].message).toMatch(/för många|too many/i)
    expect(JSON.stringify(refused.body)).not.toContain('token')

    // The account is not locked: the user, from anywhere else, signs in.
    const owner = await signIn(newClient(), user.email, PASSWORD)
    expect(owner.status, show(owner)).toBe(200)
    expect(owner.body.token).toBeTruthy()
    // And the attacker may still try other accounts (up to the per-client limit).
    expect((await signIn(attacker, unknownAddress(), 'fel')).status).toBe(401)
  })

  it('gives a waiting client the same answer whether the account exists or not', async () => {
    const [first, second] = [newClient(), newClient()]
    const nobody = unknownAddress()
    for (let i = 0; i < perAccount; i++) {
      expect((await signIn(first, user.email, `fel-${i}`)).status).toBe(401)
      expect((await signIn(second, nobody, `fel-${i}`)).status).toBe(401)
    }
    const [existing, unknown] = [await signIn(first, user.email, 'fel'), await signIn(second, nobody, 'fel')]
    expect(Math.abs(expectThrottled(existing) - expectThrottled(unknown))).toBeLessThanOrEqual(2)
    expect(unknown.body.errors[0].message).toBe(existing.body.errors[0].message)
  })

  it(`stops a client that fails on ${perClient} sign-ins in total, for every account, existing or not`, async () => {
    const sprayer = newClient()
    // Two wrong passwords each for many accounts: never five for one, so only the total stops it.
    const targets = Array.from({ length: perClient / 2 }, unknownAddress)
    const answers = await Promise.all(targets.flatMap((email) => [signIn(sprayer, email, 'Sommar2025'), signIn(sprayer, email, 'Vinter2025')]))
    expect(answers.map((response) => response.status)).toEqual(answers.map(() => 401))

    expectThrottled(await signIn(sprayer, user.email, PASSWORD))
    expectThrottled(await signIn(sprayer, unknownAddress(), 'fel'))
    expect((await signIn(newClient(), user.email, PASSWORD)).status).toBe(200)
  })

  it('no longer lets anyone lock out the admin', async () => {
    const stranger = newClient()
    for (let i = 0; i < perAccount; i++) expect((await signIn(stranger, TEST_ADMIN.email, `fel-${i}`)).status).toBe(401)
    expectThrottled(await signIn(stranger, TEST_ADMIN.email, 'fel'))
    // The admin, at their own address, is not affected.
    expect((await signIn(newClient(), TEST_ADMIN.email, TEST_ADMIN.password)).status).toBe(200)
  })

  it('counts GraphQL loginUser like REST, every aliased attempt in one request included', async () => {
    const client = newClient()
    const aliases = Array.from({ length: perAccount + 1 }, (_, i) => `a${i}: loginUser(email: "${user.email}", password: "fel-${i}") { token }`)
    const batch = await graphqlFrom(client, `mutation { ${aliases.join(' ')} }`)
    const codes = batch.body.errors.map((error: { extensions: { statusCode: number } }) => error.extensions.statusCode)
    expect(codes, show(batch)).toEqual([...Array(perAccount).fill(401), 429])

    // The same count over REST, and over GraphQL a request that got nothing is a 429 too.
    expectThrottled(await signIn(client, user.email, PASSWORD))
    const single = await graphqlFrom(client, `mutation { loginUser(email: "${user.email}", password: "${PASSWORD}") { token } }`)
    expectThrottled(single)
    expect(single.body.data.loginUser).toBeNull()
    expect(single.body.errors[0].extensions.data.retryAfter).toBeGreaterThan(0)

    const elsewhere = await graphql(`mutation { loginUser(email: "${user.email}", password: "${PASSWORD}") { token } }`)
    expect(elsewhere.body.data?.loginUser?.token, show(elsewhere)).toBeTruthy()
  })
})
