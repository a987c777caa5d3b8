/**
 * Importing report text files: every file is parsed and validated first; then each valid
 * report is written in its own transaction (storeReport), so a report is there completely or
 * not at all, and one bad file never stops the others. Importing the same file again updates
 * the report with that slug instead of duplicating it.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'

import { parseReport } from '../report-format/parse'
import type { ReportModel } from '../report-format/model'
import { type StoreOptions, storeReport } from '../reports/store'

export type ImportOutcome = { file: string; status: 'created' | 'updated' | 'unchanged'; slug: string } | { file: string; status: 'failed'; errors: string[] }

interface ImportProgress {
  done: number
  total: number
  outcome: ImportOutcome
}

interface ImportSummary {
  outcomes: ImportOutcome[]
  created: number
  updated: number
  unchanged: number
  failed: number
}

export async function importReportFiles(
  payload: Payload,
  files: string[],
  options: StoreOptions & { onProgress?: (progress: ImportProgress) => void } = {},
): Promise<ImportSummary> {
  const { onProgress, ...storeOptions } = options
  const outcomes: ImportOutcome[] = []
  const report = (outcome: ImportOutcome) => {
    outcomes.push(outcome)
    onProgress?.({ done: outcomes.length, total: files.length, outcome })
  }

  // Validate everything before writing anything: a typo is reported for every file at once.
  const parsed: { file: string; model: ReportModel }[] = []
  for (const file of files) {
    const name = path.basename(file)
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      report({ file, status: 'failed', errors: [`${name}: cannot read: ${(error as Error).message}`] })
      continue
    }
    const result = parseReport(text, { fileName: name })
    if (result.ok) parsed.push({ file, model: result.report })
    else report({ file, status: 'failed', errors: result.errors.map((error) => error.message) })
  }

  for (const { file, model } of parsed) {
    try {
      const stored = await storeReport(payload, model, storeOptions)
      report({ file, status: stored.outcome, slug: stored.slug })
    } catch (error) {
      report({ file, status: 'failed', errors: [`${path.basename(file)}: ${describeError(error)}`] })
    }
  }
  const count = (status: ImportOutcome['status']) => outcomes.filter((outcome) => outcome.status === status).length
  return { outcomes, created: count('created'), updated: count('updated'), unchanged: count('unchanged'), failed: count('failed') }
}

/** Payload validation errors carry the failing fields in `data.errors`; say which. */
function describeError(error: unknown): string {
  const data = (error as { data?: { errors?: { path?: string; message?: string }[] } }).data
  const fields = data?.errors?.map((e) => `${e.path}: ${e.message}`).join('; ')
  return fields ? `${(error as Error).message} (${fields})` : (error as Error).message
}
