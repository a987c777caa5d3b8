/**
 * Password reset by e-mail, end to end against the real server: forgot-password mails a link
 * to /admin/reset/<token> (captured to MAIL_CAPTURE_DIR in tests, see src/email), the token sets
 * a new password, and the user logs in with it. An unknown address gets the same answer in about
 * the same time and no mail, so the endpoint does not tell which addresses have accounts.
 */
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'

import { api, graphql, login } from './support/api'
import { mailTo, waitForMail } from './support/outbox'

const OLD_PASSWORD = 'old-password-123'
const NEW_PASSWORD = 'new-password-456'

describe('password reset by e-mail', () => {
  let adminToken: string

  beforeAll(async () => {
    adminToken = await login()
  })

  const createUser = async () => {
    const email = `reset-${randomUUID().slice(0, 8)}@test.local`
    const body = { email, password: OLD_PASSWORD, name: 'Återställare', roles: ['editor'] }
    const created = await api('/api/users', { method: 'POST', token: adminToken, body })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    return email
  }

  const forgotPassword = async (email: string) => {
    const started = performance.now()
    const response = await api('/api/users/forgot-password', { method: 'POST', body: { email } })
    return { status: response.status, body: response.body, ms: performance.now() - started }
  }

  it('mails a reset link; its token sets a new password, once, and the user logs in with it', async () => {
    const email = await createUser()
    const answer = await forgotPassword(email)
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    expect(answer.ms).toBeLessThan(3_000)

    const mail = await waitForMail(email)
    expect(mail.subject).toMatch(/lösenord/i)
    expect(mail.from.address).toBe('noreply@localhost')
    const link = /href="([^"]+)"/.exec(mail.html)?.[1]
    const serverUrl = process.env.SERVER_URL ?? 'http://localhost:'
    expect(link?.startsWith(serverUrl), link).toBe(true)
    const token = /\/admin\/reset\/([0-9a-f]{40})$/.exec(link ?? '')?.[1]
    expect(token, link).toBeDefined()

    const reset = await api('/api/users/reset-password', { method: 'POST', body: { token, password: NEW_PASSWORD } })
    expect(reset.status, JSON.stringify(reset.body)).toBe(200)
    expect(reset.body.token).toEqual(expect.any(String))

    expect(await login(email, NEW_PASSWORD)).toEqual(expect.any(String))
    expect((await api('/api/users/login', { method: 'POST', body: { email, password: OLD_PASSWORD } })).status).toBe(401)
    const reused = await api('/api/users/reset-password', { method: 'POST', body: { token, password: 'third-password-789' } })
    expect(reused.status).toBe(403)
  })

  it('answers an unknown address exactly as a known one, in about the same time, and mails only the known', async () => {
    const rounds = 5
    // A user per round: Payload mails one address at most once per 15 s.
    const users: string[] = []
    for (let round = 0; round < rounds; round++) users.push(await createUser())
    const unknownAddresses = users.map(() => `nobody-${randomUUID().slice(0, 8)}@test.local`)
    const known: Awaited<ReturnType<typeof forgotPassword>>[] = []
    const unknown: Awaited<ReturnType<typeof forgotPassword>>[] = []
    for (let round = 0; round < rounds; round++) {
      // Alternating which goes first, so that neither always follows the other's work.
      if (round % 2) known.push(await forgotPassword(users[round]))
      unknown.push(await forgotPassword(unknownAddresses[round]))
      if (!(round % 2)) known.push(await forgotPassword(users[round]))
    }
    for (const answer of [...known, ...unknown]) {
      expect({ status: answer.status, body: answer.body }).toEqual({ status: known[0].status, body: known[0].body })
    }
    expect(known[0].status).toBe(200)

    const median = (answers: { ms: number }[]) => answers.map((answer) => answer.ms).sort((a, b) => a - b)[Math.floor(answers.length / 2)]
    expect(Math.abs(median(known) - median(unknown)), `known ${median(known)} ms, unknown ${median(unknown)} ms`).toBeLessThan(100)

    for (const address of users) expect((await waitForMail(address)).subject).toMatch(/lösenord/i)
    for (const address of unknownAddresses) expect(mailTo(address)).toEqual([])

    // Only input without an address is answered differently: Payload's own 400.
    for (const body of [{}, { email: '' }, { email: 42 }]) {
      const answer = await api('/api/users/forgot-password', { method: 'POST', body })
      expect(answer.status, JSON.stringify(answer.body)).toBe(400)
    }
  })

  it('answers GraphQL forgotPasswordUser alike for known and unknown addresses, and mails only the known', async () => {
    const email = await createUser()
    const nobody = `nobody-${randomUUID().slice(0, 8)}@test.local`
    const mutation = 'mutation ($email: String!) { forgotPasswordUser(email: $email) }'
    const known = await graphql(mutation, { email })
    const unknown = await graphql(mutation, { email: nobody })
    expect(known.body).toEqual({ data: { forgotPasswordUser: true } })
    expect(unknown.body).toEqual(known.body)
    expect((await waitForMail(email)).subject).toMatch(/lösenord/i)
    expect(mailTo(nobody)).toEqual([])
  })
})
