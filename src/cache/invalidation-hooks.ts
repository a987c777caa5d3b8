/**
 * Collection hooks that feed the published-read cache: reads note what a response depends on,
 * writes invalidate it (now, and again when their transaction ends: see database-events.ts).
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionAfterReadHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { levelOf } from '../auth/caller'
import { collectionDependency, documentDependency, noteDependency, noteServedTo } from './request-context'
import { writeTouched } from './registry'

type IdWhere = { id?: { equals?: unknown; in?: unknown[] } }

/**
 * A query by id depends on those documents only; any other query on the whole collection. The
 * user it runs as is noted too: a response is cached only under the level it was built for.
 */
const noteQueryDependencies: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'read') return args
  noteServedTo(levelOf(req.user))
  const { id, where } = args as { id?: unknown; where?: IdWhere }
  const byIds = requestedIds(id, where)
  if (byIds) for (const docId of byIds) noteDependency(documentDependency(collection.slug, docId))
  else noteDependency(collectionDependency(collection.slug))
  return args
}

/** The ids a read asks for when it asks by id alone (findByID, or a where on `id` only); otherwise undefined. */
function requestedIds(id: unknown, where: IdWhere | undefined): unknown[] | undefined {
  if (id !== undefined) return [id]
  if (!where || Object.keys(where).length !== 1) return undefined
  return where.id?.in ?? (where.id?.equals !== undefined ? [where.id.equals] : undefined)
}

/** Every document that ends up in a response; a join on another collection depends on all of it. */
const noteReadDocument =
  (joinedCollections: Record<string, string> = {}): CollectionAfterReadHook =>
  ({ collection, doc }) => {
    noteDependency(documentDependency(collection.slug, doc.id))
    for (const [field, joined] of Object.entries(joinedCollections)) {
      if (doc[field] !== undefined) noteDependency(collectionDependency(joined))
    }
    return doc
  }

const written = (slug: string, id: unknown) => [documentDependency(slug, id), collectionDependency(slug)]

const invalidateOnChange: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  await writeTouched(req as PayloadRequest, written(collection.slug, doc.id))
  return doc
}

const invalidateOnDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  await writeTouched(req as PayloadRequest, written(collection.slug, doc.id))
  return doc
}

export const cacheHooks = (joinedCollections?: Record<string, string>) => ({
  beforeOperation: [noteQueryDependencies],
  afterRead: [noteReadDocument(joinedCollections)],
  afterChange: [invalidateOnChange],
  afterDelete: [invalidateOnDelete],
})
