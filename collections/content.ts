/**
 * The rules every piece of editorial content shares (reports, sections, communication actions,
 * spokespersons): drafts with autosave and bounded version history, the publishing guard,
 * role-based access, and the audit log. A collection states only how the public may read it.
 */
import type { Access, CollectionConfig, UIField } from 'payload'

import { isStaff, publisherOrUnpublished, staffWritesDraftsPublishersPublish } from '../access/predicates'
import { cacheHooks } from '../src/cache/invalidation-hooks'
import { REPORT_PARTS } from '../src/editions/publish-whole'
import { auditHooks } from './AuditLog/hooks'
import { respectDocumentLocks } from './hooks/document-locks'
import { hideHiddenRelationsFromFilters } from './hooks/hidden-relation-filters'
import { refuseBadInput } from './hooks/input-guards'
import { notePublicationState } from './hooks/publication-state'
import { guardPublishing, publishedOnlyForReaders } from './hooks/publishing-guard'

const MAX_VERSIONS_PER_DOCUMENT = 50

const republishNotice: UIField = {
  name: 'republishNotice',
  type: 'ui',
  admin: { components: { Field: '/admin/editions/RepublishNotice#RepublishNotice' } },
}

export function contentCollection(
  config: Omit<CollectionConfig, 'access' | 'versions'>,
  options: { read: Access; schedulePublish?: boolean; joins?: Record<string, string> },
): CollectionConfig {
  const hooks = config.hooks ?? {}
  const cache = cacheHooks(options.joins)
  // A part of reports tells its publisher which published reports still show its earlier text.
  const fields = REPORT_PARTS.some(({ collection }) => collection === config.slug) ? [republishNotice, ...config.fields] : config.fields
  return {
    ...config,
    fields,
    admin: {
      ...config.admin,
      components: {
        ...config.admin?.components,
        // Saves a document's last edits when its editor leaves it (src/admin/keep-edits/SaveOnExit.tsx).
        edit: {
          ...config.admin?.components?.edit,
          beforeDocumentControls: ['/admin/keep-edits/SaveOnExit#SaveOnExit', ...(config.admin?.components?.edit?.beforeDocumentControls ?? [])],
        },
        // "Skapa ny" asks for a title first: Payload's create view stores an empty draft the moment
        // it opens when autosave is on (src/admin/new-document/NewDocumentView.tsx).
        views: {
          ...config.admin?.components?.views,
          create: { Component: '/admin/new-document/NewDocumentView#NewDocumentView', path: '/create', exact: true },
        },
      },
    },
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
      // In this order: bad input is refused before anything reads the database; the publication
      // state is noted before the guard (and, later, the audit log and webhooks) read it; the
      // caller's read arguments are narrowed before the cache notes what the read depends on.
      beforeOperation: [
        refuseBadInput,
        notePublicationState,
        guardPublishing,
        respectDocumentLocks,
        publishedOnlyForReaders,
        hideHiddenRelationsFromFilters,
        ...auditHooks.beforeOperation,
        ...cache.beforeOperation,
        ...(hooks.beforeOperation ?? []),
      ],
      afterRead: [...(hooks.afterRead ?? []), ...cache.afterRead],
      afterChange: [...(hooks.afterChange ?? []), ...auditHooks.afterChange, ...cache.afterChange],
      afterDelete: [...(hooks.afterDelete ?? []), ...auditHooks.afterDelete, ...cache.afterDelete],
    },
  }
}
