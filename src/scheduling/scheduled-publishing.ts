/**
 * Scheduled publishing and unpublishing, with the rules Payload's own `schedule-publish` server
 * function lacks (Payload 3.90.2, @payloadcms/ui utilities/schedulePublishHandler.js): it checks
 * only admin-panel access, so an editor could schedule, and it deletes any job by id with access
 * checks off, so an editor could cancel a publisher's schedule; it also accepts a time in the past,
 * which the job runner then carries out at once. Here:
 *  - only a user who may publish schedules or cancels;
 *  - the time must lie ahead (an embargoed report must never go out early because of a typing slip);
 *  - scheduling and cancelling are written to the audit log, in the same transaction.
 * The job is Payload's own `schedulePublish` task: it publishes as the user who scheduled it,
 * with that user's access, so a publisher who lost the role meanwhile publishes nothing.
 */
import { APIError, commitTransaction, initTransaction, killTransaction, type PayloadRequest, type Where } from 'payload'

import { canPublish } from '../../access/roles'
import { writeAuditEntry } from '../../collections/AuditLog/hooks'
import { formatStockholm } from '../report-format/stockholm-time'

const SCHEDULE_TASK = 'schedulePublish'
const SCHEDULE_TYPES = ['publish', 'unpublish'] as const
type ScheduleType = (typeof SCHEDULE_TYPES)[number]

interface ScheduledEvent {
  id: number | string
  type: ScheduleType
  /** ISO instant (UTC). */
  at: string
}

interface ScheduleJob {
  id: number | string
  waitUntil?: string | null
  input?: { type?: string; doc?: { relationTo?: string; value?: unknown } | null } | null
}

const refuse = (message: string, status: number) => new APIError(message, status, undefined, true)

/** The job and its audit entry are written together or not at all. */
async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const owns = await initTransaction(req)
  try {
    const result = await work()
    if (owns) await commitTransaction(req)
    return result
  } catch (error) {
    if (owns) await killTransaction(req)
    throw error
  }
}

function assertMayPublish(req: PayloadRequest) {
  if (!canPublish(req.user)) throw refuse('Only a publisher can schedule or cancel publishing.', 403)
}

const upcomingWhere = (collection: string, id: number | string): Where => ({
  and: [
    { taskSlug: { equals: SCHEDULE_TASK } },
    { 'input.doc.relationTo': { equals: collection } },
    { 'input.doc.value': { equals: String(id) } },
    { completedAt: { exists: false } },
    { processing: { equals: false } },
    { hasError: { not_equals: true } },
  ],
})

const toEvent = (job: ScheduleJob): ScheduledEvent => ({
  id: job.id,
  type: job.input?.type === 'unpublish' ? 'unpublish' : 'publish',
  at: new Date(job.waitUntil ?? 0).toISOString(),
})

/** The document as its caller may see it (404 otherwise): nobody schedules what they cannot read. */
async function readableDocument(req: PayloadRequest, collection: string, id: number | string) {
  const doc = await req.payload.findByID({
    collection: collection as 'reports',
    id,
    depth: 0,
    draft: true,
    overrideAccess: false,
    user: req.user,
    req,
    disableErrors: true,
  })
  if (!doc) throw refuse(`No ${collection} document with id ${String(id).slice(0, 40)}.`, 404)
  return doc as unknown as Record<string, unknown>
}

export async function upcomingSchedule(req: PayloadRequest, collection: string, id: number | string): Promise<ScheduledEvent[]> {
  assertMayPublish(req)
  await readableDocument(req, collection, id)
  const { docs } = await req.payload.find({
    collection: 'payload-jobs',
    where: upcomingWhere(collection, id),
    sort: 'waitUntil',
    limit: 100,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return (docs as unknown as ScheduleJob[]).map(toEvent)
}

/** Parses and checks the requested time: a valid instant, ahead of now. */
function scheduleTime(value: unknown, now = new Date()): Date {
  const at = typeof value === 'string' || value instanceof Date ? new Date(value) : new Date(Number.NaN)
  if (Number.isNaN(at.getTime())) throw refuse('"at" must be an ISO 8601 instant, e.g. 2026-12-01T21:34:00Z.', 400)
  if (at.getTime() <= now.getTime()) {
    throw refuse(`The time ${formatStockholm(at)} (Stockholm) has already passed: choose a time ahead.`, 400)
  }
  return at
}

export async function schedulePublishing(
  req: PayloadRequest,
  target: { collection: string; id: number | string; type: unknown; at: unknown },
): Promise<ScheduledEvent> {
  assertMayPublish(req)
  if (!SCHEDULE_TYPES.includes(target.type as ScheduleType)) throw refuse(`"type" must be one of ${SCHEDULE_TYPES.join(', ')}.`, 400)
  const type = target.type as ScheduleType
  const at = scheduleTime(target.at)
  const doc = await readableDocument(req, target.collection, target.id)
  return inTransaction(req, async () => {
    const job = await req.payload.jobs.queue({
      task: SCHEDULE_TASK,
      input: { type, doc: { relationTo: target.collection, value: String(target.id) }, user: { relationTo: 'users', value: req.user!.id } } as never,
      waitUntil: at,
      req,
    })
    await writeAuditEntry(req, { action: 'schedule', collectionSlug: target.collection, doc, detail: `${type} ${formatStockholm(at)}` })
    return { id: job.id, type, at: at.toISOString() }
  })
}

/** Cancels a scheduled event; `of` (when given) is the document it must belong to. */
export async function cancelScheduledPublishing(
  req: PayloadRequest,
  jobId: unknown,
  of?: { collection: string; id: number | string },
): Promise<ScheduledEvent> {
  assertMayPublish(req)
  const found = await req.payload.find({
    collection: 'payload-jobs',
    where: { and: [{ id: { equals: jobId } }, { taskSlug: { equals: SCHEDULE_TASK } }, { completedAt: { exists: false } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const job = found.docs[0] as unknown as ScheduleJob | undefined
  const target = job?.input?.doc
  const belongs = target?.relationTo && (!of || (target.relationTo === of.collection && String(target.value) === String(of.id)))
  if (!job || !belongs) throw refuse(`No scheduled publishing with id ${String(jobId).slice(0, 40)}.`, 404)
  const doc = await readableDocument(req, target.relationTo!, target.value as string)
  const event = toEvent(job)
  return inTransaction(req, async () => {
    await req.payload.delete({ collection: 'payload-jobs', id: job.id, overrideAccess: true, req })
    const detail = `${event.type} ${formatStockholm(new Date(event.at))}`
    await writeAuditEntry(req, { action: 'cancelSchedule', collectionSlug: target.relationTo!, doc, detail })
    return event
  })
}

/**
 * Payload's admin calls its `schedule-publish` server function (POST /admin with a Next-Action
 * header) to schedule or cancel; the layout routes it here so that path obeys the same rules.
 */
export async function schedulePublishServerFunction(args: {
  req: PayloadRequest
  type?: unknown
  date?: unknown
  deleteID?: unknown
  doc?: { relationTo?: string; value?: unknown }
  global?: unknown
}): Promise<{ message: string } | { error: string }> {
  try {
    if (args.deleteID !== undefined && args.deleteID !== null) {
      await cancelScheduledPublishing(args.req, args.deleteID)
    } else if (args.doc?.relationTo) {
      const target = { collection: args.doc.relationTo, id: args.doc.value as string, type: args.type ?? 'publish', at: args.date }
      await schedulePublishing(args.req, target)
    } else {
      throw refuse('Scheduling needs a document.', 400)
    }
    return { message: args.req.t('general:success') }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}
