import type { Where } from 'payload'

/**
 * The reports the admin lists (the report list, the desk): those with a title. Only a draft can lack
 * one, and before "Skapa ny" stored nothing until a title was given (src/admin/new-document), merely
 * opening it left such an empty draft behind.
 */
export const LISTED_REPORTS: Where = { and: [{ title: { exists: true } }, { title: { not_equals: '' } }] }
