/**
 * What is measured and how: a scenario is one HTTP request (method, path, headers, body), sent
 * by autocannon over many keep-alive connections for BENCH_DURATION seconds after an unmeasured
 * warm-up of BENCH_WARMUP seconds. A "cold" scenario appends a unique query parameter to every
 * request, so that no request can be answered from a cache keyed by URL.
 */
import autocannon from 'autocannon'

export const DURATION = Number(process.env.BENCH_DURATION ?? 10)
export const WARMUP = Number(process.env.BENCH_WARMUP ?? 2)
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)

export interface Scenario {
  name: string
  /** Short stable name the results refer to (targets). */
  key?: string
  path: string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
  /** Every request a cache miss: `&nocache=<n>` (or `?nocache=<n>`) with n unique per request. */
  cold?: boolean
  /** Text a correct answer contains (checked once, on a probe before the load). */
  expect?: string
}

export interface Row {
  name: string
  key?: string
  requestsPerSecond: number
  p50: number
  p99: number
  requests: number
  ok: number
  /** Non-2xx responses plus connection errors (timeouts included). */
  failed: number
  statuses: string
  available: boolean
  /** Status and a short excerpt of one response, checked before the load. */
  probe: string
  /** The probe answered 2xx with the expected content. */
  probeOk: boolean
  /** Size of the probe's response body. */
  bytes: number
  /** Cores the load generator (this process) used during the measured seconds: what the server could not. */
  loadGeneratorCores: number
}

let unique = 0

/** One request outside the load, to show in the results what the endpoint actually answers. */
export async function probe(baseUrl: string, scenario: Scenario): Promise<{ status: number; text: string }> {
  const response = await fetch(new URL(scenario.path, baseUrl), {
    method: scenario.method ?? 'GET',
    headers: { ...(scenario.body ? { 'content-type': 'application/json' } : {}), ...scenario.headers },
    body: scenario.body,
  })
  return { status: response.status, text: await response.text() }
}

export async function measure(baseUrl: string, scenario: Scenario, options: { duration?: number; warmup?: number; connections?: number } = {}): Promise<Row> {
  const { duration = DURATION, warmup = WARMUP, connections = CONNECTIONS } = options
  const first = await probe(baseUrl, scenario)
  const separator = scenario.path.includes('?') ? '&' : '?'
  const run = (seconds: number) =>
    autocannon({
      url: new URL(scenario.path, baseUrl).toString(),
      connections,
      duration: seconds,
      method: scenario.method ?? 'GET',
      headers: { ...(scenario.body ? { 'content-type': 'application/json' } : {}), ...scenario.headers },
      body: scenario.body,
      requests: scenario.cold
        ? [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: `${scenario.path}${separator}nocache=${++unique}` }) }]
        : undefined,
    })
  if (warmup > 0) await run(warmup)
  const [cpuBefore, wallBefore] = [process.cpuUsage(), performance.now()]
  const result = await run(duration)
  const cpu = process.cpuUsage(cpuBefore)
  const loadGeneratorCores = (cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)
  const ok = result['2xx']
  const failed = result.non2xx + result.errors // errors include timeouts
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .map(([code, stat]) => `${code}×${(stat as { count: number }).count}`)
    .join(' ')
  return {
    name: scenario.name,
    key: scenario.key,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    ok,
    failed,
    statuses: [
      statuses,
      result.timeouts && `timeouts (no answer in 10 s)×${result.timeouts}`,
      result.errors - result.timeouts && `connection errors×${result.errors - result.timeouts}`,
    ]
      .filter(Boolean)
      .join(' '),
    available: ok > 0,
    probe: `${first.status} ${first.text.slice(0, 160).replace(/\s+/g, ' ')}`,
    probeOk: first.status < 300 && (!scenario.expect || first.text.includes(scenario.expect)),
    bytes: Buffer.byteLength(first.text),
    loadGeneratorCores,
  }
}

/** The full report over GraphQL: what a consumer site renders. */
export const REPORT_QUERY = `query Report($id: Int!) {
  Report(id: $id) {
    id title subject slug compiledAt audience distribution compiledBy commissionedBy
    sections { title kind body }
    communicationActions { date title url }
    spokespersons { name title }
    collectedInformation { label url }
  }
}`

export function graphqlPost(id: number): string {
  return JSON.stringify({ query: REPORT_QUERY, variables: { id } })
}

export const apiKeyHeader = (key: string) => ({ authorization: `users API-Key ${key}` })
