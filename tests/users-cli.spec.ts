/** `npm run users:reset-password` against the suite's database, as a developer who missed the admin password runs it. */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'

import { api, login } from './support/api'
import { runScript } from './support/run-cli'

/** A failed command's standard output holds no data: nothing, or npm's own JSON error object (.npmrc: json=true). */
function expectNoData(stdout: string) {
  if (stdout !== '') expect(Object.keys(JSON.parse(stdout))).toEqual(['error'])
}

// Each test runs a real npm command (a TypeScript start-up each): slow on a busy machine.
const SLOW = { timeout: 240_000 }

describe('npm run users:reset-password', SLOW, () => {
  const OLD_PASSWORD = 'old-password-123'
  const signIn = (email: string, password: string) => api('/api/users/login', { method: 'POST', body: { email, password } })

  it('gives the user a new generated password, printed on standard output alone; the old one stops working', async () => {
    const email = `Glomsk-${randomUUID().slice(0, 8)}@Test.local`
    const created = await api('/api/users', {
      method: 'POST',
      token: await login(),
      body: { email, password: OLD_PASSWORD, name: 'Glömsk', roles: ['editor'] },
    })
    expect(created.status).toBe(201)

    // The address as the developer types it, case and all.
    const result = await runScript('users:reset-password', [email], {}, { silent: false })
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^[A-Za-z0-9_-]{16}\n$/)
    expect(result.stderr).toContain(`new password for ${email.toLowerCase()}`)
    const password = result.stdout.trim()

    expect((await signIn(email.toLowerCase(), password)).status).toBe(200)
    expect((await signIn(email.toLowerCase(), OLD_PASSWORD)).status).toBe(401)
  })

  it('refuses an unknown address with a clear error and changes nothing', async () => {
    const result = await runScript('users:reset-password', ['nobody-here@test.local'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('no user has the e-mail address nobody-here@test.local')
    expectNoData(result.stdout)
  })

  it('asks for exactly one address', async () => {
    const result = await runScript('users:reset-password', [])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('usage: npm run users:reset-password -- <email>')
  })
})
