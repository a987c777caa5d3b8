/**
 * Import benchmark: generated reports into a fresh database (SQLite, or PostgreSQL) through the real importer
 * (parse, validate, one transaction per report), against a baseline measured in the same run:
 * parsing and validating the same files without writing them.
 *
 * Payload's config is built once per process, so this runs once per process (bench/prepare-db.ts
 * is that process); `then` gets the open Payload to add more to the database before it closes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'

import { generateReportFiles } from '../tests/support/generate-reports'

export interface ImportBenchResult {
  reports: number
  parseSeconds: number
  importSeconds: number
  reportsPerSecond: number
  peakRssMb: number
  failed: number
}

export interface ImportBenchOptions<T> {
  /** SQLite file to fill (default: a fresh temporary one). */
  dbFile?: string
  /** Another database to fill instead (a fresh PostgreSQL database: bench/import-postgres.ts). */
  databaseUrl?: string
  audience?: 'internal' | 'public'
  /** Day (YYYY-MM-DD) of the first generated report; one report per day from there. */
  startDay?: string
  /** Runs on the open Payload after the measurement, before it is destroyed. */
  then?: (payload: Payload) => Promise<T>
}

export async function benchImport<T = undefined>(count = 1000, options: ImportBenchOptions<T> = {}): Promise<ImportBenchResult & { then?: T }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-import-'))
  process.env.DATABASE_URL = options.databaseUrl ?? `file:${options.dbFile ?? path.join(dir, 'bench.db')}`
  process.env.AUTO_SEED = 'false'
  const files = generateReportFiles(path.join(dir, 'reports'), count, options.startDay)

  const { parseReport } = await import('../src/report-format/parse')
  let started = performance.now()
  for (const file of files) parseReport(readFileSync(file, 'utf8'))
  const parseSeconds = (performance.now() - started) / 1000

  const { getPayload } = await import('payload')
  const { default: config } = await import('../src/payload.config')
  const { importReportFiles } = await import('../src/import-export/import-reports')
  const payload = await getPayload({ config })
  let peakRss = process.memoryUsage().rss
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100)
  started = performance.now()
  const summary = await importReportFiles(payload, files, { status: 'published', audience: options.audience ?? 'internal' })
  const importSeconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  const then = await options.then?.(payload)
  await payload.destroy()
  // The generated files go (and the whole directory when the database lives elsewhere).
  rmSync(options.dbFile ? dir : path.join(dir, 'reports'), { recursive: true, force: true })
  return {
    reports: count,
    parseSeconds,
    importSeconds,
    reportsPerSecond: count / importSeconds,
    peakRssMb: peakRss / 1024 / 1024,
    failed: summary.failed,
    then,
  }
}
