/**
 * Reads over connections of their own, for specs of multi-process servers: the primary hands each
 * new connection to the workers in turn, and the X-Worker header says which one answered.
 */
import http from 'node:http'
import { expect } from 'vitest'

export interface Answer {
  status: number
  worker: string
  pid: number
  body: any
  headers: http.IncomingHttpHeaders
}

/** A GET on a connection of its own (`agent`: one kept alive, to stay on one worker). */
export function get(url: string, headers: Record<string, string> = {}, agent: http.Agent | false = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent }, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk) => (text += chunk))
      response.on('end', () => {
        let body: any = text
        try {
          body = JSON.parse(text)
        } catch {
          // not JSON
        }
        resolve({
          status: response.statusCode ?? 0,
          worker: String(response.headers['x-worker']),
          pid: Number(response.headers['x-lagesbild-pid']),
          body,
          headers: response.headers,
        })
      })
    })
    request.on('error', reject)
  })
}

/** Reads until every one of `workers` has answered at least `each` times; all answers, by worker. */
export async function fromEveryWorker(read: () => Promise<Answer>, workers = 2, each = 2): Promise<Map<string, Answer[]>> {
  const byWorker = new Map<string, Answer[]>()
  for (let attempt = 0; attempt < 60; attempt++) {
    const answer = await read()
    byWorker.set(answer.worker, [...(byWorker.get(answer.worker) ?? []), answer])
    if (byWorker.size >= workers && [...byWorker.values()].every((answers) => answers.length >= each)) break
  }
  expect(byWorker.size, `answered by workers ${[...byWorker.keys()].join(', ')}`).toBe(workers)
  return byWorker
}

export const all = (byWorker: Map<string, Answer[]>) => [...byWorker.values()].flat()
