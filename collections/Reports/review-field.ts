import type { GroupField } from 'payload'

import { fieldIsStaff, fieldNobody } from '../../access/predicates'
import { bi, bilingualOptions, textField } from '../fields'

export const REVIEW_STATES = ['none', 'ready', 'sentBack'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]
export const REVIEW_NOTE_MAX_LENGTH = 2000

/**
 * Where a draft report stands in review: "Klar för granskning" (ready, set by any staff member) or
 * "Skickad tillbaka" (sent back by a publisher, with a note for the editor). Staff read it; nobody
 * writes it through the API or the form: only POST /api/reports/:id/review and the GraphQL review
 * mutations change it (src/reports/review.ts), and publishing clears it (collections/hooks/review-state.ts).
 */
export const reviewField: GroupField = {
  name: 'review',
  type: 'group',
  label: bi('Granskning', 'Review'),
  access: { read: fieldIsStaff, create: fieldNobody, update: fieldNobody },
  // The edit view shows the state, the note and the review buttons in one banner.
  admin: { components: { Field: '/admin/review/ReviewPanel#ReviewPanel' } },
  fields: [
    {
      name: 'state',
      type: 'select',
      label: bi('Granskningsstatus', 'Review state'),
      index: true,
      defaultValue: 'none',
      options: bilingualOptions([
        ['none', 'Under arbete', 'In progress'],
        ['ready', 'Klar för granskning', 'Ready for review'],
        ['sentBack', 'Skickad tillbaka', 'Sent back'],
      ]),
    },
    { name: 'note', type: 'textarea', label: bi('Kommentar från utgivaren', 'Note from the publisher'), maxLength: REVIEW_NOTE_MAX_LENGTH },
    textField('by', bi('Av', 'By')),
    {
      name: 'at',
      type: 'date',
      label: bi('Tidpunkt', 'When'),
      admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' } },
    },
  ],
}
