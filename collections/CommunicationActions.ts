import type { CollectionConfig } from 'payload'

import { audienceVisibleTo, staffOrPublished } from '../access/predicates'
import { contentCollection } from './content'
import { audienceField, bi, bilingualOptions, calendarDateField, textField, urlField } from './fields'

const CHANNELS = bilingualOptions([
  ['intranetArticle', 'Artikel på intranätet', 'Intranet article'],
  ['newsArticle', 'Nyhet på webben', 'Web news article'],
  ['pressRelease', 'Pressmeddelande', 'Press release'],
  ['externalSite', 'Extern webbplats', 'External site'],
  ['socialMedia', 'Sociala medier', 'Social media'],
  ['other', 'Övrigt', 'Other'],
])

export const CommunicationActions: CollectionConfig = contentCollection(
  {
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
    defaultPopulate: { date: true, title: true, url: true, channel: true, audience: true, summary: true },
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
  },
  { read: staffOrPublished(audienceVisibleTo) },
)
