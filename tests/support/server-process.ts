/**
 * Starts the real lagesbild server (src/server.ts) as a child process on a free port and
 * waits until it listens. Used by global setup and by specs that need their own instance.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

export interface ServerProcess {
  url: string
  child: ChildProcess
  output: () => string
  /** Sends a signal and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>
}

export async function startServer(extraEnv: Record<string, string | undefined> = {}, timeoutMs = 120_000): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LAGESBILD_ADMIN: 'off', ...extraEnv }
  const conditions = env.NODE_ENV === 'production' ? 'production' : 'development'
  env.NODE_OPTIONS = `--conditions=${conditions}`
  // `node --import tsx` rather than the tsx CLI: one process, so a signal reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout!.on('data', (chunk) => (log += chunk))
  child.stderr!.on('data', (chunk) => (log += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${log}`))
    }, timeoutMs)
    const onData = () => {
      const match = /listening on (http:\/\/\S+)/.exec(log)
      if (match) {
        clearTimeout(timer)
        resolve(match[1].replace('localhost', '127.0.0.1'))
      }
    }
    child.stdout!.on('data', onData)
    exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before listening:\n${log}`))
    })
  })
  return {
    url,
    child,
    output: () => log,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal)
      return exited
    },
  }
}
