/**
 * The rules every piece of editorial content shares (reports, sections, communication actions,
 * spokespersons): drafts with autosave and bounded version history, the publishing guard,
 * role-based access, and the audit log. A collection states only how the public may read it.
 */
import type { Access, CollectionConfig } from 'payload'

import { isStaff, publisherOrUnpublished, staffWritesDraftsPublishersPublish } from '../access/predicates'
import { refuseBadInput } from '../access/input-guards'
import { respectDocumentLocks } from '../access/document-locks'
import { guardPublishing, publishedOnlyForReaders } from '../access/publishing'
import { cacheHooks } from '../src/cache/invalidation-hooks'
import { auditHooks } from './AuditLog/hooks'

export const MAX_VERSIONS_PER_DOCUMENT = 50

export function contentCollection(
  config: Omit<CollectionConfig, 'access' | 'versions'>,
  options: { read: Access; schedulePublish?: boolean; joins?: Record<string, string> },
): CollectionConfig {
  const hooks = config.hooks ?? {}
  const cache = cacheHooks(options.joins)
  return {
    ...config,
    access: {
      read: options.read,
      readVersions: isStaff,
      create: staffWritesDraftsPublishersPublish,
      update: staffWritesDraftsPublishersPublish,
      delete: publisherOrUnpublished,
    },
    versions: {
      drafts: {
        // Autosave keeps work safe; the explicit "Save draft" button lets an editor make sure the
        // latest change is stored before leaving (and is what publishers expect from a CMS).
        autosave: { interval: 2_000, showSaveDraftButton: true },
        ...(options.schedulePublish ? { schedulePublish: { timeFormat: 'HH:mm' } } : {}),
      },
      maxPerDoc: MAX_VERSIONS_PER_DOCUMENT,
    },
    hooks: {
      ...hooks,
      beforeOperation: [refuseBadInput, guardPublishing, respectDocumentLocks, publishedOnlyForReaders, ...auditHooks.beforeOperation, ...cache.beforeOperation, ...(hooks.beforeOperation ?? [])],
      afterRead: [...(hooks.afterRead ?? []), ...cache.afterRead],
      afterChange: [...(hooks.afterChange ?? []), ...auditHooks.afterChange, ...cache.afterChange],
      afterDelete: [...(hooks.afterDelete ?? []), ...auditHooks.afterDelete, ...cache.afterDelete],
    },
  }
}
