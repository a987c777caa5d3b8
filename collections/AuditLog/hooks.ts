/**
 * Hooks that write the audit log. They pass `req` so the entry is written in the same
 * transaction as the change (SQLite, PostgreSQL, MongoDB replica sets): no change without
 * its entry, no entry without its change.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import type { AuditAction } from '.'

/** Fields that change on every save or hold secrets; never listed as "changed". */
const IGNORED_FIELDS = new Set(['updatedAt', 'createdAt', 'salt', 'hash', 'password', 'apiKey', 'apiKeyIndex', 'sessions', 'loginAttempts', 'lockUntil', 'resetPasswordToken', 'resetPasswordExpiration', 'usedInReports'])

const RESTORING = Symbol('lagesbild.restoringVersion')
/** `collection:id` of documents whose main version was published when an update began. */
const PUBLISHED_BEFORE = Symbol('lagesbild.publishedBeforeUpdate')

function publishedBefore(req: PayloadRequest): Set<string> {
  const context = req.context as Record<symbol, Set<string> | undefined>
  return (context[PUBLISHED_BEFORE] ??= new Set())
}

/**
 * A value as stored: afterChange's `doc` has relationships populated to the request's depth
 * while `previousDoc` holds ids, so a related document (it has timestamps; array rows do not)
 * counts as its id.
 */
/** A relationship holds ids; after a read with depth it holds documents. Compare the ids. */
const idsOf = (value: unknown) =>
  Array.isArray(value) ? value.map((item) => (item && typeof item === 'object' && 'id' in item ? item.id : item)) : value && typeof value === 'object' && 'id' in value ? value.id : value

export function changedFields(
  previous: Record<string, unknown> | undefined,
  next: Record<string, unknown>,
  relationshipFields: ReadonlySet<string> = new Set(),
): string[] {
  const stored = (key: string, doc: Record<string, unknown> | undefined) =>
    JSON.stringify(relationshipFields.has(key) ? idsOf(doc?.[key]) ?? null : doc?.[key] ?? null)
  const keys = new Set([...Object.keys(previous ?? {}), ...Object.keys(next)])
  return [...keys]
    .filter((key) => !IGNORED_FIELDS.has(key) && key !== 'id' && key !== '_status')
    .filter((key) => stored(key, previous) !== stored(key, next))
    .sort()
}

function relationshipFieldsOf(collection: { fields: { type: string; name?: string }[] }): Set<string> {
  return new Set(collection.fields.filter((f) => (f.type === 'relationship' || f.type === 'upload') && f.name).map((f) => f.name!))
}

function actionFor(operation: 'create' | 'update', previous: Record<string, any> | undefined, doc: Record<string, any>, req: PayloadRequest): AuditAction {
  if ((req.context as Record<symbol, unknown>)[RESTORING]) return 'restore'
  if (operation === 'create') return doc._status === 'published' || doc._status === undefined ? 'create' : 'draft'
  if (doc._status === 'published' && previous?._status !== 'published') return 'publish'
  if (doc._status === 'draft' && previous?._status === 'published') {
    // Saving a draft over a published document leaves it published; only an unpublish changes the main status.
    return 'draft'
  }
  if (doc._status === 'draft') return 'draft'
  return 'update'
}

function summaryOf(doc: Record<string, any>): string {
  return String(doc.title ?? doc.name ?? doc.email ?? doc.id).slice(0, 200)
}

async function writeEntry(req: PayloadRequest, entry: { action: AuditAction; collectionSlug: string; doc: Record<string, any>; changedFields?: string[] }) {
  // Straight to the database adapter: the entry needs no hooks, access or validation, and a
  // full create per change would double the cost of every write (and of every import).
  await req.payload.db.create({
    collection: 'audit-log',
    req,
    data: {
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      action: entry.action,
      collectionSlug: entry.collectionSlug,
      documentId: String(entry.doc.id),
      summary: summaryOf(entry.doc),
      user: req.user?.collection === 'users' ? (req.user.id as number) : undefined,
      userEmail: (req.user as { email?: string } | null)?.email ?? 'system',
      changedFields: entry.changedFields ?? [],
    },
  })
}

export const auditChange: CollectionAfterChangeHook = async ({ collection, data, doc, operation, previousDoc, req }) => {
  // A caller's `select` trims `doc` (e.g. to its id); what was written is the previous document plus `data`.
  const written = { ...(operation === 'update' ? previousDoc : {}), ...data, ...doc }
  let action = actionFor(operation, previousDoc, written, req)
  const key = `${collection.slug}:${doc.id}`
  // A draft written to a document that was published is an unpublish, whatever the newest version was.
  if (action === 'draft' && operation === 'update' && publishedBefore(req).has(key)) action = 'unpublish'
  publishedBefore(req).delete(key)
  await writeEntry(req, { action, collectionSlug: collection.slug, doc: written, changedFields: changedFields(operation === 'create' ? undefined : previousDoc, written, relationshipFieldsOf(collection)) })
  return doc
}

export const auditDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  await writeEntry(req, { action: 'delete', collectionSlug: collection.slug, doc })
  return doc
}

/** Marks a restore so the change it causes is logged as "restore", not as a plain update. */
export const markRestore: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'restoreVersion') (req.context as Record<symbol, unknown>)[RESTORING] = true
  return args
}

/**
 * Before an update that writes the main document (no `draft` flag), notes whether that document
 * is published: only this tells "unpublished" from "draft saved", because afterChange's
 * previousDoc is the newest version, which may be a draft saved over the published document.
 */
export const notePublishedBeforeUpdate: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  const { data, draft, id } = args as { data?: { _status?: string }; draft?: boolean; id?: number | string }
  if (operation !== 'update' || draft || id === undefined || data?._status === 'published' || !collection.versions?.drafts) return args
  const main = await req.payload.findByID({ collection: collection.slug, id, depth: 0, draft: false, overrideAccess: true, disableErrors: true, req })
  const key = `${collection.slug}:${id}`
  if ((main as { _status?: string } | null)?._status === 'published') publishedBefore(req).add(key)
  else publishedBefore(req).delete(key)
  return args
}

/** All audit hooks, for a collection's `hooks`. */
export const auditHooks = { afterChange: [auditChange], afterDelete: [auditDelete], beforeOperation: [markRestore, notePublishedBeforeUpdate] }
