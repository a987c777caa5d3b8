/**
 * Recording editions: when a report is published (by hand, by schedule, by restoring a published
 * version, by an import), its content as readers now see it becomes edition N+1, unless it equals
 * edition N. Runs in the publishing transaction, so a publication and its edition are one.
 */
import { randomUUID } from 'node:crypto'

import { type CollectionAfterChangeHook, createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { requestState } from '../../collections/hooks/request-state'
import { type EditionContent, editionText, sameContent } from '../report-format/edition'
import { publishedContent } from './snapshot'

type Id = number | string

export interface EditionDoc {
  id: Id
  /** The report's record key (collections/Reports/hooks.ts): the record outlives a deleted report. */
  reportKey: string
  /** The report, while it exists. */
  report?: Id | null
  number: number
  publishedAt: string
  publishedBy?: string
  audience: 'internal' | 'public'
  title: string
  slug: string
  content: EditionContent
  text: string
  sha256: string
}

/**
 * A report's record key, by its id (undefined if there is no such report). Straight from the
 * database: a read through Payload would run the reports' read hooks, which look this up.
 */
export async function recordKeyOf(req: PayloadRequest, reportId: Id): Promise<string | undefined> {
  const report = await req.payload.db.findOne<{ id: Id; recordKey?: string | null }>({
    collection: 'reports',
    where: { id: { equals: reportId } },
    select: { recordKey: true },
    req,
  })
  return report?.recordKey ?? undefined
}

/** The edition readers saw at `asOf` (default: now), or undefined before the first. */
export async function latestEdition(req: PayloadRequest, reportKey: string | undefined, asOf?: Date): Promise<EditionDoc | undefined> {
  if (!reportKey) return undefined
  const { docs } = await req.payload.find({
    collection: 'editions',
    where: { and: [{ reportKey: { equals: reportKey } }, ...(asOf ? [{ publishedAt: { less_than_equal: asOf.toISOString() } }] : [])] },
    sort: '-number',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0] as unknown as EditionDoc | undefined
}

const publisherName = (user: PayloadRequest['user']) => {
  const person = user as { name?: string; email?: string } | null | undefined
  if (!person) return 'system'
  return person.name ? `${person.name} (${person.email})` : (person.email ?? 'system')
}

/** Records the report's published content as a new edition if it differs from the latest; returns the latest. */
export async function recordEdition(req: PayloadRequest, reportId: Id): Promise<EditionDoc | undefined> {
  const content = await publishedContent(req, reportId)
  const reportKey = await recordKeyOf(req, reportId)
  if (!content || !reportKey) return undefined
  const latest = await latestEdition(req, reportKey)
  if (latest && sameContent(latest.content, content)) return latest
  const { text, sha256 } = editionText(content)
  const state = requestState(req)
  state.recordingEdition = true
  try {
    const edition = await req.payload.create({
      collection: 'editions',
      data: {
        report: reportId as number,
        reportKey,
        number: (latest?.number ?? 0) + 1,
        publishedAt: new Date().toISOString(),
        publishedBy: publisherName(req.user),
        title: content.title,
        slug: content.slug,
        subject: content.subject,
        compiledAt: content.compiledAt,
        audience: content.audience,
        content: content as never,
        text,
        sha256,
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
    ;(state.recordedEditions ??= new Map()).set(String(reportId), edition.id)
    return edition as unknown as EditionDoc
  } finally {
    requestState(req).recordingEdition = false
  }
}

export const recordEditionOnPublish: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (doc._status === 'published') await recordEdition(req, doc.id)
  return doc
}

/**
 * Published reports without an edition (from before editions existed) get edition 1 of their
 * content now, and reports without a record key (the same age) get one.
 */
export async function backfillEditions(payload: Payload, req?: PayloadRequest): Promise<number> {
  const local = req ?? (await createLocalReq({}, payload))
  const all = { depth: 0, pagination: false, overrideAccess: true, req: local } as const
  const keyless = await payload.find({ collection: 'reports', where: { recordKey: { exists: false } }, select: { title: true }, ...all })
  for (const report of keyless.docs) {
    await payload.db.updateOne({ collection: 'reports', id: report.id, data: { recordKey: randomUUID() }, req: local, returning: false })
  }
  const recorded = await payload.find({ collection: 'editions', select: { reportKey: true }, ...all })
  const withEdition = new Set(recorded.docs.map((edition) => edition.reportKey))
  const published = await payload.find({
    collection: 'reports',
    where: { _status: { equals: 'published' } },
    draft: false,
    select: { recordKey: true },
    ...all,
  })
  let count = 0
  for (const report of published.docs) {
    if (withEdition.has(report.recordKey ?? '')) continue
    await recordEdition(local, report.id)
    count++
  }
  return count
}
