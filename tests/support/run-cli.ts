/** Runs one of the project's npm scripts (as a developer would) against the suite's database. */
import { spawn } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')

export interface CliResult {
  code: number | null
  stdout: string
  /** Standard output exactly as written. */
  stdoutBytes: Buffer
  stderr: string
}

export interface RunOptions {
  /** `npm run --silent` (default), or plain `npm run` exactly as the README writes it. */
  silent?: boolean
}

/** `env` goes over the suite's environment; undefined removes a variable. */
export function runScript(script: string, args: string[], env: Record<string, string | undefined> = {}, options: RunOptions = {}): Promise<CliResult> {
  const { silent = true } = options
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', ...(silent ? ['--silent'] : []), script, '--', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const stdout: Buffer[] = []
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (code) => {
      const bytes = Buffer.concat(stdout)
      resolve({ code, stdout: bytes.toString('utf8'), stdoutBytes: bytes, stderr })
    })
  })
}
