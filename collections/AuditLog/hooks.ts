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

export function changedFields(previous: Record<string, unknown> | undefined, next: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(previous ?? {}), ...Object.keys(next)])
  return [...keys]
    .filter((key) => !IGNORED_FIELDS.has(key) && key !== 'id' && key !== '_status')
    .filter((key) => JSON.stringify(previous?.[key] ?? null) !== JSON.stringify(next[key] ?? null))
    .sort()
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
  await req.payload.create({
    collection: 'audit-log',
    overrideAccess: true,
    req,
    depth: 0,
    data: {
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

export const auditChange: CollectionAfterChangeHook = async ({ collection, doc, operation, previousDoc, req }) => {
  let action = actionFor(operation, previousDoc, doc, req)
  if (action === 'draft' && operation === 'update' && previousDoc?._status === 'published') {
    // Distinguish "draft saved over a published document" from "unpublished": ask the main document.
    const main = await req.payload.findByID({ collection: collection.slug, id: doc.id, depth: 0, draft: false, overrideAccess: true, req, disableErrors: true })
    if ((main as { _status?: string } | null)?._status === 'draft') action = 'unpublish'
  }
  await writeEntry(req, { action, collectionSlug: collection.slug, doc, changedFields: changedFields(operation === 'create' ? undefined : previousDoc, doc) })
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

/** All audit hooks, for a collection's `hooks`. */
export const auditHooks = { afterChange: [auditChange], afterDelete: [auditDelete], beforeOperation: [markRestore] }
