/**
 * The admin build the e2e specs run against: `npm run build` into .next unless it holds a build
 * newer than every source the admin is made of (E2E_ADMIN_BUILD=skip uses whatever .next holds).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

import { type Processes, root } from './support'

/** Everything the admin bundle is built from: a file newer than .next/BUILD_ID makes the build stale. */
const BUILD_INPUTS = ['src', 'collections', 'access', 'next.config.mjs', 'tsconfig.json', 'package-lock.json']

/** The newest modification time of the files under `entry` (directories' own times do not count). */
function newestInput(entry: string): number {
  const stat = statSync(entry, { throwIfNoEntry: false })
  if (!stat) return 0
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(entry).map((child) => newestInput(path.join(entry, child))))
}

/** Runs `npm run build` unless .next holds a build newer than every source the admin is made of. */
export async function ensureAdminBuild(processes: Processes, workDir: string) {
  const buildId = path.join(root, '.next', 'BUILD_ID')
  if (process.env.E2E_ADMIN_BUILD === 'skip' && existsSync(buildId)) return
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0
  if (builtAt > Math.max(...BUILD_INPUTS.map((input) => newestInput(path.join(root, input))))) return
  const child: ChildProcess = processes.track(
    spawn('npm', ['run', 'build'], {
      cwd: root,
      // The build loads the Payload config: keep it off the development database.
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: `file:${path.join(workDir, 'build.db')}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  )
  let log = ''
  child.stdout!.on('data', (chunk) => (log += chunk))
  child.stderr!.on('data', (chunk) => (log += chunk))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`npm run build failed (${code}):\n${log.slice(-4000)}`)
}
