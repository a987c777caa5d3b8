import type { CollectionBeforeValidateHook } from 'payload'

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
