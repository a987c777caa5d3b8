/**
 * Claiming a delivery: one conditional write that moves the row from a waiting status to
 * "sending" only if it still has that status. Of two job runners (or a job and its duplicate)
 * exactly one gets the row back and sends; the other sees nothing to do. Payload's Local API
 * reads and then writes (updateMany selects ids first), so the claim goes to the database
 * directly: one UPDATE … WHERE … RETURNING in SQL, findOneAndUpdate in MongoDB.
 */
import { and, eq, inArray, sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

import type { MailDeliveryStatus } from '../../collections/Deliveries'

type Id = number | string

interface DrizzleLike {
  drizzle: { update: (table: unknown) => any }
  tables: Record<string, any>
}

interface MongooseLike {
  collections: Record<string, { findOneAndUpdate: (filter: object, update: object, options: object) => Promise<unknown> }>
}

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
