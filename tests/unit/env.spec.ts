/** Start-up configuration: a bad value is refused with one line naming the variable. */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { EnvError, parseEnv } from '../../src/env'

const root = () => mkdtempSync(path.join(tmpdir(), 'env-'))
const secret = 'x'.repeat(40)

describe('environment validation', () => {
  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://localhost/db' }, /DATABASE_URL: must start with/],
    [{ SERVER_URL: 'not a url' }, /SERVER_URL/],
    [{ CORS_ORIGINS: 'https://ok.example, javascript:alert(1)' }, /CORS_ORIGINS/],
    [{ PAYLOAD_SECRET: 'short' }, /PAYLOAD_SECRET: must be at least 32/],
    [{ SEED_ADMIN_EMAIL: 'nope' }, /SEED_ADMIN_EMAIL/],
  ])('refuses %o naming the variable', (vars, message) => {
    expect(() => parseEnv({ PAYLOAD_SECRET: secret, ...vars }, root())).toThrow(message)
  })

  it('requires PAYLOAD_SECRET in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' }, root())).toThrow(EnvError)
    expect(() => parseEnv({ NODE_ENV: 'production' }, root())).toThrow(/PAYLOAD_SECRET: required in production/)
  })

  it('generates and keeps a development secret in data/', () => {
    const dir = root()
    const first = parseEnv({}, dir)
    expect(first.PAYLOAD_SECRET).toMatch(/^[0-9a-f]{64}$/)
    expect(readFileSync(path.join(dir, 'data', '.payload-secret'), 'utf8')).toBe(first.PAYLOAD_SECRET)
    expect(parseEnv({}, dir).PAYLOAD_SECRET).toBe(first.PAYLOAD_SECRET)
  })

  it('fills defaults and lists', () => {
    const env = parseEnv({ PAYLOAD_SECRET: secret, CORS_ORIGINS: 'https://a.example, https://b.example' }, root())
    expect(env).toMatchObject({ PORT: 3000, SERVER_URL: 'http://localhost:3000', CORS_ORIGINS: ['https://a.example', 'https://b.example'] })
  })
})
