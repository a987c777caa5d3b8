/**
 * The primary process of a multi-process server (WEB_CONCURRENCY > 1, node:cluster). It serves
 * no requests and loads no Payload: it holds the port, starts the workers (src/server.ts), and
 *   - starts the first worker alone and the rest once it listens, so that a development schema
 *     push, the seed and the editions back-fill run once, not in several workers at a time;
 *   - says "listening on http://…" once every worker listens;
 *   - replaces a worker that dies (the others go on serving); the one that runs the job queue
 *     is replaced by one that runs it, so jobs run in exactly one worker at any time;
 *   - hands a worker's cache invalidation to every other listening worker and tells the writer
 *     once all have applied it (src/cache/primary-broadcast.ts): the write's answer waits for that;
 *   - answers /readyz and /metrics for the whole server (workers ask it; metrics added up);
 *   - on SIGTERM or SIGINT lets every worker drain (finish what it has, then exit) and exits.
 */
import cluster, { type Worker } from 'node:cluster'
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { AggregatorRegistry, Counter, Gauge, Registry } from 'prom-client'

import { type ClusterMessage, isClusterMessage, type Readiness } from './messages'

/** A worker drains for up to 10 s (src/server.ts); past this the primary stops waiting. */
const SHUTDOWN_GRACE_MS = 15_000
const METRICS_TIMEOUT_MS = 3_000
/** Matches the worker's own patience (src/cache/primary-broadcast.ts): then the writer goes on. */
const INVALIDATION_TIMEOUT_MS = 10_000
/** A worker that dies before listening is replaced after a pause, doubled each time in a row (up to 30 s), not in a tight loop. */
const RESTART_PAUSE_MS = 1_000
const RESTART_PAUSE_MAX_MS = 30_000

interface PendingInvalidation {
  origin: Worker
  waitingFor: Set<number>
  timer: NodeJS.Timeout
}

type WorkerMetrics = Awaited<ReturnType<Registry['getMetricsAsJSON']>>

interface PendingMetrics {
  waitingFor: Set<number>
  collected: WorkerMetrics[]
  done: () => void
}

