/**
 * The `deliverWebhook` job: one signed POST of one report event to one consumer. A non-2xx
 * answer, a network error or a timeout fails the attempt, and Payload's job runner retries
 * with exponential backoff. Every attempt is a row in `webhook-deliveries`.
 *
 * The job input carries the delivery id, the URL and the exact body, so any server's job runner can deliver it
 * and every attempt sends the same bytes; the secret is never stored, each runner signs with
 * its own WEBHOOK_SECRET.
 */
import type { PayloadRequest, TaskConfig, TaskHandler } from 'payload'

import type { DeliveryStatus } from '../../collections/WebhookDeliveries'
import { env } from '../env'
import { signWebhook } from './signature'

export type WebhookEvent = 'report.published' | 'report.unpublished' | 'report.deleted'

const TIMEOUT_MS = 5_000
/** Retries after the first attempt: five attempts in all, 1 s, 2 s, 4 s and 8 s apart. */
const RETRIES = 4
const DELIVERIES = 'webhook-deliveries'

interface Outcome {
  status: Exclude<DeliveryStatus, 'sending'>
  httpStatus?: number | null
  error?: string | null
  durationMs?: number | null
}

async function post(input: { url: string; event: string; body: string }, deliveryId: string, secret: string): Promise<Outcome> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  const timestamp = String(Math.floor(Date.now() / 1000))
  try {
    const response = await fetch(input.url, {
      method: 'POST',
      // Following a redirect would hand the signed message to an address nobody configured.
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'x-lagesbild-event': input.event,
        'x-lagesbild-timestamp': timestamp,
        'x-lagesbild-signature': signWebhook({ body: input.body, timestamp, secret }),
        'x-lagesbild-delivery': deliveryId,
      },
      body: input.body,
    })
    await response.body?.cancel()
    if (response.ok) return { status: 'delivered', httpStatus: response.status, durationMs: elapsed() }
    return { status: 'failed', httpStatus: response.status, error: `HTTP ${response.status}`, durationMs: elapsed() }
  } catch (error) {
    return { status: 'failed', error: describeFailure(error), durationMs: elapsed() }
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  return [(error as Error).message, cause?.code ?? cause?.message].filter(Boolean).join(': ')
}

const findAttempt = async (req: PayloadRequest, attemptKey: string) =>
  (await req.payload.find({ collection: DELIVERIES, where: { attemptKey: { equals: attemptKey } }, depth: 0, limit: 1, overrideAccess: true, req })).docs[0]

/**
 * Records the attempt as "sending" before sending it; the unique attemptKey makes this the claim.
 * Payload's job runner can hand the same job to two servers that poll at the same moment (it
 * reads, then marks the job as processing); the one whose insert fails sends nothing.
 */
async function claimAttempt(req: PayloadRequest, data: { event: string; reportId: string; deliveryId: string; attempt: number; url: string }) {
  const attemptKey = `${data.deliveryId}:${data.attempt}`
  try {
    const row = await req.payload.create({ collection: DELIVERIES, data: { ...data, attemptKey, status: 'sending' }, depth: 0, overrideAccess: true, req })
    return { claimed: true as const, rowId: row.id, attemptKey }
  } catch (error) {
    if (await findAttempt(req, attemptKey)) return { claimed: false as const, attemptKey }
    throw error
  }
}

/** The outcome of an attempt another runner claimed, so both runners leave the job in the same state. */
async function outcomeOfOtherRunner(req: PayloadRequest, attemptKey: string): Promise<Outcome> {
  const deadline = Date.now() + TIMEOUT_MS + 5_000
  while (Date.now() < deadline) {
    const row = await findAttempt(req, attemptKey)
    if (row && row.status !== 'sending') return { status: row.status, httpStatus: row.httpStatus, error: row.error }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return { status: 'failed', error: 'another job runner claimed this attempt and did not finish it' }
}

const deliverWebhook: TaskHandler<'deliverWebhook'> = async ({ input, job, req }) => {
  // Not the job id: SQLite may give a deleted (completed) job's id to the next one.
  const { deliveryId } = input
  // totalTried counts this job's earlier runs, so attempt numbers are 1, 2, 3 … across runners.
  const attempt = (job.totalTried ?? 0) + 1
  const claim = await claimAttempt(req, { event: input.event, reportId: input.reportId, deliveryId, attempt, url: input.url })
  let outcome: Outcome
  if (claim.claimed) {
    const secret = env().WEBHOOK_SECRET
    outcome = secret ? await post(input, deliveryId, secret) : { status: 'failed', error: 'WEBHOOK_SECRET is not set on the server that ran this job' }
    await req.payload.update({ collection: DELIVERIES, id: claim.rowId, data: outcome, depth: 0, overrideAccess: true, req })
  } else {
    outcome = await outcomeOfOtherRunner(req, claim.attemptKey)
  }
  // Throwing is how a task asks the job runner for a retry.
  if (outcome.status !== 'delivered') throw new Error(`${input.event} to ${input.url}, attempt ${attempt}: ${outcome.error}`)
  return { output: { httpStatus: outcome.httpStatus ?? 0 } }
}

export const deliverWebhookTask: TaskConfig<'deliverWebhook'> = {
  slug: 'deliverWebhook',
  label: 'Deliver webhook',
  inputSchema: [
    { name: 'deliveryId', type: 'text', required: true },
    { name: 'url', type: 'text', required: true },
    { name: 'event', type: 'text', required: true },
    { name: 'reportId', type: 'text', required: true },
    { name: 'body', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'httpStatus', type: 'number', required: true }],
  retries: { attempts: RETRIES, backoff: { type: 'exponential', delay: 1_000 } },
  handler: deliverWebhook,
}
