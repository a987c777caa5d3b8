/**
 * Child process (Payload's config is built once per process, for one database):
 *   node --import tsx bench/prepare-db.ts <sqlite file> <number of reports> [first report index]
 * Imports that many generated public reports with the real importer (timed: the import
 * benchmark), then, unless a first index is given (a later chunk of a big import), the two
 * benchmark reports (six sections each: one public, one internal) and a reader with an API key.
 * Prints `RESULT {json}`.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'

import { generateBenchReportFile } from './generate-reports'
import { benchImport } from './import'

export interface BenchReport {
  id: number
  slug: string
}

export interface PreparedDatabase {
  file: string
  publicReport: BenchReport
  internalReport: BenchReport
  apiKey: string
}

const [file, count, first] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4] ?? 0)]
if (!file || !Number.isInteger(count)) throw new Error('usage: prepare-db.ts <sqlite file> <number of reports> [first index]')
const startDay = new Date(Date.UTC(2020, 0, 1 + first)).toISOString().slice(0, 10)

async function addBenchFixtures(payload: Payload): Promise<PreparedDatabase> {
  const { importReportFiles } = await import('../src/import-export/import-reports')
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-reports-'))
  const importOne = async (day: string, audience: 'public' | 'internal'): Promise<BenchReport> => {
    const source = generateBenchReportFile(dir, day, audience === 'public' ? 'Benchmark' : 'Benchmark internal')
    const { outcomes } = await importReportFiles(payload, [source], { status: 'published', audience })
    const outcome = outcomes[0]
    if (outcome.status === 'failed') throw new Error(outcome.errors.join('\n'))
    const { docs } = await payload.find({ collection: 'reports', where: { slug: { equals: outcome.slug } }, depth: 0, limit: 1 })
    return { id: docs[0].id as number, slug: outcome.slug }
  }
  const publicReport = await importOne('2019-06-01', 'public')
  const internalReport = await importOne('2019-06-02', 'internal')
  rmSync(dir, { recursive: true, force: true })
  // The first user becomes an admin (collections/Users/hooks.ts), so the reader comes second.
  const password = randomUUID()
  await payload.create({ collection: 'users', data: { email: 'bench-admin@bench.local', password, roles: ['admin'] } })
  const apiKey = randomUUID()
  await payload.create({
    collection: 'users',
    data: { email: 'bench-reader@bench.local', password, roles: ['reader'], enableAPIKey: true, apiKey } as never,
  })
  return { file, publicReport, internalReport, apiKey }
}

const result = await benchImport(count, { dbFile: file, audience: 'public', startDay, then: first === 0 ? addBenchFixtures : undefined })
console.log(`RESULT ${JSON.stringify(result)}`)
process.exit(0)
