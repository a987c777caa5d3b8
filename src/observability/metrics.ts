/**
 * What operators see in GET /metrics (Prometheus text format, prom-client): requests and their
 * latency by route pattern and status, the published-read cache, the write line, the job queue,
 * the database pool, and the process itself. Each worker keeps its own registry; the primary adds
 * them up for the whole server (src/cluster/primary.ts).
 */
import type { Payload, Where } from 'payload'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

export const registry = new Registry()
collectDefaultMetrics({ register: registry, prefix: 'lagesbild_' })

const registers = [registry]

export const httpRequests = new Counter({
  name: 'lagesbild_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers,
})

export const httpDuration = new Histogram({
  name: 'lagesbild_http_request_duration_seconds',
  help: 'Time from a request arriving to its answer being sent, by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers,
})

export const cacheResponses = new Counter({
  name: 'lagesbild_cache_responses_total',
  help: 'Cacheable GETs by outcome: hit (from memory), miss (computed and kept), bypass (computed, not kept)',
  labelNames: ['result'] as const,
  registers,
})

export const cacheInvalidations = new Counter({
  name: 'lagesbild_cache_invalidations_total',
  help: 'Invalidations applied to the published-read cache, from writes in this process or heard from others',
  labelNames: ['origin'] as const,
  registers,
})

/** The write line (src/http/write-gate.ts) reports here. */
export const writeLine = {
  waiting: new Gauge({ name: 'lagesbild_write_line_waiting', help: 'API writes waiting for their turn', registers }),
  running: new Gauge({ name: 'lagesbild_write_line_running', help: 'API writes running now', registers }),
}

let observed: Payload | undefined

/** The job queue and the database pool are read from this Payload instance when metrics are collected. */
export function observePayload(payload: Payload): void {
  observed = payload
}

/**
 * From the database, so the same in every worker: aggregated with `max`, not summed.
 * Failed: jobs that gave up (a webhook whose retries ran out, a scheduled publish that failed).
 */
const jobs = new Gauge({
  name: 'lagesbild_jobs',
  help: 'Jobs in the queue by task and state: queued (to run or retry) or failed (gave up)',
  labelNames: ['task', 'state'] as const,
  aggregator: 'max',
  registers,
  async collect() {
    if (!observed) return
    const payload = observed
    this.reset()
    const tasks = (payload.config.jobs.tasks ?? []).map((task) => task.slug)
    const states: Record<string, Where> = { queued: { completedAt: { exists: false }, hasError: { not_equals: true } }, failed: { hasError: { equals: true } } }
    try {
      await Promise.all(
        tasks.flatMap((task) =>
          Object.entries(states).map(async ([state, where]) => {
            const { totalDocs } = await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: task }, ...where }, overrideAccess: true })
            this.set({ task, state }, totalDocs)
          }),
        ),
      )
    } catch {
      // The database is not answering: /readyz says so; the series are left out of this scrape.
    }
  },
})
void jobs

/** Mail that could not be handed to the SMTP server (src/email). */
export const emailFailures = new Counter({ name: 'lagesbild_email_failures_total', help: 'E-mails that could not be sent', registers })

type PgPool = { totalCount: number; idleCount: number; waitingCount: number; options?: { max?: number } }

new Gauge({
  name: 'lagesbild_db_pool_connections',
  help: 'PostgreSQL pool of this process: connections open, idle, clients waiting for one, and the maximum',
  labelNames: ['state'] as const,
  registers,
  collect() {
    const pool = (observed?.db as { pool?: PgPool } | undefined)?.pool
    if (!pool || typeof pool.totalCount !== 'number') return
    this.set({ state: 'total' }, pool.totalCount)
    this.set({ state: 'idle' }, pool.idleCount)
    this.set({ state: 'waiting' }, pool.waitingCount)
    if (pool.options?.max) this.set({ state: 'max' }, pool.options.max)
  },
})
