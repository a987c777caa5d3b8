/**
 * Child process: the database for the mixed-load benchmark, as production has it.
 *   DATABASE_URL=postgres://... node --import tsx bench/prepare-load-db.ts <number of reports>
 * Applies the committed migrations (a production server never pushes its schema), imports that many
 * generated public reports plus one internal benchmark report with the real importer, and creates
 * an editor and a reader, each with an API key. Prints `RESULT {json}`.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { generateBenchReportFile } from './generate-reports'
import { generateReportFiles } from '../tests/support/generate-reports'

export interface LoadDatabase {
  publicReports: { id: number; slug: string }[]
  internalReport: { id: number; slug: string }
  editorKey: string
  readerKey: string
}

const count = Number(process.argv[2] ?? 100)
process.env.AUTO_SEED = 'false'
const { getPayload } = await import('payload')
const { default: config } = await import('../src/payload.config')
const { importReportFiles } = await import('../src/import-export/import-reports')
const payload = await getPayload({ config })
await payload.db.migrate()

const dir = mkdtempSync(path.join(tmpdir(), 'bench-load-'))
const publicFiles = generateReportFiles(path.join(dir, 'public'), count, '2021-01-01')
const imported = await importReportFiles(payload, publicFiles, { status: 'published', audience: 'public' })
if (imported.failed) throw new Error(`import failed: ${JSON.stringify(imported.outcomes.filter((outcome) => outcome.status === 'failed'))}`)
const internal = await importReportFiles(payload, [generateBenchReportFile(dir, '2019-06-02', 'Benchmark internal')], {
  status: 'published',
  audience: 'internal',
})
rmSync(dir, { recursive: true, force: true })

const find = async (slug: string) => {
  const { docs } = await payload.find({ collection: 'reports', where: { slug: { equals: slug } }, depth: 0, limit: 1 })
  return { id: docs[0].id as number, slug }
}
const slugs = imported.outcomes.flatMap((outcome) => (outcome.status === 'failed' ? [] : [outcome.slug]))
const password = randomUUID()
// The first user becomes an admin (collections/Users/hooks.ts).
await payload.create({ collection: 'users', data: { email: 'load-admin@bench.local', password, roles: ['admin'] } })
const user = async (role: 'editor' | 'reader') => {
  const apiKey = randomUUID()
  await payload.create({ collection: 'users', data: { email: `load-${role}@bench.local`, password, roles: [role], enableAPIKey: true, apiKey } as never })
  return apiKey
}
const internalOutcome = internal.outcomes[0]
if (internalOutcome.status === 'failed') throw new Error(internalOutcome.errors.join('\n'))
const result: LoadDatabase = {
  publicReports: await Promise.all(slugs.slice(0, 20).map(find)),
  internalReport: await find(internalOutcome.slug),
  editorKey: await user('editor'),
  readerKey: await user('reader'),
}
await payload.destroy()
console.log(`RESULT ${JSON.stringify(result)}`)
process.exit(0)
