import type { ArrayField, CollectionAfterReadHook, CollectionBeforeReadHook, CollectionConfig } from 'payload'

import { fieldIsPublisher, isPublisher, isStaff } from '../access/predicates'
import { canPublish } from '../access/roles'
import { DISTRIBUTION_OPTIONS } from './fields/distribution'
import { bi, textField } from './fields'

/** A list the size of a whole organisation's managers; beyond this it is a mistake, not a list. */
export const MAX_RECIPIENTS = 10_000

type Recipient = { name?: string | null; email?: string | null; organisation?: string | null }

/** The same address twice in one list would be sent the report once anyway; refuse it so the list says what it does. */
function validateRecipients(value: unknown): true | string {
  const seen = new Map<string, number>()
  for (const [index, recipient] of ((value as Recipient[] | null) ?? []).entries()) {
    const email = recipient?.email?.trim().toLowerCase()
    if (!email) continue
    const first = seen.get(email)
    if (first !== undefined) return `Mottagare ${index + 1}: ${email} finns redan (mottagare ${first + 1}) / Recipient ${index + 1}: ${email} is already listed`
    seen.set(email, index)
  }
  return true
}

const recipients: ArrayField = {
  name: 'recipients',
  type: 'array',
  label: bi('Mottagare', 'Recipients'),
  labels: { singular: bi('Mottagare', 'Recipient'), plural: bi('Mottagare', 'Recipients') },
  maxRows: MAX_RECIPIENTS,
  // Personal data: editors see the list's name and how many it reaches, never who.
  access: { read: fieldIsPublisher, create: fieldIsPublisher, update: fieldIsPublisher },
  validate: validateRecipients,
  admin: { initCollapsed: true },
  fields: [
    textField('name', bi('Namn', 'Name'), { required: true }),
    { name: 'email', type: 'email', label: bi('E-post', 'E-mail'), required: true },
    textField('organisation', bi('Organisation', 'Organisation')),
  ],
}

/**
 * Field access leaves an editor an empty `recipients` array, which reads as "nobody is on this
 * list"; drop the field instead, so the count is the only answer.
 */
const hideRecipients: CollectionAfterReadHook = ({ doc, overrideAccess, req }) => {
  if (!overrideAccess && !canPublish(req.user)) delete doc.recipients
  return doc
}

/** The count is computed before field access removes the recipients from an editor's copy. */
const countRecipients: CollectionBeforeReadHook = ({ doc }) => {
  doc.recipientCount = Array.isArray(doc.recipients) ? doc.recipients.length : 0
  return doc
}

/**
 * Distribution lists ("Sändlistor"): who receives each edition of a report whose distribution
 * names the list's `distribution` value (src/sending/). Admins and publishers manage them; editors
 * see names and counts; readers and anonymous callers see nothing. Import: `npm run recipients:import`.
 */
export const DistributionLists: CollectionConfig = {
  slug: 'distribution-lists',
  labels: { singular: bi('Sändlista', 'Distribution list'), plural: bi('Sändlistor', 'Distribution lists') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'distribution', 'recipientCount', 'active', 'updatedAt'],
    description: bi(
      'Vilka som får varje utgåva av en rapport med den här sändlistan. Mottagarna är personuppgifter: bara administratörer och publicister ser dem.',
      'Who receives each edition of a report for this distribution. Recipients are personal data: only admins and publishers see them.',
    ),
  },
  defaultSort: 'name',
  access: { read: isStaff, create: isPublisher, update: isPublisher, delete: isPublisher },
  hooks: { beforeRead: [countRecipients], afterRead: [hideRecipients] },
  fields: [
    textField('name', bi('Namn', 'Name'), { required: true, unique: true, index: true }),
    {
      name: 'distribution',
      type: 'select',
      label: bi('Sändlista i rapporten', 'Report distribution'),
      required: true,
      index: true,
      options: DISTRIBUTION_OPTIONS,
      admin: { description: bi('Listan får rapporter som har detta värde i "Sändlista".', 'The list receives reports with this value in "Distribution".') },
    },
    { name: 'active', type: 'checkbox', label: bi('Aktiv', 'Active'), defaultValue: true, index: true },
    {
      name: 'recipientCount',
      type: 'number',
      label: bi('Antal mottagare', 'Recipients'),
      virtual: true,
      admin: { readOnly: true, position: 'sidebar' },
    },
    recipients,
  ],
}
