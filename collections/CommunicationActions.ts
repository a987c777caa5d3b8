import type { CollectionConfig } from 'payload'

import { isStaff, staffOrAudience } from '../access/predicates'
import { audienceField, bi, bilingualOptions, calendarDateField, textField, urlField } from './fields'

const CHANNELS = bilingualOptions([
  ['intranetArticle', 'Artikel på intranätet', 'Intranet article'],
  ['newsArticle', 'Nyhet på webben', 'Web news article'],
  ['pressRelease', 'Pressmeddelande', 'Press release'],
  ['externalSite', 'Extern webbplats', 'External site'],
  ['socialMedia', 'Sociala medier', 'Social media'],
  ['other', 'Övrigt', 'Other'],
])

export const CommunicationActions: CollectionConfig = {
  slug: 'communication-actions',
  labels: {
    singular: bi('Kommunikativ åtgärd', 'Communication action'),
    plural: bi('Kommunikativa åtgärder', 'Communication actions'),
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['date', 'title', 'channel', 'audience'],
    listSearchableFields: ['title', 'url'],
    description: bi(
      'Artiklar och andra åtgärder som rapporterna länkar till. Kan återanvändas i flera rapporter.',
      'Articles and other actions the reports link to. Reusable across reports.',
    ),
  },
  defaultSort: '-date',
  access: { read: staffOrAudience, create: isStaff, update: isStaff, delete: isStaff },
  fields: [
    calendarDateField('date', bi('Datum', 'Date')),
    textField('title', bi('Rubrik', 'Title'), { required: true }),
    urlField(),
    {
      name: 'channel',
      type: 'select',
      label: bi('Kanal', 'Channel'),
      options: CHANNELS,
      admin: { position: 'sidebar' },
    },
    audienceField(),
    { name: 'summary', type: 'textarea', label: bi('Sammanfattning', 'Summary') },
  ],
}
