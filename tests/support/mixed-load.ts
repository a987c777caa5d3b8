/**
 * Mixed load: many concurrent virtual users, each a loop of requests on its own keep-alive
 * connection, for a fixed time. Most read published content (anonymous REST and persisted GraphQL,
 * a reader with an API key); some are editors writing drafts: each creates sections and keeps
 * renaming its own section. Every acknowledged write is remembered, so that afterwards
 * `verifyWrites` can prove none was lost. Used by tests/mixed-load.spec.ts (a short run against
 * the suite's server) and by `npm run bench` (200 users, 60 s, PostgreSQL; bench/run.ts).
 */
import { Agent } from 'undici'

import { apiClient } from './api'
import { paragraphBody } from './rich-text'

export interface MixedLoadOptions {
  baseUrl: string
  users: number
  seconds: number
  /** One user in `writerEvery` is an editor (at least one). */
  writerEvery?: number
  /** Authorization header values. */
  editor: string
  reader: string
  /** Published content anonymous callers may read (REST or GraphQL GET paths). */
  anonymousPaths: string[]
  /** Content the reader may read. */
  readerPaths: string[]
  /** No answer within this long counts as an error (default 30 s). */
  timeoutMs?: number
}

type Kind = 'anonymous read' | 'reader read' | 'editor write'

export interface KindStats {
  requests: number
  p50: number
  p99: number
  max: number
}

export interface MixedLoadResult {
  seconds: number
  users: number
  writers: number
  requests: number
  requestsPerSecond: number
  byKind: Record<Kind, KindStats>
  /** Status code -> count, over all requests. */
  statuses: Record<string, number>
  serverErrors: number
  /** Network errors and timeouts (no HTTP answer at all). */
  failures: string[]
  /** The first few 5xx answers: request and body. */
  serverErrorSamples: string[]
  /** The slowest requests: when they started (seconds into the run) and what they were. */
  slowest: SlowRequest[]
  /** Writes answered 2xx: sections created (id -> title) and the last acknowledged rename per writer. */
  acknowledged: { created: Map<number, string>; renamed: Map<number, { title: string; sequence: number }> }
}

export interface SlowRequest {
  startedAtSecond: number
  ms: number
  request: string
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] : NaN)

