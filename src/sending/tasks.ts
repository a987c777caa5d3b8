/**
 * Mailing an edition, as two Payload jobs, both run by the job runner outside any publishing:
 *
 * - `sendEdition` (queued with the publication, in its transaction: a publication that rolls back
 *   mails nothing): writes one `deliveries` row per address on the active lists the edition's
 *   distribution names — the unique delivery key (edition × address) makes a second row
 *   impossible — and queues one `deliverEdition` job per row still waiting.
 * - `deliverEdition`: claims its row (src/sending/claim.ts), sends, records the outcome. A
 *   permanent refusal (5xx, such as an unknown mailbox) fails the row for good; a temporary one
 *   (4xx, a refused or broken connection) marks it "retrying" and throws, so Payload's runner
 *   retries with exponential backoff, MAIL_RETRY_DELAY_MS doubling; after the last retry it fails.
 */
import type { PayloadRequest, TaskConfig, TaskHandler } from 'payload'

import type { EditionDoc } from '../editions/record'
import { mailerFor } from '../email'
import { env } from '../env'
import { claimDelivery, renewClaim } from './claim'
import { editionMessage } from './message'

type Id = number | string

/** Retries after the first attempt: seven attempts in all (30 s … 16 min apart by default). */
export const MAIL_RETRIES = 6
const DELIVERIES = 'deliveries'
/** Its own queue, so a mailing of thousands never holds up scheduled publishing and webhooks. */
export const MAIL_QUEUE = 'mail'
const local = { depth: 0, overrideAccess: true } as const

export const deliveryKeyFor = (editionId: Id, email: string) => `${editionId}:${email.trim().toLowerCase()}`

interface Failure {
  permanent: boolean
  smtpResponse?: string
  error: string
}

/** nodemailer's error as the log shows it, and whether retrying could help. */
export function classifyFailure(error: unknown): Failure {
  const { responseCode, response, code, message } = error as { responseCode?: number; response?: string; code?: string; message?: string }
  const text = [code, message].filter(Boolean).join(': ') || String(error)
  return { permanent: typeof responseCode === 'number' && responseCode >= 500, smtpResponse: response, error: text }
}

/**
 * The edition whole, as its audience read it. Straight from the database: through Payload, its
 * read hook would cut it down to what the job runner (no user: anonymous) may see.
 */
async function editionById(req: PayloadRequest, id: Id): Promise<EditionDoc> {
  const edition = await req.payload.db.findOne<EditionDoc>({ collection: 'editions', where: { id: { equals: id } }, req })
  if (!edition) throw new Error(`no edition ${id}`)
  return edition
}

/** Queues delivery of every waiting row of an edition (one job each). */
export async function queueWaitingDeliveries(req: PayloadRequest, editionId: Id): Promise<number> {
  const waiting = await req.payload.find({
    collection: DELIVERIES,
    where: { and: [{ edition: { equals: editionId } }, { status: { in: ['queued'] } }] },
    select: { status: true },
    pagination: false,
    ...local,
    req,
  })
  for (const row of waiting.docs) await req.payload.jobs.queue({ task: 'deliverEdition', queue: MAIL_QUEUE, input: { deliveryId: String(row.id) }, req })
  return waiting.docs.length
}

