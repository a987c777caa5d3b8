/**
 * REST for mailings, on reports:
 *   POST /api/reports/:id/send-test        "Skicka provutskick till mig": the report as it is now
 *                                          (the newest draft), to the signed-in user only (staff)
 *   GET  /api/reports/:id/deliveries       per edition: sent, failed, pending, and the failures (publishers)
 *   POST /api/reports/:id/resend?edition=N "Skicka igen": the failed recipients of edition N only (publishers)
 */
import { randomUUID } from 'node:crypto'

import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { canPublish, isStaffUser } from '../../access/roles'
import { EditionRequestError } from '../editions/lookup'
import { exportForCaller } from '../editions/export'
import { mailerFor } from '../email'
import { env } from '../env'
import { messageIdFor } from './message'
import { classifyFailure, MAIL_QUEUE } from './tasks'

const local = { depth: 0, overrideAccess: true } as const

async function answer(work: () => Promise<unknown>, status = 200): Promise<Response> {
  try {
    return Response.json(await work(), { status, headers: { 'cache-control': 'private, no-store' } })
  } catch (error) {
    if (error instanceof EditionRequestError || (error instanceof APIError && error.status < 500))
      return Response.json({ errors: [{ message: error.message }] }, { status: (error as { status: number }).status })
    throw error
  }
}

const refuse = (req: PayloadRequest, message: string) => {
  throw new APIError(message, req.user ? 403 : 401, undefined, true)
}
const reportId = (req: PayloadRequest) => req.routeParams?.id as string
const who = (req: PayloadRequest) => (req.user as { email?: string } | null)?.email ?? 'okänd'

/** The report's record key and title, read as the caller may read it. */
async function reportFor(req: PayloadRequest) {
  const report = await req.payload
    .findByID({ collection: 'reports', id: reportId(req), draft: true, depth: 0, overrideAccess: false, user: req.user, req })
    .catch(() => undefined)
  if (!report) throw new EditionRequestError(`Not found: no report "${String(reportId(req)).slice(0, 40)}" that you may read`, 404)
  return report
}

const sendTest: Endpoint = {
  path: '/:id/send-test',
  method: 'post',
  handler: (req) =>
    answer(async () => {
      if (!isStaffUser(req.user)) refuse(req, 'Only editors, publishers and admins may send a test.')
      const report = await reportFor(req)
      const email = who(req)
      const html = await exportForCaller(req, report.id, { format: 'html', draft: true })
      const text = await exportForCaller(req, report.id, { format: 'text', draft: true })
      const deliveryKey = `test:${randomUUID()}`
      const settings = env()
      const subject = `[Provutskick] ${report.title}`
      let outcome: { status: 'sent' | 'failed'; smtpResponse?: string | null; error?: string | null; messageId?: string }
      try {
        const sent = await mailerFor(settings).send({ to: email, subject, html: html.body, text: text.body, messageId: messageIdFor(deliveryKey, settings) })
        outcome = { status: 'sent', smtpResponse: sent.response.slice(0, 2_000), messageId: sent.messageId }
      } catch (error) {
        const failure = classifyFailure(error)
        outcome = { status: 'failed', smtpResponse: failure.smtpResponse?.slice(0, 2_000) ?? null, error: failure.error }
      }
      const now = new Date().toISOString()
      await req.payload.create({
        collection: 'deliveries',
        data: {
          kind: 'test',
          deliveryKey,
          report: report.id,
          reportTitle: report.title,
          email,
          recipientName: (req.user as { name?: string }).name,
          attempts: 1,
          lastAttemptAt: now,
          ...(outcome.status === 'sent' ? { sentAt: now } : {}),
          requestedBy: email,
          ...outcome,
        },
        ...local,
        req,
      })
      if (outcome.status === 'failed') throw new APIError(`Provutskicket till ${email} kunde inte skickas: ${outcome.error}`, 502, undefined, true)
      return { message: `Provutskick skickat till ${email}.`, email, subject }
    }),
}

const summary: Endpoint = {
  path: '/:id/deliveries',
  method: 'get',
  handler: (req) =>
    answer(async () => {
      if (!canPublish(req.user)) refuse(req, 'Only publishers and admins may read the delivery log.')
      const report = await reportFor(req)
      const { docs } = await req.payload.find({
        collection: 'deliveries',
        where: { and: [{ report: { equals: report.id } }, { kind: { equals: 'edition' } }] },
        sort: '-editionNumber',
        pagination: false,
        ...local,
        req,
      })
      const editions = new Map<number, { edition: number; sent: number; failed: number; pending: number; failures: object[] }>()
      for (const row of docs) {
        const number = row.editionNumber ?? 0
        const entry = editions.get(number) ?? { edition: number, sent: 0, failed: 0, pending: 0, failures: [] }
        if (row.status === 'sent') entry.sent++
        else if (row.status === 'failed') {
          entry.failed++
          entry.failures.push({
            email: row.email,
            name: row.recipientName,
            list: row.listName,
            smtpResponse: row.smtpResponse,
            error: row.error,
            attempts: row.attempts,
          })
        } else entry.pending++
        editions.set(number, entry)
      }
      return { editions: [...editions.values()] }
    }),
}

const resend: Endpoint = {
  path: '/:id/resend',
  method: 'post',
  handler: (req) =>
    answer(async () => {
      if (!canPublish(req.user)) refuse(req, 'Only publishers and admins may send an edition again.')
      const report = await reportFor(req)
      const number = Number(req.searchParams.get('edition'))
      if (!Number.isInteger(number) || number < 1) throw new EditionRequestError('edition must be an edition number (1, 2, …)', 400)
      const failed = await req.payload.find({
        collection: 'deliveries',
        where: { and: [{ report: { equals: report.id } }, { editionNumber: { equals: number } }, { status: { equals: 'failed' } }] },
        pagination: false,
        ...local,
        req,
      })
      for (const row of failed.docs) {
        await req.payload.update({ collection: 'deliveries', id: row.id, data: { status: 'queued', requestedBy: who(req) }, ...local, req })
        await req.payload.jobs.queue({ task: 'deliverEdition', queue: MAIL_QUEUE, input: { deliveryId: String(row.id) }, req })
      }
      return { message: `${failed.docs.length} mottagare får utgåva ${number} igen.`, queued: failed.docs.length }
    }),
}

export const sendingEndpoints: Endpoint[] = [sendTest, summary, resend]
