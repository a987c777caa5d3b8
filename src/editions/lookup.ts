/**
 * Finding the edition a caller asks for: the latest, number N, or the one readers saw at an
 * instant ("as of"). Access is the editions' own (the report's audience rules), so a records
 * request for a past edition works even if the report has since been unpublished.
 */
import type { PayloadRequest, Where } from 'payload'

import { parseStockholm } from '../report-format/stockholm-time'
import type { EditionDoc } from './record'

export type EditionQuery = { edition?: number; asOf?: Date }

export class EditionRequestError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404,
  ) {
    super(message)
  }
}

/** "2025-04-05T12:00" or "2025-04-05 12:00" is Stockholm time; an ISO instant with a zone is that instant. */
export function parseAsOf(text: string): Date {
  const local = /^\s*(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2}))?\s*$/.exec(text)
  const minute = local ? parseStockholm(`${local[1]} ${local[2]}`) : undefined
  const instant = minute
    ? new Date(minute.getTime() + Number(local?.[3] ?? 0) * 1000)
    : /(?:Z|[+-]\d{2}:?\d{2})$/.test(text.trim())
      ? new Date(text)
      : undefined
  if (!instant || Number.isNaN(instant.getTime())) {
    throw new EditionRequestError(`"as of" must be a Stockholm time such as 2025-04-05T12:00 (or an ISO instant with a zone); got "${text.slice(0, 40)}"`, 400)
  }
  return instant
}

export function parseEditionNumber(text: string): number {
  if (!/^[1-9]\d{0,8}$/.test(text)) throw new EditionRequestError(`edition must be a number 1, 2, …; got "${text.slice(0, 40)}"`, 400)
  return Number(text)
}

/**
 * The requested edition of a report, as the caller may read it (`trusted` scripts read all);
 * a missing one is an error naming what was asked for.
 */
export async function findEdition(req: PayloadRequest, reportKey: string, query: EditionQuery, trusted = false): Promise<EditionDoc> {
  const conditions: Where[] = [{ reportKey: { equals: reportKey } }]
  if (query.edition !== undefined) conditions.push({ number: { equals: query.edition } })
  if (query.asOf) conditions.push({ publishedAt: { less_than_equal: query.asOf.toISOString() } })
  const { docs } = await req.payload.find({
    collection: 'editions',
    where: { and: conditions },
    sort: '-number',
    limit: 1,
    depth: 0,
    overrideAccess: trusted,
    user: trusted ? undefined : req.user,
    req,
  })
  const found = docs[0] as unknown as EditionDoc | undefined
  if (found) return found
  if (query.edition !== undefined) throw new EditionRequestError(`Not found: the report has no edition ${query.edition} that you may read`, 404)
  if (query.asOf)
    throw new EditionRequestError(`Not found: the report was not published at ${query.asOf.toISOString()} (no edition you may read was published by then)`, 404)
  throw new EditionRequestError(`Not found: the report has no published edition that you may read`, 404)
}
