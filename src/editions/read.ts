/**
 * What a reader gets when reading a published report: its latest edition, not its parts as they
 * are now. A shared section, action or spokesperson edited and published since then reaches the
 * report only when the report is published again. Staff keep seeing live documents and drafts.
 *
 * An afterRead hook on reports lays the edition over the document Payload built, in the same
 * shapes (ids at depth 0, documents at depth 1 or more), so REST at any depth, GraphQL, the
 * persisted queries, the export and the print view all show the edition. Every read also gets
 * `edition { number publishedAt sha256 }`.
 */
import type { CollectionAfterReadHook, PayloadRequest } from 'payload'

import { hasRole, isStaffUser } from '../../access/roles'
import { requestState } from '../../collections/hooks/request-state'
import { audiencesFor, contentFor, type EditionContent } from '../report-format/edition'
import { type EditionDoc, latestEdition, recordKeyOf } from './record'

const PART_FIELDS = ['sections', 'communicationActions', 'spokespersons'] as const

/** The edition content laid over a report document, for GraphQL's relationship resolvers (src/graphql). */
const shownEdition = new WeakMap<object, EditionContent>()
export const editionShownIn = (doc: object): EditionContent | undefined => shownEdition.get(doc)

/** The latest edition of each report read in this request, looked up once. */
function latestOnce(req: PayloadRequest, doc: { id: number | string; recordKey?: string | null }): Promise<EditionDoc | undefined> {
  const state = requestState(req) as { latestEditions?: Map<string, Promise<EditionDoc | undefined>> }
  const cache = (state.latestEditions ??= new Map())
  const key = String(doc.id)
  // A read with `select` may leave the record key out: then it is looked up.
  if (!cache.has(key)) cache.set(key, (async () => latestEdition(req, doc.recordKey ?? (await recordKeyOf(req, doc.id))))())
  return cache.get(key)!
}

/** Whether Payload populated the relationships of this read (depth >= 1) or left ids. */
function populated(doc: Record<string, unknown>, req: PayloadRequest): boolean {
  for (const field of PART_FIELDS) {
    const value = doc[field]
    if (Array.isArray(value) && value.length > 0) return typeof value[0] === 'object' && value[0] !== null
  }
  if (req.payloadAPI === 'GraphQL') return false
  return Number(req.query?.depth ?? req.payload.config.defaultDepth) >= 1
}

/** The edition's fields in the shapes of a report document read at that depth. */
export function asReportFields(content: EditionContent, withDocuments: boolean) {
  const parts = <T extends { id: number | string }>(items: T[]) => (withDocuments ? items : items.map((item) => item.id))
  return {
    title: content.title,
    subject: content.subject,
    slug: content.slug,
    compiledAt: content.compiledAt,
    audience: content.audience,
    distribution: content.distribution,
    compiledBy: content.compiledBy,
    commissionedBy: content.commissionedBy,
    collectedInformation: content.collectedInformation,
    sections: parts(content.sections),
    communicationActions: parts(content.communicationActions),
    spokespersons: parts(content.spokespersons),
  }
}

export const showLatestEdition: CollectionAfterReadHook = async ({ doc, overrideAccess, req }) => {
  // Trusted code reading with access checks off (scripts, our own hooks) reads the live documents as they are.
  if (!doc?.id || overrideAccess) return doc
  const latest = await latestOnce(req, doc)
  // Always an object, as a group field's value must be (the admin's form builds on it); null members before the first.
  const edition = { number: latest?.number ?? null, publishedAt: latest?.publishedAt ?? null, sha256: latest?.sha256 ?? null }
  // Staff see the live documents and drafts, with the latest edition's number.
  if (isStaffUser(req.user) || doc._status !== 'published' || !latest) return { ...doc, edition }
  const content = contentFor(latest.content, audiencesFor(hasRole(req.user, 'reader')))
  const shown = { ...doc, ...asReportFields(content, populated(doc, req)), edition }
  shownEdition.set(shown, content)
  return shown
}
