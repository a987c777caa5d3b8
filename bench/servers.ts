/**
 * Child processes for the benchmark: the production lagesbild server and the floor server (both
 * started by the shared spawner, tests/support/server-process.ts, on 127.0.0.1 port 0) and the
 * database builder. Each runs as `node --import tsx <file>` (one process, so signals and RSS are
 * the server's own), in its own process group.
 * Every child is registered and killed when the benchmark ends, however it ends.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { startServer, type ServerProcess } from '../tests/support/server-process'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const children = new Set<ChildProcess>()

/** How long a server gets to close after SIGTERM before it is killed. */
export const STOP_GRACE_MS = 5_000

/**
 * The production server, API only (LAGESBILD_ADMIN=off: no `next build` needed); `cwd` is the source tree.
 * One worker process unless `env` says WEB_CONCURRENCY (rows stay comparable with earlier runs).
 */
export function startLagesbild(databaseFile: string, env: Record<string, string> = {}, cwd = root): Promise<ServerProcess> {
  return startServer({
    production: true,
    cwd,
    env: { DATABASE_URL: `file:${databaseFile}`, WEB_CONCURRENCY: '1', ...env },
    detached: true,
    onSpawn: track,
  })
}

/** Another server script (bench/floor.ts) that prints "listening on http://…". */
export function startChild(script: string, env: Record<string, string>, cwd = root, timeoutMs = 120_000): Promise<ServerProcess> {
  return startServer({ script, env, cwd, timeoutMs, detached: true, onSpawn: track })
}

/** Runs a script to completion; resolves with the JSON it prints on its last "RESULT " line. */
export function runScript<T>(script: string, env: Record<string, string>, args: string[] = [], cwd = root): Promise<T> {
  const child = spawnTracked(script, env, cwd, args)
  let log = ''
  child.stdout!.on('data', (chunk) => (log += chunk))
  child.stderr!.on('data', (chunk) => (log += chunk))
  return new Promise<T>((resolve, reject) => {
    child.once('exit', (code) => {
      const result = /^RESULT (.*)$/m.exec(log)
      if (code === 0 && result) resolve(JSON.parse(result[1]) as T)
      else reject(new Error(`${script} ${args.join(' ')} exited with ${code}:\n${log.slice(-4000)}`))
    })
  })
}

function spawnTracked(script: string, env: Record<string, string>, cwd: string, args: string[] = []): ChildProcess {
  return track(
    spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so killAll also reaches anything it starts.
      detached: true,
    }),
  )
}

/** Registers a child spawned with `detached: true` so that killAll ends it and its process group. */
export function track(child: ChildProcess): ChildProcess {
  children.add(child)
  child.once('exit', () => children.delete(child))
  return child
}

/** Kills every child still running (synchronous, so it also works from process.on('exit')). */
export function killAll(): void {
  for (const child of children) {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      child.kill('SIGKILL')
    }
  }
}

process.on('exit', killAll)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAll()
    process.exit(130)
  })
}
