/**
 * `npm run import -- <files or folders> [--status published|draft] [--audience internal|public]`
 * Validates every file, imports each valid report in its own transaction, prints a summary.
 * Exit code 1 when any file failed (the others are imported all the same).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { getPayload } from 'payload'

import config from '../payload.config'
import { collectReportFiles } from './files'
import { importReportFiles } from './import-reports'
import { progressReporter } from './progress'
import { assertMigrated } from '../database'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    status: { type: 'string', default: 'published' },
    audience: { type: 'string', default: 'internal' },
  },
})
if (positionals.length === 0) fail('usage: npm run import -- <files or folders> [--status published|draft] [--audience internal|public]')
if (values.status !== 'published' && values.status !== 'draft') fail(`--status must be published or draft, not "${values.status}"`)
if (values.audience !== 'internal' && values.audience !== 'public') fail(`--audience must be internal or public, not "${values.audience}"`)

let files: string[] = []
try {
  files = await collectReportFiles(positionals)
} catch (error) {
  fail((error as Error).message)
}
if (files.length === 0) fail(`no .txt report files found in ${positionals.join(', ')}`)

const payload = await getPayload({ config })
// Scripts never change the schema (DATABASE_PUSH=off): they need a migrated database.
await assertMigrated(payload as never)
const progress = progressReporter()
const summary = await importReportFiles(payload, files, {
  status: values.status as 'published' | 'draft',
  audience: values.audience as 'internal' | 'public',
  onProgress: ({ done, total, outcome }) => progress.update(done, total, `${path.basename(outcome.file)}: ${outcome.status}`),
})
await payload.destroy()

for (const outcome of summary.outcomes) {
  if (outcome.status === 'failed') console.error(`FAILED ${outcome.file}\n  ${outcome.errors.join('\n  ')}`)
}
console.log(`imported ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}, failed ${summary.failed} (of ${files.length} files)`)
process.exit(summary.failed > 0 ? 1 : 0)

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}
