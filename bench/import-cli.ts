/**
 * `npm run import` of one file on an existing, migrated database, as a developer runs it: wall
 * time from the command to the first report written (its progress line) and to exit. Run twice:
 * a new report (created), then the same file again (unchanged: the idempotent path).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { generateReportFiles } from '../tests/support/generate-reports'
import { root } from './servers'

export interface ImportCliRun {
  outcome: string
  firstWriteSeconds: number
  totalSeconds: number
  exitCode: number | null
}

function runImport(databaseFile: string, file: string): Promise<ImportCliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const seconds = () => (performance.now() - started) / 1000
    const child = spawn('npm', ['run', 'import', '--', file], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: `file:${databaseFile}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    let firstWriteSeconds = NaN
    const watch = (chunk: Buffer) => {
      output += chunk
      if (Number.isNaN(firstWriteSeconds) && /\[1\/1\] .*: (created|updated|unchanged)/.test(output)) firstWriteSeconds = seconds()
    }
    child.stdout.on('data', watch)
    child.stderr.on('data', watch)
    child.once('error', reject)
    child.once('exit', (exitCode) => {
      const outcome = /: (created|updated|unchanged|failed)/.exec(output)?.[1] ?? `no outcome: ${output.slice(-300)}`
      resolve({ outcome, firstWriteSeconds, totalSeconds: seconds(), exitCode })
    })
  })
}

/** Imports one new generated report into `databaseFile` (migrated, with data), then the same file again. */
export async function benchImportCli(databaseFile: string): Promise<ImportCliRun[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-import-cli-'))
  try {
    const [file] = generateReportFiles(dir, 1, '2018-01-01')
    return [await runImport(databaseFile, file), await runImport(databaseFile, file)]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
