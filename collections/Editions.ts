import type { Access, CollectionConfig } from 'payload'

import { audienceVisibleTo, fieldIsStaff, nobody } from '../access/predicates'
import { isStaffUser } from '../access/roles'
import { editionForCaller, refuseEditionWrites } from '../src/editions/guard'
import { audienceField, bi, textField } from './fields'

/** Staff read every edition; everyone else the editions of the audiences they may see, as for reports. */
const readEditions: Access = ({ req }) => (isStaffUser(req.user) ? true : audienceVisibleTo(req))

/**
 * Editions ("Utgåvor"): each publication of a report, kept whole and unchangeable: what its
 * readers saw (src/report-format/edition.ts), the text that was sent and its SHA-256. Written by
 * the server when a report is published (src/editions/record.ts); no API, role or hook may change
 * or delete one, not even the Local API with access checks off (src/editions/guard.ts).
 */
export const Editions: CollectionConfig = {
  slug: 'editions',
  labels: { singular: bi('Utgåva', 'Edition'), plural: bi('Utgåvor', 'Editions') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'number', 'publishedAt', 'publishedBy', 'audience'],
    description: bi(
      'Varje publicering av en rapport, som läsarna såg den. Kan inte ändras eller tas bort.',
      'Every publication of a report, as its readers saw it. Cannot be changed or deleted.',
    ),
  },
  defaultSort: '-publishedAt',
  access: { read: readEditions, create: nobody, update: nobody, delete: nobody },
  lockDocuments: false,
  hooks: { beforeOperation: [refuseEditionWrites], afterRead: [editionForCaller] },
  indexes: [{ fields: ['reportKey', 'number'], unique: true }],
  fields: [
    { name: 'report', type: 'relationship', relationTo: 'reports', label: bi('Rapport', 'Report'), index: true },
    // The report's record key (never reused, unlike an id): the record outlives a deleted report.
    textField('reportKey', bi('Rapportnyckel', 'Report key'), { required: true, index: true }),
    { name: 'number', type: 'number', label: bi('Nummer', 'Number'), required: true, index: true },
    {
      name: 'publishedAt',
      type: 'date',
      label: bi('Publicerad', 'Published'),
      required: true,
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' } },
    },
    textField('publishedBy', bi('Publicerad av', 'Published by'), { access: { read: fieldIsStaff } }),
    textField('title', bi('Titel', 'Title'), { required: true }),
    textField('slug', bi('Adressnamn', 'Slug'), { index: true }),
    // Copied from the content to find "the previous report on the same subject".
    textField('subject', bi('Ämne', 'Subject'), { index: true }),
    { name: 'compiledAt', type: 'date', label: bi('Sammanställd', 'Compiled'), index: true },
    { ...audienceField(), admin: { position: undefined } },
    { name: 'content', type: 'json', label: bi('Innehåll', 'Content'), required: true },
    { name: 'text', type: 'textarea', label: bi('Text som skickades', 'Text as sent'), required: true },
    textField('sha256', bi('SHA-256 av texten', 'SHA-256 of the text'), { required: true }),
  ],
}
