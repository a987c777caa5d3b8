/**
 * What a write does to what readers see, decided once per operation. Only the main document
 * tells: a draft saved over a published document and an unpublish both arrive with
 * `_status: 'draft'`, and afterChange's previousDoc is the newest version, not the main document.
 * So before a write to main documents (an update or restore without `draft`), this hook reads
 * which of the targeted documents are published now, with one query, and keeps the answer in
 * `req.context`. The publishing guard, the audit log and the webhooks read it from there.
 */
import type { CollectionBeforeOperationHook, PayloadRequest, Where } from 'payload'

import { requestState } from './request-state'

const keyOf = (collection: string, id: unknown) => `${collection}:${String(id)}`

function startState(req: PayloadRequest): Map<string, boolean> {
  return (requestState(req).publishedAtStart ??= new Map())
}

/**
 * Whether the document's main version was published when the current write to it began:
 * undefined when the write did not touch the main document (a draft version, or a create).
 */
export function wasPublishedAtStart(req: PayloadRequest, collection: string, id: unknown): boolean | undefined {
  return requestState(req).publishedAtStart?.get(keyOf(collection, id))
}

/** The documents a write targets: by id, by the restored version's parent, or by a bulk update's where. */
async function targetsOf(args: Record<string, unknown>, collection: string, operation: string, req: PayloadRequest): Promise<Where | undefined> {
  if (operation === 'update') return args.id !== undefined ? { id: { equals: args.id } } : (args.where as Where | undefined)
  const version = await req.payload.findVersionByID({
    collection: collection as never,
    id: args.id as string,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  const parent = (version as { parent?: unknown } | null)?.parent
  return parent === undefined ? undefined : { id: { equals: parent } }
}

export const notePublicationState: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (!collection.versions?.drafts || (operation !== 'update' && operation !== 'restoreVersion')) return args
  const { draft, id } = args as { draft?: boolean; id?: unknown }
  const written = draft && operation === 'update' ? [] : await publishedStatusOfTargets(args as Record<string, unknown>, collection.slug, operation, req)
  const state = startState(req)
  // An earlier write in this request may have noted the document: this write starts afresh.
  if (id !== undefined && operation === 'update') state.delete(keyOf(collection.slug, id))
  for (const doc of written) {
    if (draft) state.delete(keyOf(collection.slug, doc.id))
    else state.set(keyOf(collection.slug, doc.id), doc._status === 'published')
  }
  return args
}

async function publishedStatusOfTargets(args: Record<string, unknown>, collection: string, operation: string, req: PayloadRequest) {
  const target = await targetsOf(args, collection, operation, req)
  if (!target) return []
  const { docs } = await req.payload.find({
    collection: collection as never,
    where: target,
    select: { _status: true } as never,
    draft: false,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs as unknown as { id: unknown; _status?: string }[]
}
