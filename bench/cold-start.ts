/**
 * The cold-start stall: right after the server says "listening on", fire N requests at once,
 * each on its own fresh connection (no keep-alive agent), and record every request's latency
 * in the order the responses complete.
 */
import http from 'node:http'

import type { Scenario } from './scenarios'

export interface ColdSample {
  /** Position in completion order, 1-based. */
  order: number
  ms: number
  status: number
}

export function fireAtOnce(baseUrl: string, scenario: Scenario, count = 50): Promise<ColdSample[]> {
  const url = new URL(scenario.path, baseUrl)
  const started = performance.now()
  const samples: ColdSample[] = []
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const request = http.request(
        url,
        {
          method: scenario.method ?? 'GET',
          agent: false,
          headers: { connection: 'close', ...(scenario.body ? { 'content-type': 'application/json' } : {}), ...scenario.headers },
        },
        (response) => {
          response.resume()
          response.on('end', () => {
            samples.push({ order: samples.length + 1, ms: performance.now() - started, status: response.statusCode ?? 0 })
            resolve()
          })
        },
      )
      request.on('error', reject)
      request.end(scenario.body)
    })
  return Promise.all(Array.from({ length: count }, one)).then(() => samples)
}

/** "n × status; latency min / p50 / max; how many over 1 s; the completion timeline". */
export function summarize(samples: ColdSample[]) {
  const ms = samples.map((s) => s.ms)
  const sorted = [...ms].sort((a, b) => a - b)
  const statuses = [...new Set(samples.map((s) => s.status))].join('/')
  return {
    statuses,
    min: sorted[0],
    p50: sorted[Math.floor(sorted.length / 2)],
    max: sorted[sorted.length - 1],
    overOneSecond: ms.filter((value) => value > 1000).length,
    /** Latency of each completion in order, rounded to 10 ms. */
    timeline: ms.map((value) => Math.round(value / 10) * 10).join(' '),
  }
}