const sendEdition: TaskHandler<'sendEdition'> = async ({ input, req }) => {
  const edition = await editionById(req, input.editionId)
  const distribution = edition.content.distribution ?? []
  if (distribution.length === 0) return { output: { deliveries: 0 } }
  const lists = await req.payload.find({
    collection: 'distribution-lists',
    where: { and: [{ distribution: { in: distribution } }, { active: { equals: true } }] },
    sort: 'name',
    pagination: false,
    ...local,
    req,
  })
  // A retry of this job (or a second runner) finds the rows it made already.
  const existing = await req.payload.find({
    collection: DELIVERIES,
    where: { edition: { equals: edition.id } },
    select: { deliveryKey: true },
    pagination: false,
    ...local,
    req,
  })
  const keys = new Set(existing.docs.map((row) => row.deliveryKey))
  for (const list of lists.docs) {
    for (const recipient of list.recipients ?? []) {
      const deliveryKey = deliveryKeyFor(edition.id, recipient.email)
      // An address on two lists gets the edition once, from the first list by name.
      if (keys.has(deliveryKey)) continue
      keys.add(deliveryKey)
      try {
        await req.payload.create({
          collection: DELIVERIES,
          data: {
            kind: 'edition',
            deliveryKey,
            edition: edition.id as number,
            report: (edition.report ?? undefined) as number | undefined,
            reportTitle: edition.title,
            editionNumber: edition.number,
            list: list.id,
            listName: list.name,
            recipientName: recipient.name,
            email: recipient.email,
            organisation: recipient.organisation,
            status: 'queued',
            attempts: 0,
          },
          ...local,
          req,
        })
      } catch (error) {
        // Another runner wrote this row first (the unique key): it is there, which is all that matters.
        const row = await req.payload.find({ collection: DELIVERIES, where: { deliveryKey: { equals: deliveryKey } }, limit: 1, ...local, req })
        if (row.docs.length === 0) throw error
      }
    }
  }
  return { output: { deliveries: await queueWaitingDeliveries(req, edition.id) } }
}

/** Sends one claimed delivery and records what the SMTP server said. */
const deliverEdition: TaskHandler<'deliverEdition'> = async ({ input, job, req }) => {
  const { payload } = req
  if (!(await claimDelivery(payload, input.deliveryId, ['queued', 'retrying']))) {
    // Sent, failed for good, or being sent by another runner right now: nothing for this job to do.
    return { output: { status: 'not claimed' } }
  }
  const settings = env()
  // The lease's heartbeat: a row whose process stops renewing it was cut off mid-send (claim.ts).
  const heartbeat = setInterval(() => void renewClaim(payload, input.deliveryId).catch(() => undefined), settings.MAIL_SENDING_LEASE_MS / 3)
  try {
    return await sendClaimed(req, input.deliveryId, job.totalTried ?? 0)
  } finally {
    clearInterval(heartbeat)
  }
}

async function sendClaimed(req: PayloadRequest, deliveryId: Id, totalTried: number) {
  const { payload } = req
  const row = await payload.findByID({ collection: DELIVERIES, id: deliveryId, ...local, req })
  try {
    const settings = env()
    const edition = await editionById(req, row.edition as Id)
    const message = editionMessage({
      edition,
      recipient: { name: row.recipientName, email: row.email },
      deliveryKey: row.deliveryKey,
      listName: row.listName ?? undefined,
      settings,
    })
    const sent = await mailerFor(settings).send(message)
    await payload.update({
      collection: DELIVERIES,
      id: row.id,
      data: { status: 'sent', smtpResponse: sent.response.slice(0, 2_000), messageId: sent.messageId, sentAt: new Date().toISOString(), error: null },
      ...local,
      req,
    })
    return { output: { status: 'sent' } }
  } catch (error) {
    const failure = classifyFailure(error)
    const lastTry = totalTried >= MAIL_RETRIES
    const status = failure.permanent || lastTry ? 'failed' : 'retrying'
    await payload.update({
      collection: DELIVERIES,
      id: row.id,
      data: { status, smtpResponse: failure.smtpResponse?.slice(0, 2_000) ?? null, error: failure.error },
      ...local,
      req,
    })
    // Throwing is how a task asks the job runner for a retry.
    if (status === 'retrying') throw new Error(`mail to ${row.email}, attempt ${row.attempts}: ${failure.error}`)
    return { output: { status } }
  }
}

export const sendEditionTask: TaskConfig<'sendEdition'> = {
  slug: 'sendEdition',
  label: 'Mail an edition to its distribution lists',
  inputSchema: [{ name: 'editionId', type: 'text', required: true }],
  outputSchema: [{ name: 'deliveries', type: 'number', required: true }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 1_000 } },
  handler: sendEdition,
}

export function deliverEditionTask(retryDelayMs: number): TaskConfig<'deliverEdition'> {
  return {
    slug: 'deliverEdition',
    label: 'Mail an edition to one recipient',
    inputSchema: [{ name: 'deliveryId', type: 'text', required: true }],
    outputSchema: [{ name: 'status', type: 'text', required: true }],
    retries: { attempts: MAIL_RETRIES, backoff: { type: 'exponential', delay: retryDelayMs } },
    handler: deliverEdition,
  }
}
