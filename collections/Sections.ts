import type { CollectionConfig } from 'payload'

import { fieldIsStaff, staffOrPublished } from '../access/predicates'
import { isStaffUser } from '../access/roles'
import { SECTION_KINDS } from '../src/report-format/model'
import { contentCollection } from './content'
import { bi, textField } from './fields'
import { richTextField } from './fields/richText'

const KIND_LABELS: Record<(typeof SECTION_KINDS)[number], [string, string]> = {
  situationSummary: ['Sammanfattande lägesbild', 'Situation summary'],
  communicationSituation: ['Kommunikativ lägesbild', 'Communication situation'],
  organisationComment: ['Verksamhetens kommentar', 'Organisation comment'],
  about: ['Om (återkommande text)', 'About (recurring text)'],
  other: ['Övrigt', 'Other'],
}

export const Sections: CollectionConfig = contentCollection(
  {
    slug: 'sections',
    labels: { singular: bi('Avsnitt', 'Section'), plural: bi('Avsnitt', 'Sections') },
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['title', 'kind', '_status', 'updatedAt'],
      listSearchableFields: ['title'],
      description: bi(
        'Rubricerade avsnitt med punktlistor. "Om"-avsnitt återkommer i varje rapport och återanvänds.',
        'Titled sections of bullet points. "About" sections recur in every report and are reused.',
      ),
    },
    defaultSort: '-updatedAt',
    hooks: {
      // "Used in reports" is an admin aid, not part of the consumer contract, and for the shared
      // "Om …" sections it lists every report there is: staff only (the field's read access), and
      // not even computed for anyone else over REST (GraphQL: src/graphql/payload-fixes.ts).
      beforeOperation: [({ args, operation, req }) => (operation === 'read' && !isStaffUser(req.user) ? { ...args, joins: false } : args)],
    },
    // What a report shows of a section it includes: no join, no timestamps (keeps report reads to a fixed number of queries).
    defaultPopulate: { title: true, kind: true, body: true },
    fields: [
      textField('title', bi('Rubrik', 'Title'), { required: true }),
      {
        name: 'kind',
        type: 'select',
        label: bi('Typ', 'Kind'),
        required: true,
        defaultValue: 'other',
        index: true,
        options: SECTION_KINDS.map((value) => ({ value, label: bi(...KIND_LABELS[value]) })),
        admin: { position: 'sidebar' },
      },
      richTextField('body', bi('Innehåll', 'Body')),
      {
        name: 'usedInReports',
        type: 'join',
        collection: 'reports',
        on: 'sections',
        label: bi('Används i rapporter', 'Used in reports'),
        access: { read: fieldIsStaff },
        admin: {
          defaultColumns: ['title', 'compiledAt', '_status'],
          // Rendered with the page; Payload's own table loads after it ("Laddar…" for seconds).
          components: { Field: '/admin/fields/UsedInReports#UsedInReports' },
        },
      },
    ],
  },
  { read: staffOrPublished(), joins: { usedInReports: 'reports' } },
)
