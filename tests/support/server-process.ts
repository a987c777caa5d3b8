/**
 * The one way tests, e2e specs, the smoke check and the benchmark start a server: the real
 * lagesbild server (src/start.ts) by default, run as `npm start` runs it, `node src/cli/run.mjs
 * src/start.ts` (one process, or with WEB_CONCURRENCY > 1 the primary of its workers: a signal
 * reaches the server itself) on 127.0.0.1 and a free port, with the admin off.
 * Resolves once it is ready, from the "listening on http://…" line it prints (or, for a server that
 * prints none, once its known URL answers); everything it prints is captured.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

export interface StartServerOptions {
  /** Over the parent's environment (after the defaults PORT=0, HOST=127.0.0.1, LAGESBILD_ADMIN=off, LAGESBILD_ENV_FILE=off); undefined removes a variable. */
  env?: Record<string, string | undefined>
  /** NODE_ENV=production and --conditions=production, as `npm start` runs it (default: when env's NODE_ENV is production). */
  production?: boolean
  /** Gives up (and kills the process) when it is not ready by then. */
  timeoutMs?: number
  /** Run this instead of src/start.ts (relative to cwd): any script that prints "listening on http://…" (see runner). */
  script?: string
  /** Run this command line as it is instead (`npm start`, `vite preview` …); NODE_OPTIONS is still set unless env gives it. */
  command?: [string, ...string[]]
  /** The source tree to run in (default: this repository). */
  cwd?: string
  /** For a server that prints no "listening on" line: its URL, ready once `GET <url>/` answers 2xx. */
  url?: string
  /** Its own process group (`detached`): a timeout then kills the whole group, and stop() can signal it. */
  detached?: boolean
  /** Called with the child as soon as it is spawned, before it is ready (to track it for clean-up). */
  onSpawn?: (child: ChildProcess) => void
}

export interface StopOptions {
  /** SIGKILL if it has not exited this long after the signal. */
  forceAfterMs?: number
  /** Signal the whole process group (needs `detached`): `npm start` and everything it started. */
  group?: boolean
}

export interface ServerProcess {
  url: string
  child: ChildProcess
  /** Everything it printed so far, stdout and stderr interleaved. */
  output: () => string
  /** Sends a signal (default SIGTERM) and resolves with the exit code (null when a signal ended it). */
  stop: (signal?: NodeJS.Signals, options?: StopOptions) => Promise<number | null>
}

const SERVER = 'src/start.ts'
const LAUNCHER = 'src/cli/run.mjs'

/**
 * How a script runs: our code under src/ through the launcher, as npm start and the scripts run it;
 * anything else (test helpers, the benchmark's floor, an older commit's tree without the launcher)
 * under tsx.
 */
function runner(cwd: string, script: string): string[] {
  return script.startsWith('src/') && existsSync(path.join(cwd, LAUNCHER)) ? [LAUNCHER] : ['--import', 'tsx']
}

export async function startServer(options: StartServerOptions = {}): Promise<ServerProcess> {
  const { timeoutMs = 120_000, script = SERVER, cwd = root, detached = false } = options
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LAGESBILD_ADMIN: 'off',
    NEXT_TELEMETRY_DISABLED: '1',
    // A developer's .env configures their own server, not the tests' (a spec may name a file).
    LAGESBILD_ENV_FILE: 'off',
    ...options.env,
    ...(options.production ? { NODE_ENV: 'production' } : {}),
  }
  const production = options.production ?? env.NODE_ENV === 'production'
  if (!options.env || !('NODE_OPTIONS' in options.env)) env.NODE_OPTIONS = `--conditions=${production ? 'production' : 'development'}`
  const [command, ...args] = options.command ?? [process.execPath, ...runner(cwd, script), script]
  const name = options.command ? options.command.join(' ') : script === SERVER ? 'server' : script

  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached })
  options.onSpawn?.(child)
  let log = ''
  child.stdout!.on('data', (chunk) => (log += chunk))
  child.stderr!.on('data', (chunk) => (log += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const running = () => child.exitCode === null && child.signalCode === null
  const send = (signal: NodeJS.Signals, group: boolean) => {
    try {
      if (group && child.pid) process.kill(-child.pid, signal)
      else child.kill(signal)
    } catch {
      // already gone
    }
  }

  const url = await new Promise<string>((resolve, reject) => {
    let settled = false
    const settle = (error: Error | undefined, url?: string) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      if (error) reject(error)
      else resolve(url!)
    }
    const timer = setTimeout(() => {
      send('SIGKILL', detached)
      settle(new Error(`${name} did not start in ${timeoutMs} ms:\n${log}`))
    }, timeoutMs)
    exited.then((code) => settle(new Error(`${name} exited with ${code ?? child.signalCode} before listening:\n${log}`)))
    if (options.url) {
      const known = options.url
      const poll = async () => {
        while (!settled) {
          try {
            if ((await fetch(`${known}/`)).ok) return settle(undefined, known)
          } catch {
            // not listening yet
          }
          await new Promise((resolve) => setTimeout(resolve, 200))
        }
      }
      void poll()
    } else {
      child.stdout!.on('data', () => {
        const match = /listening on (http:\/\/\S+)/.exec(log)
        if (match) settle(undefined, match[1].replace('localhost', '127.0.0.1'))
      })
    }
  })

  return {
    url,
    child,
    output: () => log,
    stop: async (signal = 'SIGTERM', { forceAfterMs, group = false } = {}) => {
      if (!running()) return exited
      send(signal, group)
      if (forceAfterMs === undefined) return exited
      const force = setTimeout(() => running() && send('SIGKILL', group), forceAfterMs)
      try {
        return await exited
      } finally {
        clearTimeout(force)
      }
    },
  }
}
