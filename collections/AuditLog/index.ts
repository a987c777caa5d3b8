import type { CollectionConfig } from 'payload'

import { isPublisher, nobody } from '../../access/predicates'
import { bi, bilingualOptions, textField } from '../fields'

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'draft',
  'publish',
  'unpublish',
  'delete',
  'restore',
  'schedule',
  'cancelSchedule',
  'readyForReview',
  'sentBack',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/**
 * Who changed what, when. Written only by hooks inside the change's own transaction; no API
 * can create, change or delete an entry. Admins and publishers may read it.
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: bi('Händelse', 'Audit entry'), plural: bi('Ändringslogg', 'Audit log') },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['createdAt', 'action', 'collectionSlug', 'summary', 'userEmail'],
    description: bi('Varje ändring av innehåll och användare. Kan inte ändras.', 'Every change to content and users. Cannot be edited.'),
  },
  defaultSort: '-createdAt',
  access: { read: isPublisher, create: nobody, update: nobody, delete: nobody },
  // The log is its own record: versioning or locking it would only add noise.
  lockDocuments: false,
  fields: [
    {
      name: 'action',
      type: 'select',
      label: bi('Händelse', 'Action'),
      required: true,
      index: true,
      options: bilingualOptions([
        ['create', 'Skapad', 'Created'],
        ['update', 'Ändrad', 'Updated'],
        ['draft', 'Utkast sparat', 'Draft saved'],
        ['publish', 'Publicerad', 'Published'],
        ['unpublish', 'Avpublicerad', 'Unpublished'],
        ['delete', 'Raderad', 'Deleted'],
        ['restore', 'Version återställd', 'Version restored'],
        ['schedule', 'Schemalagd', 'Scheduled'],
        ['cancelSchedule', 'Schemaläggning borttagen', 'Schedule cancelled'],
        ['readyForReview', 'Klar för granskning', 'Ready for review'],
        ['sentBack', 'Skickad tillbaka', 'Sent back'],
      ]),
    },
    textField('collectionSlug', bi('Samling', 'Collection'), { required: true, index: true }),
    textField('documentId', bi('Dokument-id', 'Document id'), { required: true, index: true }),
    textField('summary', bi('Dokument', 'Document')),
    { name: 'user', type: 'relationship', relationTo: 'users', label: bi('Användare', 'User'), index: true },
    textField('userEmail', bi('Användarens e-post', 'User email'), {
      description: bi('Sparas även om användaren tas bort.', 'Kept even if the user is deleted.'),
    }),
    { name: 'changedFields', type: 'json', label: bi('Ändrade fält', 'Changed fields') },
    textField('detail', bi('Detaljer', 'Details'), {
      description: bi(
        'T.ex. vad som schemalades och när (svensk tid), eller utgivarens kommentar när en rapport skickades tillbaka.',
        'E.g. what was scheduled, and when (Swedish time), or the publisher’s note when a report was sent back.',
      ),
    }),
  ],
}
