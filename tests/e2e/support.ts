/**
 * Plumbing for the end-to-end specs: free ports, child processes that are always ended (by their
 * own pid, whole process tree), the consumer site built and served by Vite, and a Debian Chromium
 * driven by playwright-core. Servers (the CMS, the site's `vite preview`) are started by
 * tests/support/server-process.ts and the CMS is called with tests/support/api.ts, as everywhere.
 */
import { type ChildProcess, execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

import { startServer, type ServerProcess, type StartServerOptions } from '../support/server-process'

const execFileAsync = promisify(execFile)

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const siteDir = path.join(root, 'examples', 'consumer-site')
export const artifactsDir = path.join(root, 'tests', '.artifacts', 'e2e')
const viteBin = path.join(siteDir, 'node_modules', 'vite', 'bin', 'vite.js')

export const CHROMIUM = '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Fails early, with what to do, when the site's dependencies or the browser are missing. */
export function assertPrerequisites() {
  if (!existsSync(viteBin)) {
    throw new Error(`the consumer site's dependencies are not installed: run "npm install" in ${path.relative(root, siteDir)}`)
  }
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium)`)
}

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

// ---- processes --------------------------------------------------------------------------------

/** "pid (comm) state ppid ... starttime ...": comm may hold spaces and ")", so split after the last ")". */
function statOf(pid: number): { ppid: number; startTime: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // fields[0] is the state (stat field 3): ppid is field 4, starttime field 22.
    return { ppid: Number(fields[1]), startTime: fields[19] ?? '' }
  } catch {
    return undefined // the process ended while we looked
  }
}

/** A process as found now: its pid and start time, so a later kill never hits a reused pid. */
export interface ProcessRef {
  pid: number
  startTime: string
}

/** Every descendant of `pid` (children, grandchildren ...), read from /proc. */
export function descendantsOf(pid: number): ProcessRef[] {
  const all = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => ({ pid: Number(entry), ...statOf(Number(entry)) }))
    .filter((entry): entry is ProcessRef & { ppid: number } => entry.ppid !== undefined)
  const found: ProcessRef[] = []
  const visit = (parent: number) => {
    for (const entry of all) {
      if (entry.ppid === parent && !found.some((seen) => seen.pid === entry.pid)) {
        found.push({ pid: entry.pid, startTime: entry.startTime })
        visit(entry.pid)
      }
    }
  }
  visit(pid)
  return found
}

/** SIGKILL, only if the pid is still the very process that was found. */
function kill(ref: ProcessRef) {
  if (statOf(ref.pid)?.startTime !== ref.startTime) return
  try {
    process.kill(ref.pid, 'SIGKILL')
  } catch {
    // already gone
  }
}

/** The process and all its descendants, for killTrees. */
export function treeOf(pid: number): ProcessRef[] {
  const self = statOf(pid)
  return [...descendantsOf(pid), ...(self ? [{ pid, startTime: self.startTime }] : [])]
}

export function killTrees(refs: ProcessRef[]) {
  for (const ref of refs) for (const each of treeOf(ref.pid)) kill(each)
}

/**
 * Every child process a spec starts. end() asks each to stop (SIGTERM, which the CMS answers by
 * closing its database), then kills whatever is left of its process tree (tsx runs the server in
 * a grandchild). Also armed on process exit, synchronously, in case a run is cut short.
 */
export class Processes {
  private readonly children = new Set<ChildProcess>()
  private readonly onExit = () => this.killNow()

  constructor() {
    process.once('exit', this.onExit)
  }

  track(child: ChildProcess): ChildProcess {
    this.children.add(child)
    child.once('exit', () => this.children.delete(child))
    return child
  }

  async end(graceMs = 10_000) {
    await Promise.all(
      [...this.children].map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null || !child.pid) return
        const tree = treeOf(child.pid)
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
        child.kill('SIGTERM')
        const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref())
        await Promise.race([exited, timer])
        for (const ref of tree) kill(ref)
      }),
    )
    process.off('exit', this.onExit)
  }

  private killNow() {
    for (const child of this.children) if (child.pid) for (const ref of treeOf(child.pid)) kill(ref)
  }
}

// ---- the consumer site ------------------------------------------------------------------------

/** Builds the site into outDir with the given VITE_* settings (baked in at build time). */
export async function buildSite(outDir: string, settings: { cmsUrl: string; apiKey?: string }) {
  try {
    await execFileAsync(process.execPath, [viteBin, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: siteDir,
      timeout: 120_000,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NODE_OPTIONS: '',
        VITE_CMS_URL: settings.cmsUrl,
        // Set even when empty: a value in the environment wins over any .env file in the site.
        VITE_CMS_API_KEY: settings.apiKey ?? '',
      },
    })
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string }
    throw new Error(`vite build failed: ${(error as Error).message}\n${stdout ?? ''}\n${stderr ?? ''}`)
  }
}

export type Site = ServerProcess

/** Serves a built site with `vite preview` on 127.0.0.1:port and waits until it answers. */
export function previewSite(processes: Processes, outDir: string, port: number, timeoutMs = 30_000): Promise<Site> {
  return startServer({
    command: [process.execPath, viteBin, 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    cwd: siteDir,
    env: { NODE_ENV: 'production', NODE_OPTIONS: '' },
    url: `http://127.0.0.1:${port}`,
    timeoutMs,
    onSpawn: (child) => processes.track(child),
  })
}

/**
 * What an e2e CMS must not take from the developer's environment: another machine's Redis,
 * webhook consumers, foreign origins, a cache switch, Next's telemetry.
 */
export const ISOLATED_CMS_ENV = {
  REDIS_URL: undefined,
  WEBHOOK_URLS: undefined,
  CORS_ORIGINS: undefined,
  CSRF_ORIGINS: undefined,
  LAGESBILD_CACHE: undefined,
  NEXT_TELEMETRY_DISABLED: '1',
} as const

/** Starts a CMS tracked for the spec's cleanup; if it does not start, kills whatever it spawned. */
export async function startTrackedCms(processes: Processes, options: StartServerOptions): Promise<ServerProcess> {
  const before = new Set(descendantsOf(process.pid).map((ref) => ref.pid))
  try {
    const cms = await startServer(options)
    processes.track(cms.child)
    return cms
  } catch (error) {
    killTrees(descendantsOf(process.pid).filter((ref) => !before.has(ref.pid)))
    throw error
  }
}

/**
 * The production CMS with the admin on, tracked for cleanup, on a fresh SQLite file in `workDir`
 * and a free port whose URL is also SERVER_URL: Payload ignores the session cookie on writes whose
 * Origin is not SERVER_URL (CSRF), and the admin calls the API there. `env` adds to or removes from
 * that environment. Resolves with the URL.
 */
export async function startAdminCms(processes: Processes, workDir: string, env: Record<string, string | undefined> = {}): Promise<string> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  await startTrackedCms(processes, {
    production: true,
    timeoutMs: 180_000,
    env: {
      ...ISOLATED_CMS_ENV,
      PORT: String(port),
      SERVER_URL: base,
      DATABASE_URL: `file:${path.join(workDir, 'cms.db')}`,
      PAYLOAD_SECRET: `e2e-secret-${randomUUID()}`,
      LAGESBILD_ADMIN: 'on',
      ...env,
    },
  })
  return base
}
