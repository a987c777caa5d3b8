/**
 * Child processes for the benchmark: the production lagesbild server, the floor server and the
 * database builder. Each runs as `node --import tsx <file>` (one process, so signals and RSS are
 * the server's own), on 127.0.0.1 port 0; we parse the "listening on" line.
 * Every child is registered and killed when the benchmark ends, however it ends.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const children = new Set<ChildProcess>()

export interface Server {
  url: string
  pid: number
  output: () => string
  stop: () => Promise<void>
}

/** The production server, API only (LAGESBILD_ADMIN=off: no `next build` needed); `cwd` is the source tree. */
export function startLagesbild(databaseFile: string, env: Record<string, string> = {}, cwd = root): Promise<Server> {
  return startChild('src/server.ts', {
    NODE_ENV: 'production',
    NODE_OPTIONS: '--conditions=production',
    DATABASE_URL: `file:${databaseFile}`,
    HOST: '127.0.0.1',
    PORT: '0',
    LAGESBILD_ADMIN: 'off',
    ...env,
  }, cwd)
}

export function startChild(script: string, env: Record<string, string>, cwd = root, timeoutMs = 120_000): Promise<Server> {
  const child = spawnTracked(script, env, cwd)
  let log = ''
  child.stdout!.on('data', (chunk) => (log += chunk))
  child.stderr!.on('data', (chunk) => (log += chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise<Server>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start in ${timeoutMs} ms:\n${log}`)), timeoutMs)
    child.stdout!.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(log)
      if (!match) return
      clearTimeout(timer)
      resolve({
        url: match[1].replace('localhost', '127.0.0.1'),
        pid: child.pid!,
        output: () => log,
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return
          child.kill('SIGTERM')
          const force = setTimeout(() => child.kill('SIGKILL'), 5_000)
          await exited
          clearTimeout(force)
        },
      })
    })
    exited.then(() => {
      clearTimeout(timer)
      reject(new Error(`${script} exited (${child.exitCode ?? child.signalCode}) before listening:\n${log}`))
    })
  })
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
