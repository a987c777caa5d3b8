import { randomUUID } from 'node:crypto'

import type { CollectionBeforeChangeHook, CollectionBeforeValidateHook } from 'payload'

import { reportSlug } from '../../src/slug'

/** A report without a slug gets one from its title and compiled day (unique per report). */
export const fillSlug: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  if (!data) return data
  const title = data.title ?? originalDoc?.title
  const compiledAt = data.compiledAt ?? originalDoc?.compiledAt
  if (!data.slug && !originalDoc?.slug && title && compiledAt) {
    data.slug = reportSlug(title, compiledAt)
  }
  return data
}

/**
 * A report's record key: its identity across time, which its editions carry. Not its id: SQLite
 * gives a deleted report's id to the next report created, which would then have inherited the
 * deleted report's editions. Set once, when the report is created, and never changed.
 */
export const keepRecordKey: CollectionBeforeChangeHook = ({ data, operation, originalDoc }) => {
  // Never the caller's: a chosen key could adopt a deleted report's editions.
  data.recordKey = (operation === 'update' && originalDoc?.recordKey) || randomUUID()
  return data
}
