import type { CollectionConfig } from 'payload'

import { activeOnly, fieldIsInternal, staffOrPublished } from '../access/predicates'
import { contentCollection } from './content'
import { bi, textField } from './fields'

export const Spokespersons: CollectionConfig = contentCollection(
  {
    slug: 'spokespersons',
    labels: { singular: bi('Talesperson', 'Spokesperson'), plural: bi('Talespersoner', 'Spokespersons') },
    admin: {
      useAsTitle: 'name',
      defaultColumns: ['name', 'title', 'organisation', 'active'],
      listSearchableFields: ['name', 'title', 'organisation'],
    },
    defaultSort: 'name',
    defaultPopulate: { name: true, title: true, organisation: true, email: true, phone: true, active: true },
    fields: [
      textField('name', bi('Namn', 'Name'), { required: true, unique: true, index: true }),
      textField('title', bi('Titel', 'Title'), {
        description: bi('T.ex. "hälso- och sjukvårdsutvecklingsdirektör"', 'E.g. "hälso- och sjukvårdsutvecklingsdirektör"'),
      }),
      textField('organisation', bi('Organisation / enhet', 'Organisation / unit')),
      { name: 'email', type: 'email', label: bi('E-post', 'Email') },
      textField('phone', bi('Telefon (direkt)', 'Phone (direct)'), {
        access: { read: fieldIsInternal },
        description: bi('Visas aldrig för anonyma besökare.', 'Never shown to anonymous visitors.'),
      }),
      {
        name: 'active',
        type: 'checkbox',
        label: bi('Aktiv', 'Active'),
        defaultValue: true,
        admin: { position: 'sidebar', description: bi('Inaktiva visas inte utåt.', 'Inactive ones are not shown publicly.') },
      },
    ],
  },
  { read: staffOrPublished(activeOnly) },
)
