/**
 * Where the machine's cores went during a measurement: the load generator (this process), the
 * server (its process and its workers) and PostgreSQL (every postgres process), from the kernel's
 * CPU time counters in /proc (Linux). Explains a shortfall, e.g. 2 workers on 2 cores that the
 * load generator and the database share.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const TICKS_PER_SECOND = 100 // USER_HZ on Linux

/** User + system CPU seconds of a process so far (0 when it is gone). */
function cpuSecondsOf(pid: number): number {
  try {
    // Fields after the command name (which may contain spaces) start at the state, field 3.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
  } catch {
    return 0
  }
}

/** The child processes of a process, from /proc (none when it is gone). */
export function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
  } catch {
    return []
  }
}

function postgresPids(): number[] {
  try {
    return execFileSync('pgrep', ['-x', 'postgres'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number)
  } catch {
    return []
  }
}

export interface CoresUsed {
  loadGenerator: number
  server: number
  postgres: number
}

/** Runs `work` and says how many cores each part used on average meanwhile. */
export async function measureCores<T>(serverPid: number, work: () => Promise<T>): Promise<{ result: T; cores: CoresUsed }> {
  const serverPids = () => [serverPid, ...childrenOf(serverPid)]
  const sum = (pids: number[]) => pids.reduce((total, pid) => total + cpuSecondsOf(pid), 0)
  const before = { own: process.cpuUsage(), server: new Map(serverPids().map((pid) => [pid, cpuSecondsOf(pid)])), postgres: sum(postgresPids()) }
  const started = performance.now()
  const result = await work()
  const seconds = (performance.now() - started) / 1000
  const own = process.cpuUsage(before.own)
  // Workers started during the run count from zero; PostgreSQL backends that ended are missed (an underestimate).
  const server = serverPids().reduce((total, pid) => total + cpuSecondsOf(pid) - (before.server.get(pid) ?? 0), 0)
  return {
    result,
    cores: {
      loadGenerator: (own.user + own.system) / 1e6 / seconds,
      server: server / seconds,
      postgres: Math.max(0, sum(postgresPids()) - before.postgres) / seconds,
    },
  }
}
