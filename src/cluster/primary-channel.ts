/**
 * A worker's line to the primary process (node:cluster), for what must reach every worker or be
 * answered for the whole server: invalidations without Redis, /readyz and /metrics. In a single
 * process (WEB_CONCURRENCY=1) there is no primary and `inCluster` is false.
 */
import cluster from 'node:cluster'
import { randomUUID } from 'node:crypto'

import type { AnswerMessage, AskMessage, ClusterMessage } from './messages'
import { isClusterMessage } from './messages'

export const inCluster = cluster.isWorker

/** This worker's number (1, 2, … ; a replacement gets a new one), undefined outside a cluster. */
export const workerId = cluster.worker?.id

/** This worker runs the job queue (scheduled publishing, webhooks): exactly one worker does (primary.ts). */
export const runsJobs = !inCluster || process.env.LAGESBILD_JOBS_WORKER === '1'

const answers = new Map<string, (answer: unknown) => void>()
const handlers = new Map<string, (message: never) => void>()

if (inCluster) {
  process.on('message', (message: unknown) => {
    if (!isClusterMessage(message)) return
    if (message.type === 'lagesbild:answer') return answers.get(message.id)?.(message.answer)
    handlers.get(message.type)?.(message as never)
  })
}

export function tellPrimary(message: ClusterMessage): void {
  if (inCluster && process.connected) process.send!(message)
}

/** Handles the primary's messages of one type (one handler per type). */
export function onPrimaryMessage<T extends ClusterMessage['type']>(type: T, handler: (message: Extract<ClusterMessage, { type: T }>) => void): void {
  handlers.set(type, handler as (message: never) => void)
}

/** Asks the primary; undefined when it does not answer in time. */
export async function askPrimary<T>(question: AskMessage['question'], timeoutMs: number): Promise<T | undefined> {
  if (!inCluster) return undefined
  const id = randomUUID()
  let timer: NodeJS.Timeout | undefined
  try {
    return await new Promise<T | undefined>((resolve) => {
      answers.set(id, resolve as (answer: unknown) => void)
      timer = setTimeout(() => resolve(undefined), timeoutMs)
      tellPrimary({ type: 'lagesbild:ask', id, question })
    })
  } finally {
    clearTimeout(timer)
    answers.delete(id)
  }
}

export function answerPrimary(id: string, answer: unknown): void {
  const message: AnswerMessage = { type: 'lagesbild:answer', id, answer }
  tellPrimary(message)
}
