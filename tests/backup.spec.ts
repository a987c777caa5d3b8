/**
 * Backup and restore of the embedded SQLite database: a backup taken while the server serves,
 * restored into a fresh database, has every report, version and user (PostgreSQL and MongoDB
 * use pg_dump / mongodump: see the README).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseKind } from '../src/database'
import { localPayload } from './support/local-payload'
import { runScript } from './support/run-cli'
import { startServer, type ServerProcess } from './support/server-process'
import { TEST_ADMIN } from './support/test-database'

describe.runIf(databaseKind(process.env.DATABASE_URL) === 'sqlite')('backup and restore (SQLite)', () => {
  let payload: Payload
  let restored: ServerProcess | undefined
  const dir = mkdtempSync(path.join(tmpdir(), 'backup-'))

  beforeAll(async () => {
    payload = await localPayload()
  })
  afterAll(async () => {
    await restored?.stop()
  })

  it('restores a backup taken while serving into a fresh database with everything in it', async () => {
    const counts = async (count: (collection: 'reports' | 'users' | 'sections') => Promise<number>) => ({
      reports: await count('reports'),
      sections: await count('sections'),
      users: await count('users'),
    })
    const before = await counts(async (collection) => (await payload.count({ collection })).totalDocs)
    const versionsBefore = (await payload.countVersions({ collection: 'reports' })).totalDocs
    expect(before.reports).toBeGreaterThan(0)

    const backupFile = path.join(dir, 'backup.db')
    const backup = await runScript('backup', [backupFile])
    expect(backup.code, backup.stderr).toBe(0)

    const freshFile = path.join(dir, 'restored', 'lagesbild.db')
    const restore = await runScript('restore', [backupFile], { DATABASE_URL: `file:${freshFile}` })
    expect(restore.code, restore.stderr).toBe(0)

    restored = await startServer({ env: { DATABASE_URL: `file:${freshFile}`, AUTO_SEED: 'false', REDIS_URL: undefined } })
    const login = await fetch(`${restored.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(TEST_ADMIN),
    })
    expect(login.status).toBe(200)
    const { token } = await login.json()
    const get = async (url: string) => {
      const response = await fetch(`${restored!.url}${url}`, { headers: { authorization: `JWT ${token}` } })
      return (await response.json()).totalDocs as number
    }
    // Everything written before the backup started is in it (later writes by other specs may not be).
    const after = await counts((collection) => get(`/api/${collection}?limit=1&draft=true&depth=0`))
    expect(after.reports).toBeGreaterThanOrEqual(before.reports)
    expect(after.sections).toBeGreaterThanOrEqual(before.sections)
    expect(after.users).toBeGreaterThanOrEqual(before.users)
    expect(await get('/api/reports/versions?limit=1&depth=0')).toBeGreaterThanOrEqual(versionsBefore)
  })

  it('refuses to restore a file that is not a sound SQLite database', async () => {
    const bogus = path.join(dir, 'bogus.db')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(bogus, 'not a database')
    const restore = await runScript('restore', [bogus], { DATABASE_URL: `file:${path.join(dir, 'other', 'x.db')}` })
    expect(restore.code).not.toBe(0)
  })
})
