/**
 * A production server started without SMTP_URL while active distribution lists exist would only
 * write mailings to the local capture file: it says so at start-up, loudly, and serves as usual.
 * Real production starts (`src/start.ts`, committed migrations) on a fresh database.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { databaseKind } from '../src/database'
import { apiClient } from './support/api'
import { freshDatabase, type FreshDatabase } from './support/fresh-database'
import { startServer, type ServerProcess } from './support/server-process'

const ADMIN = { email: 'forsta@region.example', password: 'forsta-losenord-1', name: 'Första' }

/** Production logs are JSON lines on standard error: the warnings among them. */
const warnings = (server: ServerProcess) =>
  server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: number; msg: string })
    .filter((entry) => entry.level === 40)
    .map((entry) => entry.msg)

describe.runIf(databaseKind(process.env.DATABASE_URL) !== 'mongodb')('production start without SMTP_URL', () => {
  let database: FreshDatabase | undefined
  let server: ServerProcess | undefined
  const start = async () => {
    server = await startServer({
      production: true,
      env: {
        DATABASE_URL: database!.url,
        PAYLOAD_SECRET: 'p'.repeat(40),
        SMTP_URL: undefined,
        MAIL_CAPTURE_DIR: mkdtempSync(path.join(tmpdir(), 'lagesbild-startup-mail-')),
        REDIS_URL: undefined,
      },
    })
    return server
  }

  afterAll(async () => {
    await server?.stop()
    await database?.drop()
  })

  it('warns when active lists exist and nothing can be mailed, and still serves', async () => {
    database = await freshDatabase()
    const first = await start()
    const api = apiClient(first.url)
    const { body } = await api('/api/users/first-register', { method: 'POST', body: ADMIN })
    const created = await api('/api/distribution-lists', {
      method: 'POST',
      token: body.token,
      body: { name: 'Chefer', distribution: 'managers', recipients: [{ name: 'Chef', email: 'chef@region.example' }] },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    // It started without lists: nothing to warn about (the check had long finished by now).
    expect(warnings(first).filter((msg) => msg.includes('SMTP_URL'))).toEqual([])
    expect(await first.stop()).toBe(0)

    const second = await start()
    // Counted once the database is open, so the line may follow "listening on" by a moment.
    await expect
      .poll(() => warnings(second), { timeout: 30_000, interval: 200 })
      .toContain(
        'e-mail: SMTP_URL is not set, but 1 active distribution list(s) exist: published editions will NOT be mailed to anyone, only written to the local capture file. Set SMTP_URL (and MAIL_FROM).',
      )
    const again = apiClient(second.url)
    expect((await again('/readyz')).status).toBe(200)
    const token = (await again('/api/users/login', { method: 'POST', body: ADMIN })).body.token
    expect((await again('/api/distribution-lists', { token })).body.totalDocs).toBe(1)
  }, 300_000)
})
