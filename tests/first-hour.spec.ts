/**
 * A developer's first hour, with the real npm commands against the suite's database: `.env` is read
 * by the server and every script (the real environment wins, a bad value is named with its file),
 * and data commands write only data to standard output.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { SEED_REPORT_FILE } from '../seed/seed'
import { parseReport } from '../src/report-format/parse'
import { reportSlug } from '../src/slug'
import { runScript } from './support/run-cli'

const root = path.resolve(import.meta.dirname, '..')
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'first-hour-'))
const seedSlug = () => {
  const parsed = parseReport(readFileSync(SEED_REPORT_FILE, 'utf8'))
  if (!parsed.ok) throw new Error('the seed report does not parse')
  return reportSlug(parsed.report.title, parsed.report.compiledAt)
}
const SEED_TITLE = '# Regional rapport Samordning vårdinformationssystem'

/**
 * A failed command's standard output holds no data: nothing, or npm's own JSON error object (the
 * project's .npmrc sets json=true so that npm's banner goes to standard error; see README).
 */
function expectNoData(stdout: string) {
  if (stdout !== '') expect(Object.keys(JSON.parse(stdout))).toEqual(['error'])
}

/** A .env file of its own for one command (LAGESBILD_ENV_FILE points at it; the suite sets it off). */
function envFile(text: string): string {
  const file = path.join(tempDir(), '.env')
  writeFileSync(file, text)
  return file
}

/** The server as `npm run dev` starts it, until it exits (it must: these configurations are bad). */
function serverExit(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: root, env: { ...process.env, LAGESBILD_ADMIN: 'off', ...env } })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

// Each test runs real npm commands (a TypeScript start-up each): slow on a busy machine.
const SLOW = { timeout: 240_000 }

describe('.env', SLOW, () => {
  it('configures the scripts: the database comes from .env when the environment has none', async () => {
    const file = envFile(`DATABASE_URL=${process.env.DATABASE_URL}\n`)
    const result = await runScript('export', [seedSlug(), '--format', 'markdown'], { DATABASE_URL: undefined, LAGESBILD_ENV_FILE: file })
    expect(result.stderr).not.toMatch(/Invalid configuration/)
    expect(result.code).toBe(0)
    expect(result.stdout.startsWith(SEED_TITLE)).toBe(true)
  })

  it('comes after the real environment: a variable set there wins', async () => {
    const elsewhere = path.join(tempDir(), 'other.db')
    const file = envFile(`DATABASE_URL=file:${elsewhere}\n`)
    const result = await runScript('export', [seedSlug(), '--format', 'markdown'], { LAGESBILD_ENV_FILE: file })
    expect(result.code).toBe(0)
    expect(result.stdout.startsWith(SEED_TITLE)).toBe(true)
  })

  it.each(['export', 'seed', 'import', 'migrate', 'users:reset-password'])(
    'stops npm run %s on a bad value in .env, naming it and the file',
    async (script) => {
      const file = envFile('PORT=three thousand\n')
      const result = await runScript(script, ['x'], { PORT: undefined, LAGESBILD_ENV_FILE: file })
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(`Invalid configuration: PORT: Invalid input: expected number, received NaN (set in ${file})`)
      expectNoData(result.stdout)
    },
  )

  it('stops the server on a bad value in .env, naming it and the file', async () => {
    const file = envFile('SERVER_URL=localhost:3000\n')
    const { code, output } = await serverExit({ SERVER_URL: undefined, LAGESBILD_ENV_FILE: file })
    expect(code).toBe(1)
    expect(output).toMatch(new RegExp(`Invalid configuration: SERVER_URL: [^\\n]* \\(set in ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)`))
  })
})

describe('data commands write only data to standard output', SLOW, () => {
  it.each(['markdown', 'text'])('npm run export (no --silent): standard output is byte for byte the --out file (%s)', async (format) => {
    const out = path.join(tempDir(), `report.${format}`)
    const [toStdout, toFile] = await Promise.all([
      runScript('export', [seedSlug(), '--format', format], {}, { silent: false }),
      runScript('export', [seedSlug(), '--format', format, '--out', out], {}, { silent: false }),
    ])
    expect(toStdout.code, toStdout.stderr).toBe(0)
    expect(toFile.code, toFile.stderr).toBe(0)
    const file = readFileSync(out)
    expect(file.length).toBeGreaterThan(1000)
    expect(toStdout.stdoutBytes.equals(file)).toBe(true)
    // npm's banner and the logs went to standard error.
    expect(toStdout.stderr).toContain('> lagesbild@0.1.0 export')
    expect(toFile.stdout).toBe('')
  })
})
