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
    [{ LAGESBILD_ADMIN: 'no' }, /LAGESBILD_ADMIN/],
    [{ LAGESBILD_JOBS: 'false' }, /LAGESBILD_JOBS/],
    [{ LAGESBILD_CACHE: '0' }, /LAGESBILD_CACHE/],
    [{ LAGESBILD_DEBUG_HEADERS: 'yes' }, /LAGESBILD_DEBUG_HEADERS/],
    [{ LAGESBILD_WARMUP: '-1' }, /LAGESBILD_WARMUP/],
    [{ LAGESBILD_WARMUP: 'many' }, /LAGESBILD_WARMUP/],
    [{ MAX_BODY_BYTES: '2MB' }, /MAX_BODY_BYTES/],
    [{ MAX_BODY_BYTES: '0' }, /MAX_BODY_BYTES/],
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

  it('has every switch on by default, and reads the limits as numbers', () => {
    expect(parseEnv({ PAYLOAD_SECRET: secret }, root())).toMatchObject({
      LAGESBILD_ADMIN: 'on',
      LAGESBILD_JOBS: 'on',
      LAGESBILD_CACHE: 'on',
      LAGESBILD_DEBUG_HEADERS: '0',
      LAGESBILD_WARMUP: 50,
      MAX_BODY_BYTES: 2 * 1024 * 1024,
    })
    const set = { LAGESBILD_ADMIN: 'off', LAGESBILD_WARMUP: '0', MAX_BODY_BYTES: '1024' }
    expect(parseEnv({ PAYLOAD_SECRET: secret, ...set }, root())).toMatchObject({ LAGESBILD_ADMIN: 'off', LAGESBILD_WARMUP: 0, MAX_BODY_BYTES: 1024 })
  })
})
