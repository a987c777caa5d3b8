/**
 * `npm run export -- <slug|id> [--format text|markdown|html|json] [--out file] [--edition N | --as-of 2025-04-05T12:00 | --draft]`
 * `npm run export -- --all --format … --out <dir>` (one file per report)
 * A published report is exported as an edition (default: the latest; --edition N; or --as-of, the
 * one readers saw at that Stockholm time); --draft exports the newest draft instead. Without --out
 * a single report is written to standard output, and nothing else is (logs go to standard error).
 */
import { writeData } from '../cli/data-stdout'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createLocalReq, getPayload, type Where } from 'payload'

import { exportForCaller } from '../editions/export'
import { EditionRequestError, parseAsOf, parseEditionNumber } from '../editions/lookup'
import config from '../payload.config'
import { EXPORT_FORMATS, isExportFormat } from '../report-format/export-report'
import { assertMigrated } from '../database'

const USAGE =
  'usage: npm run export -- <slug|id> [--format text|markdown|html|json] [--out file] [--edition N | --as-of 2025-04-05T12:00 | --draft]\n' +
  '       npm run export -- --all [--format …] --out <dir> [--draft]'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    format: { type: 'string', default: 'text' },
    out: { type: 'string' },
    all: { type: 'boolean', default: false },
    draft: { type: 'boolean', default: false },
    edition: { type: 'string' },
    'as-of': { type: 'string' },
  },
})
const format = values.format
if (!isExportFormat(format)) fail(`--format must be one of ${Object.keys(EXPORT_FORMATS).join(', ')}, not "${format}"`)
if (values.all ? positionals.length > 0 || !values.out : positionals.length !== 1) fail(USAGE)
if ([values.draft, values.edition !== undefined, values['as-of'] !== undefined].filter(Boolean).length > 1) fail('choose one of --edition, --as-of and --draft')
let which: { edition?: number; asOf?: Date }
try {
  which = { ...(values.edition ? { edition: parseEditionNumber(values.edition) } : {}), ...(values['as-of'] ? { asOf: parseAsOf(values['as-of']) } : {}) }
} catch (error) {
  fail((error as Error).message)
}

const payload = await getPayload({ config })
// Scripts never change the schema (DATABASE_PUSH=off): they need a migrated database.
await assertMigrated(payload as never)
const req = await createLocalReq({}, payload)
// A developer's script on the server: it may export anything, drafts included when asked.
const request = { format, draft: values.draft, trusted: true, ...which }
let exitCode = 0
try {
  if (values.all) {
    await mkdir(values.out!, { recursive: true })
    const where: Where = values.draft ? {} : { _status: { equals: 'published' } }
    const { docs } = await payload.find({
      collection: 'reports',
      where,
      depth: 0,
      pagination: false,
      select: { slug: true },
      sort: 'compiledAt',
      draft: values.draft,
    })
    for (const doc of docs) {
      const exported = await exportForCaller(req, doc.id, request)
      // Slugs are [a-z0-9-] only (src/slug.ts), so they are safe file names.
      const file = path.join(values.out!, `${exported.slug}.${EXPORT_FORMATS[format].extension}`)
      await writeFile(file, exported.body)
      console.error(file)
    }
    console.error(`exported ${docs.length} reports to ${values.out}`)
  } else {
    const exported = await exportForCaller(req, positionals[0], request)
    const edition = exported.edition
      ? ` (edition ${exported.edition.number}, published ${exported.edition.publishedAt}, sha256 ${exported.edition.sha256})`
      : ' (draft)'
    if (values.out) {
      await writeFile(values.out, exported.body)
      console.error(`exported ${positionals[0]}${edition} to ${values.out}`)
    } else {
      await writeData(exported.body)
    }
  }
} catch (error) {
  if (!(error instanceof EditionRequestError)) throw error
  console.error(error.message)
  exitCode = 1
}
await payload.destroy()
process.exit(exitCode)

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}
