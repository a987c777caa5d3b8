/**
 * Claiming a delivery: one conditional write that moves the row from a waiting status to
 * "sending" only if it still has that status. Of two job runners (or a job and its duplicate)
 * exactly one gets the row back and sends; the other sees nothing to do. Payload's Local API
 * reads and then writes (updateMany selects ids first), so the claim goes to the database
 * directly: one UPDATE … WHERE … RETURNING in SQL, findOneAndUpdate in MongoDB.
 *
 * A claim is a lease: while the message is handed to SMTP, its process renews the row's
 * `updatedAt` (renewClaim). A process killed mid-send renews nothing, and its row would say
 * "sending" forever; failStaleClaims turns such rows into "failed" with a reason saying nobody
 * knows whether the mail arrived. They are never resent automatically (the SMTP server may have
 * taken the message before the process died): a person chooses "Skicka igen".
 */
import { and, eq, inArray, lt, sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

import type { MailDeliveryStatus } from '../../collections/Deliveries'

type Id = number | string

interface DrizzleLike {
  drizzle: { update: (table: unknown) => any }
  tables: Record<string, any>
}

interface MongoModel {
  findOneAndUpdate: (filter: object, update: object, options: object) => Promise<unknown>
  updateMany: (filter: object, update: object) => Promise<{ modifiedCount: number }>
  countDocuments: (filter: object) => Promise<number>
}

interface MongooseLike {
  collections: Record<string, MongoModel>
}

/** The reason a stale claim gives, in the delivery log and the report's list of failures. */
export const INTERRUPTED =
  'Avbrutet under sändning: okänt om det nådde fram. Välj "Skicka igen" om mottagaren inte fick det. ' +
  '(Interrupted while sending: unknown whether it arrived.)'

/** Moves delivery `id` from one of `from` to "sending", counting the attempt; true if this caller got it. */
export async function claimDelivery(payload: Payload, id: Id, from: readonly MailDeliveryStatus[]): Promise<boolean> {
  const now = new Date().toISOString()
  if (payload.db.name === 'mongoose') {
    const model = (payload.db as unknown as MongooseLike).collections.deliveries
    const claimed = await model.findOneAndUpdate(
      { _id: id, status: { $in: from } },
      { $set: { status: 'sending', lastAttemptAt: new Date(now), updatedAt: new Date(now) }, $inc: { attempts: 1 } },
      { new: true },
    )
    return Boolean(claimed)
  }
  const db = payload.db as unknown as DrizzleLike
  const table = db.tables.deliveries
  const rows: unknown[] = await db.drizzle
    .update(table)
    .set({ status: 'sending', attempts: sql`coalesce(${table.attempts}, 0) + 1`, lastAttemptAt: now, updatedAt: now })
    .where(and(eq(table.id, id), inArray(table.status, [...from])))
    .returning({ id: table.id })
  return rows.length === 1
}

/** Renews this process's claim on a delivery it is sending (the lease's heartbeat). */
export async function renewClaim(payload: Payload, id: Id): Promise<void> {
  const now = new Date().toISOString()
  if (payload.db.name === 'mongoose') {
    await (payload.db as unknown as MongooseLike).collections.deliveries.updateMany({ _id: id, status: 'sending' }, { $set: { updatedAt: new Date(now) } })
    return
  }
  const db = payload.db as unknown as DrizzleLike
  const table = db.tables.deliveries
  await db.drizzle
    .update(table)
    .set({ updatedAt: now })
    .where(and(eq(table.id, id), eq(table.status, 'sending')))
}

/**
 * Fails every delivery whose claim was not renewed for `leaseMs`: its process died mid-send.
 * Counts first, so that the usual case (nothing stale) never takes SQLite's write lock.
 */
export async function failStaleClaims(payload: Payload, leaseMs: number): Promise<number> {
  const cutoff = new Date(Date.now() - leaseMs).toISOString()
  if (payload.db.name === 'mongoose') {
    const model = (payload.db as unknown as MongooseLike).collections.deliveries
    const stale = { status: 'sending', updatedAt: { $lt: new Date(cutoff) } }
    if ((await model.countDocuments(stale)) === 0) return 0
    const { modifiedCount } = await model.updateMany(stale, { $set: { status: 'failed', error: INTERRUPTED, smtpResponse: null, updatedAt: new Date() } })
    return modifiedCount
  }
  const db = payload.db as unknown as DrizzleLike & { drizzle: { select: (fields: object) => any } }
  const table = db.tables.deliveries
  const stale = and(eq(table.status, 'sending'), lt(table.updatedAt, cutoff))
  const [{ count }] = await db.drizzle
    .select({ count: sql<number>`count(*)` })
    .from(table)
    .where(stale)
  if (Number(count) === 0) return 0
  const rows: unknown[] = await db.drizzle
    .update(table)
    .set({ status: 'failed', error: INTERRUPTED, smtpResponse: null, updatedAt: new Date().toISOString() })
    .where(stale)
    .returning({ id: table.id })
  return rows.length
}