export function runPrimary(expected: number): void {
  const log = (message: string) => console.log(`[primary ${process.pid}] ${message}`)
  const server = fileURLToPath(new URL('../server.ts', import.meta.url))
  // Workers start as the primary did: through our launcher (src/cli/run.mjs) or under tsx.
  const launcher = process.env.LAGESBILD_LAUNCHER
  cluster.setupPrimary(launcher ? { exec: launcher, args: [server] } : { exec: server })

  const listening = new Set<number>()
  const invalidations = new Map<string, PendingInvalidation>()
  const metricsRequests = new Map<string, PendingMetrics>()
  let jobsWorker: Worker | undefined
  let port: number | undefined
  let announced = false
  /** The workers after the first are started once it listens. */
  let othersStarted = false
  /** Replacements in a row that died before listening (the database is down, say). */
  let failedStarts = 0
  let shuttingDown = false
  let exitCode = 0

  const own = new Registry()
  const restarts = new Counter({ name: 'lagesbild_worker_restarts_total', help: 'Workers that died and were replaced', registers: [own] })
  new Gauge({
    name: 'lagesbild_workers',
    help: 'Worker processes: listening now, and expected (WEB_CONCURRENCY)',
    labelNames: ['state'] as const,
    registers: [own],
    collect() {
      this.set({ state: 'listening' }, listening.size)
      this.set({ state: 'expected' }, expected)
    },
  })

  const allWorkers = () => Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined)
  const send = (worker: Worker, message: ClusterMessage) => {
    if (worker.isConnected()) worker.send(message)
  }

  const fork = (runsJobs: boolean) => {
    const worker = cluster.fork({ LAGESBILD_JOBS_WORKER: runsJobs ? '1' : '0' })
    if (runsJobs) jobsWorker = worker
    return worker
  }

  const finishInvalidation = (id: string) => {
    const pending = invalidations.get(id)
    if (!pending) return
    clearTimeout(pending.timer)
    invalidations.delete(id)
    send(pending.origin, { type: 'lagesbild:invalidated', id })
  }

  const invalidate = (origin: Worker, message: Extract<ClusterMessage, { type: 'lagesbild:invalidate' }>) => {
    // Every worker hears it (one still starting has nothing cached); only listening ones are waited for.
    const others = allWorkers().filter((worker) => worker !== origin)
    const waitingFor = new Set(others.filter((worker) => listening.has(worker.id)).map((worker) => worker.id))
    const timer = setTimeout(() => {
      log(`workers ${[...waitingFor].join(', ')} did not confirm an invalidation within ${INVALIDATION_TIMEOUT_MS} ms`)
      finishInvalidation(message.id)
    }, INVALIDATION_TIMEOUT_MS)
    invalidations.set(message.id, { origin, waitingFor, timer })
    for (const worker of others) send(worker, message)
    if (waitingFor.size === 0) finishInvalidation(message.id)
  }

  /** Every listening worker's metrics, added up, with the primary's own. */
  const clusterMetrics = async (): Promise<string> => {
    const id = randomUUID()
    const workers = allWorkers().filter((worker) => listening.has(worker.id))
    const pending: PendingMetrics = { waitingFor: new Set(workers.map((worker) => worker.id)), collected: [], done: () => undefined }
    const all = new Promise<void>((resolve) => (pending.done = resolve))
    metricsRequests.set(id, pending)
    for (const worker of workers) send(worker, { type: 'lagesbild:metrics', id })
    let timer: NodeJS.Timeout | undefined
    if (pending.waitingFor.size > 0) await Promise.race([all, new Promise((resolve) => (timer = setTimeout(resolve, METRICS_TIMEOUT_MS)))])
    clearTimeout(timer)
    metricsRequests.delete(id)
    return AggregatorRegistry.aggregate([...pending.collected, await own.getMetricsAsJSON()]).metrics()
  }

  const readiness = (): Readiness => ({ ready: listening.size, expected, shuttingDown })

  const onMessage = async (worker: Worker, message: unknown) => {
    if (!isClusterMessage(message)) return
    switch (message.type) {
      case 'lagesbild:listening': {
        listening.add(worker.id)
        port = message.port
        log(`worker ${worker.id} (pid ${worker.process.pid}${worker === jobsWorker ? ', runs the job queue' : ''}) listening`)
        // The first worker has pushed the schema, seeded and back-filled: the others may start.
        if (!othersStarted) {
          othersStarted = true
          for (let i = 1; i < expected; i++) fork(false)
        }
        if (!announced && listening.size === expected) {
          announced = true
          // Tests and scripts read this line to learn the port when PORT=0.
          console.log(`lagesbild listening on http://localhost:${port} (${expected} workers)`)
        }
        return
      }
      case 'lagesbild:invalidate':
        return invalidate(worker, message)
      case 'lagesbild:invalidated': {
        const pending = invalidations.get(message.id)
        pending?.waitingFor.delete(worker.id)
        if (pending?.waitingFor.size === 0) finishInvalidation(message.id)
        return
      }
      case 'lagesbild:ask': {
        const answer = message.question === 'readiness' ? readiness() : await clusterMetrics()
        return send(worker, { type: 'lagesbild:answer', id: message.id, answer })
      }
      case 'lagesbild:answer': {
        const pending = metricsRequests.get(message.id)
        if (!pending?.waitingFor.delete(worker.id)) return
        pending.collected.push(message.answer as WorkerMetrics)
        if (pending.waitingFor.size === 0) pending.done()
        return
      }
    }
  }
  cluster.on('message', (worker, message) => void onMessage(worker, message))

  cluster.on('exit', (worker, code, signal) => {
    const wasListening = listening.delete(worker.id)
    // Nobody waits for a worker that is gone.
    for (const [id, pending] of invalidations) if (pending.waitingFor.delete(worker.id) && pending.waitingFor.size === 0) finishInvalidation(id)
    for (const pending of metricsRequests.values()) if (pending.waitingFor.delete(worker.id) && pending.waitingFor.size === 0) pending.done()
    const runsJobs = worker === jobsWorker
    if (shuttingDown) {
      if (allWorkers().every((other) => other.isDead())) {
        log('every worker has stopped')
        process.exit(exitCode)
      }
      return
    }
    if (!announced && !wasListening) {
      // It could not start (bad configuration, no database): neither can its replacement.
      console.error(`lagesbild failed to start: worker ${worker.id} exited with ${signal ?? code} before listening`)
      return stopAll('start-up failure', 1)
    }
    restarts.inc()
    log(`worker ${worker.id} (pid ${worker.process.pid}) exited with ${signal ?? code}; starting a replacement${runsJobs ? ' (runs the job queue)' : ''}`)
    failedStarts = wasListening ? 0 : failedStarts + 1
    const pause = failedStarts === 0 ? 0 : Math.min(RESTART_PAUSE_MS * 2 ** (failedStarts - 1), RESTART_PAUSE_MAX_MS)
    setTimeout(() => !shuttingDown && fork(runsJobs), pause)
  })

  const stopAll = (reason: string, code = 0) => {
    if (shuttingDown) return
    shuttingDown = true
    exitCode = code
    log(`${reason}: every worker finishes its requests, then stops`)
    for (const worker of allWorkers()) worker.process.kill('SIGTERM')
    if (allWorkers().every((worker) => worker.isDead())) process.exit(exitCode)
    const force = setTimeout(() => {
      console.error('shutdown grace period over; stopping the remaining workers')
      for (const worker of allWorkers()) worker.process.kill('SIGKILL')
      process.exit(1)
    }, SHUTDOWN_GRACE_MS)
    force.unref()
  }
  process.on('SIGTERM', () => stopAll('SIGTERM'))
  process.on('SIGINT', () => stopAll('SIGINT'))

  log(`starting ${expected} workers`)
  fork(true)
}
