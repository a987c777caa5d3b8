/**
 * The SMTP server of the sending specs (tests/support/smtp-sink.ts, smtp-server) as a child
 * process on a loopback port, and what it accepted, parsed with mailparser. Its own process so a
 * spec can kill -9 it mid-send; `start` again after a kill binds the same port.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { type ParsedMail, simpleParser } from 'mailparser'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** A loopback port nobody listens on now, for the sink (kept across its restarts). */
export async function loopbackPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const port = (probe.address() as { port: number }).port
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/** `env`: SMTP_SINK_REJECT, SMTP_SINK_DEFER_ONCE, SMTP_SINK_HANG_AFTER (see smtp-sink.ts). */
export function smtpSink(port: number, file: string, options: { onSpawn?: (child: ChildProcess) => void } = {}) {
  let child: ChildProcess | undefined
  let log = ''
  return {
    url: `smtp://127.0.0.1:${port}`,
    log: () => log,
    start: (env: Record<string, string> = {}) =>
      new Promise<void>((resolve, reject) => {
        log = ''
        child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/support/smtp-sink.ts')], {
          cwd: root,
          env: { ...process.env, SMTP_SINK_PORT: String(port), SMTP_SINK_FILE: file, ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        })
        options.onSpawn?.(child)
        child.stdout!.on('data', (chunk) => {
          log += chunk
          if (log.includes('smtp sink ready')) resolve()
        })
        child.stderr!.on('data', (chunk) => (log += chunk))
        child.once('exit', (code) => reject(new Error(`smtp sink exited with ${code}: ${log}`)))
      }),
    kill: async (signal: NodeJS.Signals = 'SIGKILL') => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child!.once('exit', resolve))
      child.kill(signal)
      await exited
    },
  }
}

export type SmtpSink = ReturnType<typeof smtpSink>

export interface Received {
  /** The envelope's recipients. */
  to: string[]
  mail: ParsedMail
}

/** Every message the sink accepted so far, in order. */
export async function received(file: string): Promise<Received[]> {
  if (!existsSync(file)) return []
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean)
  return Promise.all(
    lines.map(async (line) => {
      const { to, raw } = JSON.parse(line) as { to: string[]; raw: string }
      return { to, mail: await simpleParser(raw) }
    }),
  )
}
