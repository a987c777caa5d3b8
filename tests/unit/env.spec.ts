/** Start-up configuration: a bad value is refused with one line naming the variable; `.env` is read under the real environment. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { EnvError, loadEnvFile, parseEnv } from '../../src/env'

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

describe('.env', () => {
  const projectRoot = path.resolve(import.meta.dirname, '..', '..')
  const withEnvFile = (text: string) => {
    const dir = root()
    writeFileSync(path.join(dir, '.env'), text)
    return dir
  }

  it('fills what the environment leaves unset; a real variable wins, even an empty one', () => {
    const dir = withEnvFile('PORT=4100\nHOST=127.0.0.1\nDATABASE_URL=file:./data/from-dotenv.db\nJOBS_CRON=*/5 * * * * *\n')
    const target: Record<string, string | undefined> = { HOST: '0.0.0.0', DATABASE_URL: '' }
    const loaded = loadEnvFile(target, dir)
    expect(target).toEqual({ PORT: '4100', HOST: '0.0.0.0', DATABASE_URL: '', JOBS_CRON: '*/5 * * * * *' })
    expect(loaded?.file).toBe(path.join(dir, '.env'))
    expect([...loaded!.applied].sort()).toEqual(['JOBS_CRON', 'PORT'])
    expect(parseEnv({ PAYLOAD_SECRET: secret, ...target }, dir, loaded)).toMatchObject({ PORT: 4100, HOST: '0.0.0.0', JOBS_CRON: '*/5 * * * * *' })
  })

  it('names the variable and the file when a value from .env is bad', () => {
    const dir = withEnvFile('PORT=three thousand\nSEED_ADMIN_EMAIL=admin@example.org\n')
    const target: Record<string, string | undefined> = { PAYLOAD_SECRET: secret }
    const loaded = loadEnvFile(target, dir)
    expect(() => parseEnv(target, dir, loaded)).toThrow(EnvError)
    expect(() => parseEnv(target, dir, loaded)).toThrow(`PORT: Invalid input: expected number, received NaN (set in ${path.join(dir, '.env')})`)
  })

  it('says nothing of .env when the bad value came from the real environment', () => {
    const dir = withEnvFile('PORT=3001\n')
    const target: Record<string, string | undefined> = { PAYLOAD_SECRET: secret, PORT: 'abc' }
    const loaded = loadEnvFile(target, dir)
    expect(() => parseEnv(target, dir, loaded)).toThrow(/PORT: [^;]*NaN$/)
  })

  it('is optional, can be another file, or off', () => {
    const dir = root()
    expect(loadEnvFile({}, dir)).toBeUndefined()
    writeFileSync(path.join(dir, 'staging.env'), 'PORT=4200\n')
    const target: Record<string, string | undefined> = { LAGESBILD_ENV_FILE: 'staging.env' }
    loadEnvFile(target, dir)
    expect(target.PORT).toBe('4200')
    expect(() => loadEnvFile({ LAGESBILD_ENV_FILE: 'missing.env' }, dir)).toThrow(/LAGESBILD_ENV_FILE: .*missing.env does not exist/)
    const off = withEnvFile('PORT=4300\n')
    const untouched: Record<string, string | undefined> = { LAGESBILD_ENV_FILE: 'off' }
    expect(loadEnvFile(untouched, off)).toBeUndefined()
    expect(untouched.PORT).toBeUndefined()
  })

  it('accepts .env.example copied as it is', () => {
    const dir = root()
    copyFileSync(path.join(projectRoot, '.env.example'), path.join(dir, '.env'))
    const target: Record<string, string | undefined> = {}
    const loaded = loadEnvFile(target, dir)
    expect(loaded!.applied.size).toBeGreaterThan(20)
    expect(parseEnv(target, dir, loaded)).toMatchObject({ PORT: 3000, DATABASE_PUSH: 'on', AUTO_SEED: 'true', JOBS_CRON: '*/10 * * * * *' })
  })
})
