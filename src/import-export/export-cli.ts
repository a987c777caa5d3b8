/**
 * `npm run export -- <slug|id> --format text|markdown|html [--out file] [--draft]`
 * `npm run export -- --all --format text|markdown|html --out <dir>` (one file per report)
 * Without --out a single report is written to standard output.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { getPayload } from 'payload'

import config from '../payload.config'
import { loadReportModel } from '../reports/load'
import { EXPORT_FORMATS, exportReport, isExportFormat } from './export-report'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    format: { type: 'string', default: 'text' },
    out: { type: 'string' },
    all: { type: 'boolean', default: false },
    draft: { type: 'boolean', default: false },
  },
})
const format = values.format
if (!isExportFormat(format)) fail(`--format must be one of ${Object.keys(EXPORT_FORMATS).join(', ')}, not "${format}"`)
if (values.all ? positionals.length > 0 || !values.out : positionals.length !== 1) {
  fail('usage: npm run export -- <slug|id> --format text|markdown|html [--out file] [--draft]\n       npm run export -- --all --format text|markdown|html --out <dir>')
}

const payload = await getPayload({ config })
// A developer's script on the server: it may export anything, drafts included when asked.
const options = { user: null, trusted: true, draft: values.draft }
let exitCode = 0
if (values.all) {
  await mkdir(values.out!, { recursive: true })
  const { docs } = await payload.find({ collection: 'reports', depth: 0, pagination: false, select: { slug: true }, sort: 'compiledAt', draft: values.draft })
  for (const doc of docs) {
    const model = await loadReportModel(payload, doc.id, options)
    if (!model) continue
    // Slugs are [a-z0-9-] only (src/slug.ts), so they are safe file names.
    const file = path.join(values.out!, `${doc.slug}.${EXPORT_FORMATS[format].extension}`)
    await writeFile(file, exportReport(model, format))
    console.log(file)
  }
  console.log(`exported ${docs.length} reports to ${values.out}`)
} else {
  const model = await loadReportModel(payload, positionals[0], options)
  if (!model) {
    console.error(`no report with slug or id "${positionals[0]}"`)
    exitCode = 1
  } else if (values.out) {
    await writeFile(values.out, exportReport(model, format))
    console.log(`exported ${positionals[0]} to ${values.out}`)
  } else {
    process.stdout.write(exportReport(model, format))
  }
}
await payload.destroy()
process.exit(exitCode)

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}
