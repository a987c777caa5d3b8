/**
 * Import benchmark: 1,000 generated reports into a fresh SQLite database through the real
 * importer (parse, validate, one transaction per report), against a baseline measured in the
 * same run: parsing and validating the same files without writing them.
 */
import { readFileSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { generateReportFiles } from './generate-reports'

export interface ImportBenchResult {
  reports: number
  parseSeconds: number
  importSeconds: number
  reportsPerSecond: number
  peakRssMb: number
  failed: number
}

export async function benchImport(count = 1000): Promise<ImportBenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-import-'))
  process.env.DATABASE_URL = `file:${path.join(dir, 'bench.db')}`
  process.env.AUTO_SEED = 'false'
  const files = generateReportFiles(path.join(dir, 'reports'), count)

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
  const summary = await importReportFiles(payload, files, { status: 'published', audience: 'internal' })
  const importSeconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  await payload.destroy()
  return {
    reports: count,
    parseSeconds,
    importSeconds,
    reportsPerSecond: count / importSeconds,
    peakRssMb: peakRss / 1024 / 1024,
    failed: summary.failed,
  }
}
