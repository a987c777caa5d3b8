/**
 * Faults: `kill -9` of an import in the middle of its work leaves no half-written report (each
 * report is one transaction), and running the import again completes it without duplicates.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { databaseKind } from '../src/database'
import { freshDatabase, type FreshDatabase } from './support/fresh-database'
import { generateReportFiles } from './support/generate-reports'
import { runScript } from './support/run-cli'
import { startServer, type ServerProcess } from './support/server-process'

const REPORTS = 30

describe.runIf(databaseKind(process.env.DATABASE_URL) !== 'mongodb')('kill -9 during an import', () => {
  let database: FreshDatabase | undefined
  let server: ServerProcess | undefined

  afterAll(async () => {
    await server?.stop('SIGKILL')
    await database?.drop()
  })

  // Two imports and a server start: minutes, not seconds, on a loaded 2-core machine.
  it('leaves only whole reports behind, and a second run completes the import', { timeout: 300_000 }, async () => {
    database = await freshDatabase()
    const folder = path.join(mkdtempSync(path.join(tmpdir(), 'kill-import-')), 'reports')
    generateReportFiles(folder, REPORTS)
    const env = { ...process.env, DATABASE_URL: database.url, AUTO_SEED: 'false', NODE_OPTIONS: '--conditions=development' }

    const importer = spawn(process.execPath, ['--import', 'tsx', 'src/import-export/import-cli.ts', folder], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    // Progress goes to standard error (standard output is data only); the summary to standard output.
    importer.stdout.on('data', (chunk) => (output += chunk))
    importer.stderr.on('data', (chunk) => (output += chunk))
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`import made no progress:\n${output}`)), 120_000)
      importer.stderr.on('data', () => {
        if (/^\[5\/\d+\]/m.test(output)) {
          clearTimeout(timer)
          importer.kill('SIGKILL')
          resolve()
        }
      })
    })
    await new Promise((resolve) => importer.once('exit', resolve))

    server = await startServer({ env: { DATABASE_URL: database.url, AUTO_SEED: 'false' } })
    const register = await fetch(`${server.url}/api/users/first-register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'kill@example.org', password: 'kill-import-1' }),
    })
    const { token } = await register.json()
    const reports = async () => {
      const response = await fetch(`${server!.url}/api/reports?limit=1000&depth=0&draft=true`, { headers: { authorization: `JWT ${token}` } })
      return (await response.json()).docs as { slug: string; sections: unknown[]; communicationActions: unknown[]; spokespersons: unknown[] }[]
    }
    const afterKill = await reports()
    expect(afterKill.length).toBeGreaterThanOrEqual(5)
    expect(afterKill.length).toBeLessThan(REPORTS)
    for (const report of afterKill) {
      expect([report.sections.length, report.communicationActions.length, report.spokespersons.length], report.slug).toEqual([5, 5, 1])
    }

    const rerun = await runScript('import', [folder], { DATABASE_URL: database.url, AUTO_SEED: 'false' })
    expect(rerun.code, rerun.stderr).toBe(0)
    expect(rerun.stdout).toMatch(new RegExp(`imported ${REPORTS - afterKill.length}, updated 0, unchanged ${afterKill.length}, failed 0`))
    const complete = await reports()
    expect(complete).toHaveLength(REPORTS)
    expect(new Set(complete.map((r) => r.slug)).size).toBe(REPORTS)
  })
})
