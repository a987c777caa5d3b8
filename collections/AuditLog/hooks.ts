/**
 * Hooks that write the audit log. They pass `req` so the entry is written in the same
 * transaction as the change (SQLite, PostgreSQL, MongoDB replica sets): no change without
 * its entry, no entry without its change.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { wasPublishedAtStart } from '../hooks/publication-state'
import { requestState } from '../hooks/request-state'
import type { AuditAction } from '.'

/** Fields that change on every save or hold secrets; never listed as "changed". */
const IGNORED_FIELDS = new Set([
  'updatedAt',
  'createdAt',
  'salt',
  'hash',
  'password',
  'apiKey',
  'apiKeyIndex',
  'sessions',
  'loginAttempts',
  'lockUntil',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'usedInReports',
  // Computed on read (the latest edition), never stored.
  'edition',
])

/**
 * A relationship holds ids; afterChange's `doc` has them populated to the request's depth while
 * `previousDoc` holds ids. Compare the ids.
 */
const idOf = (value: unknown) => (value && typeof value === 'object' && 'id' in value ? value.id : value)
const idsOf = (value: unknown) => (Array.isArray(value) ? value.map((item) => idOf(item)) : idOf(value))

function changedFields(
  previous: Record<string, unknown> | undefined,
  next: Record<string, unknown>,
  relationshipFields: ReadonlySet<string> = new Set(),
): string[] {
  const stored = (key: string, doc: Record<string, unknown> | undefined) =>
    JSON.stringify(relationshipFields.has(key) ? (idsOf(doc?.[key]) ?? null) : (doc?.[key] ?? null))
  const keys = new Set([...Object.keys(previous ?? {}), ...Object.keys(next)])
  return [...keys]
    .filter((key) => !IGNORED_FIELDS.has(key) && key !== 'id' && key !== '_status')
    .filter((key) => stored(key, previous) !== stored(key, next))
    .sort()
}

function relationshipFieldsOf(collection: { fields: { type: string; name?: string }[] }): Set<string> {
  return new Set(collection.fields.filter((f) => (f.type === 'relationship' || f.type === 'upload') && f.name).map((f) => f.name!))
}

function actionFor(
  collection: string,
  operation: 'create' | 'update',
  previous: Record<string, any> | undefined,
  doc: Record<string, any>,
  req: PayloadRequest,
): AuditAction {
  const state = requestState(req)
  if (state.restoring) return 'restore'
  // A review step (src/reports/review.ts) is a draft save that the log names for what it means.
  if (state.review) return state.review.action
  if (operation === 'create') return doc._status === 'draft' ? 'draft' : 'create'
  if (doc._status === 'published') return previous?._status === 'published' ? 'update' : 'publish'
  // A draft written to the main document of a published one takes it down; any other draft leaves readers' view alone.
  if (doc._status === 'draft') return wasPublishedAtStart(req, collection, doc.id) ? 'unpublish' : 'draft'
  return 'update'
}

function summaryOf(doc: Record<string, any>): string {
  return String(doc.title ?? doc.name ?? doc.email ?? doc.id).slice(0, 200)
}

export async function writeAuditEntry(
  req: PayloadRequest,
  entry: { action: AuditAction; collectionSlug: string; doc: Record<string, any>; changedFields?: string[]; detail?: string },
) {
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
      ...(entry.detail ? { detail: entry.detail } : {}),
    },
  })
}

const auditChange: CollectionAfterChangeHook = async ({ collection, data, doc, operation, previousDoc, req }) => {
  // A caller's `select` trims `doc` (e.g. to its id); what was written is the previous document plus `data`.
  const written = { ...(operation === 'update' ? previousDoc : {}), ...data, ...doc }
  const action = actionFor(collection.slug, operation, previousDoc, written, req)
  const changed = changedFields(operation === 'create' ? undefined : previousDoc, written, relationshipFieldsOf(collection))
  const detail = requestState(req).review?.note ?? undefined
  await writeAuditEntry(req, { action, collectionSlug: collection.slug, doc: written, changedFields: changed, detail })
  return doc
}

const auditDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  await writeAuditEntry(req, { action: 'delete', collectionSlug: collection.slug, doc })
  return doc
}

/** Marks a restore so the change it causes is logged as "restore", not as a plain update. */
const markRestore: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'restoreVersion') requestState(req).restoring = true
  return args
}

/** All audit hooks, for a collection's `hooks`. */
export const auditHooks = { afterChange: [auditChange], afterDelete: [auditDelete], beforeOperation: [markRestore] }
