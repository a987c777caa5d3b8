/**
 * `next build` (BENCH_BUILD=1 only): wall time and peak memory of `npm run build`, run under
 * /usr/bin/time -v (its "Maximum resident set size" is the largest single process of the tree)
 * while we sample the summed RSS of the whole process tree every 250 ms.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { root, track } from './servers'

export interface BuildResult {
  ok: boolean
  seconds: number
  largestProcessMb?: number
  treePeakMb: number
}

function treeRssKb(pid: number): number {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
  const inTree = new Set([pid])
  for (let grew = true; grew;) {
    grew = false
    for (const [child, parent] of rows) {
      if (inTree.has(parent) && !inTree.has(child)) {
        inTree.add(child)
        grew = true
      }
    }
  }
  return rows.filter(([p]) => inTree.has(p)).reduce((sum, [, , rss]) => sum + rss, 0)
}

export async function benchBuild(): Promise<BuildResult> {
  const timed = existsSync('/usr/bin/time')
  const [command, args] = timed ? ['/usr/bin/time', ['-v', 'npm', 'run', 'build']] : ['npm', ['run', 'build']]
  const started = performance.now()
  const child = track(
    spawn(command, args, {
      cwd: root,
      // The build loads the Payload config; keep it off the development database.
      env: { ...process.env, DATABASE_URL: `file:${path.join(mkdtempSync(path.join(tmpdir(), 'bench-build-')), 'build.db')}` },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    }),
  )
  let log = ''
  child.stdout!.on('data', (chunk) => (log += chunk))
  child.stderr!.on('data', (chunk) => (log += chunk))
  let treePeakKb = 0
  const sampler = setInterval(() => {
    try {
      treePeakKb = Math.max(treePeakKb, treeRssKb(child.pid!))
    } catch {
      // the build's process tree changed between reading /proc entries: skip this sample
    }
  }, 250)
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  clearInterval(sampler)
  const maxRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(log)
  if (code !== 0) console.error(log.slice(-3000))
  return {
    ok: code === 0,
    seconds: (performance.now() - started) / 1000,
    largestProcessMb: maxRss ? Number(maxRss[1]) / 1024 : undefined,
    treePeakMb: treePeakKb / 1024,
  }
}