export async function runMixedLoad(options: MixedLoadOptions): Promise<MixedLoadResult> {
  const { baseUrl, users, seconds, writerEvery = 10, timeoutMs = 30_000 } = options
  // One connection per virtual user, as a browser or a consumer site's server would hold.
  const dispatcher = new Agent({ connections: users, pipelining: 1, headersTimeout: timeoutMs, bodyTimeout: timeoutMs })
  const latencies: Record<Kind, number[]> = { 'anonymous read': [], 'reader read': [], 'editor write': [] }
  const statuses: Record<string, number> = {}
  const failures: string[] = []
  const serverErrorSamples: string[] = []
  const created = new Map<number, string>()
  const renamed = new Map<number, { title: string; sequence: number }>()
  const run = Math.random().toString(36).slice(2, 8)
  const runStarted = performance.now()
  const deadline = runStarted + seconds * 1000
  let slowest: SlowRequest[] = []
  const noteIfSlow = (startedAt: number, ms: number, request: string) => {
    if (slowest.length >= 5 && ms <= slowest[4].ms) return
    slowest = [...slowest, { startedAtSecond: (startedAt - runStarted) / 1000, ms, request }].sort((a, b) => b.ms - a.ms).slice(0, 5)
  }

  async function request(kind: Kind, path: string, init: { method?: string; authorization?: string; json?: unknown } = {}) {
    const started = performance.now()
    try {
      const response = await fetch(new URL(path, baseUrl), {
        method: init.method ?? 'GET',
        headers: { ...(init.authorization ? { authorization: init.authorization } : {}), ...(init.json ? { 'content-type': 'application/json' } : {}) },
        body: init.json ? JSON.stringify(init.json) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
        // @ts-expect-error undici's dispatcher option is not in the DOM fetch types
        dispatcher,
      })
      const text = await response.text()
      latencies[kind].push(performance.now() - started)
      noteIfSlow(started, performance.now() - started, `${kind} ${init.method ?? 'GET'} ${path.split('?')[0]} ${response.status}`)
      statuses[response.status] = (statuses[response.status] ?? 0) + 1
      if (response.status >= 500 && serverErrorSamples.length < 10)
        serverErrorSamples.push(`${response.status} ${kind} ${init.method ?? 'GET'} ${path}: ${text.slice(0, 300)}`)
      return { status: response.status, text }
    } catch (error) {
      failures.push(`${kind} ${init.method ?? 'GET'} ${path}: ${(error as Error).message}`)
      return undefined
    }
  }

  async function reader(user: number) {
    const asReader = user % 3 === 2
    const paths = asReader ? options.readerPaths : options.anonymousPaths
    for (let i = user; performance.now() < deadline; i++) {
      await request(asReader ? 'reader read' : 'anonymous read', paths[i % paths.length], { authorization: asReader ? options.reader : undefined })
    }
  }

  async function writer(user: number) {
    const title = (n: number) => `Load ${run} writer ${user} #${n}`
    const first = await request('editor write', '/api/sections?draft=true&depth=0', {
      method: 'POST',
      authorization: options.editor,
      json: { title: title(0), kind: 'other', body: paragraphBody(title(0)) },
    })
    const own = first?.status === 201 ? (JSON.parse(first.text).doc.id as number) : undefined
    if (own !== undefined) created.set(own, title(0))
    for (let n = 1; performance.now() < deadline; n++) {
      if (own !== undefined && n % 2 === 0) {
        const answer = await request('editor write', `/api/sections/${own}?draft=true&depth=0`, {
          method: 'PATCH',
          authorization: options.editor,
          json: { title: title(n), body: paragraphBody(title(n)) },
        })
        if (answer?.status === 200) renamed.set(own, { title: title(n), sequence: n })
      } else {
        const answer = await request('editor write', '/api/sections?draft=true&depth=0', {
          method: 'POST',
          authorization: options.editor,
          json: { title: title(n), kind: 'other', body: paragraphBody(title(n)) },
        })
        if (answer?.status === 201) created.set(JSON.parse(answer.text).doc.id, title(n))
      }
    }
  }

  const writers = Math.max(1, Math.floor(users / writerEvery))
  const started = performance.now()
  await Promise.all(Array.from({ length: users }, (_, user) => (user < writers ? writer(user) : reader(user))))
  const elapsed = (performance.now() - started) / 1000
  await dispatcher.close()

  const byKind = Object.fromEntries(
    Object.entries(latencies).map(([kind, values]) => {
      const sorted = values.sort((a, b) => a - b)
      return [kind, { requests: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN }]
    }),
  ) as Record<Kind, KindStats>
  const requests = Object.values(statuses).reduce((sum, count) => sum + count, 0)
  return {
    seconds: elapsed,
    users,
    writers,
    requests,
    requestsPerSecond: requests / elapsed,
    byKind,
    statuses,
    serverErrors: Object.entries(statuses)
      .filter(([status]) => Number(status) >= 500)
      .reduce((sum, [, count]) => sum + count, 0),
    failures,
    serverErrorSamples,
    slowest,
    acknowledged: { created, renamed },
  }
}

/**
 * Every acknowledged write is in the database: each created section exists, and each writer's own
 * section carries its last acknowledged title or a later one (a rename whose answer was lost in a
 * timeout may still have landed). Returns what is missing, empty when nothing was lost.
 */
export async function verifyWrites(baseUrl: string, editor: string, acknowledged: MixedLoadResult['acknowledged']): Promise<string[]> {
  const api = apiClient(baseUrl)
  const ids = [...acknowledged.created.keys()]
  const found = new Map<number, string>()
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100)
    const response = await api<{ docs: { id: number; title: string }[] }>(`/api/sections?draft=true&depth=0&limit=100&where[id][in]=${chunk.join(',')}`, {
      auth: editor,
    })
    if (response.status !== 200)
      throw new Error(`verifying writes: ${response.status} ${typeof response.body === 'string' ? response.body : JSON.stringify(response.body)}`)
    for (const doc of response.body.docs) found.set(doc.id, doc.title)
  }
  const missing: string[] = []
  for (const [id, title] of acknowledged.created) {
    if (!found.has(id)) missing.push(`section ${id} ("${title}") was created (201) but is gone`)
  }
  for (const [id, last] of acknowledged.renamed) {
    const sequence = Number(/#(\d+)$/.exec(found.get(id) ?? '')?.[1] ?? -1)
    if (sequence < last.sequence) missing.push(`section ${id}: last acknowledged title "${last.title}", found "${found.get(id)}"`)
  }
  return missing
}
