/** Field factories: one definition per kind of field, reused by every collection. */
import type { CollectionSlug, DateField, Field, SelectField, TextField } from 'payload'

import { bi, bilingualOptions, type Bilingual } from './labels'
import { validateDate } from './dates'
import { validateLinkUrl } from './url'
import { onlyVisibleRelations } from './visibleRelations'

export { bi, bilingualOptions, validateDate, validateLinkUrl }

const MAX_TEXT_LENGTH = 500

type TextOptions = Partial<Omit<TextField, 'type' | 'name' | 'label' | 'hasMany'>> & {
  description?: Bilingual
}

export function textField(name: string, label: Bilingual, options: TextOptions = {}): TextField {
  const { description, admin, ...rest } = options
  return {
    name,
    type: 'text',
    label,
    // Titles and names are one line: a megabyte of text in one is an attack, not a report.
    maxLength: MAX_TEXT_LENGTH,
    ...rest,
    admin: { ...admin, ...(description ? { description } : {}) },
  } as TextField
}

/** A URL field that only accepts safe link targets (see url.ts). */
export function urlField(name = 'url', label = bi('Länk (URL)', 'Link (URL)'), required = true): TextField {
  return {
    name,
    type: 'text',
    label,
    required,
    validate: (value: unknown) => (!value && !required ? true : validateLinkUrl(value)),
    admin: { description: bi('https://…, /intern/sökväg eller # som platshållare', 'https://…, /internal/path or # as a placeholder') },
  } as TextField
}

const AUDIENCES = bilingualOptions([
  ['internal', 'Intern (politisk ledning, chefer, intranät)', 'Internal (political leadership, managers, intranet)'],
  ['public', 'Publik (öppen webbplats)', 'Public (public website)'],
])

export function audienceField(): SelectField {
  return {
    name: 'audience',
    type: 'select',
    label: bi('Målgrupp', 'Audience'),
    options: AUDIENCES,
    defaultValue: 'internal',
    required: true,
    index: true,
    admin: {
      position: 'sidebar',
      description: bi('Intern: bara inloggade läsare. Publik: alla.', 'Internal: signed-in readers only. Public: everyone.'),
    },
  }
}

/** A list of labelled links (e.g. the report's collected information). */
export function linkListField(name: string, label: Bilingual): Field {
  return {
    name,
    type: 'array',
    label,
    // Lower case: Payload writes them into sentences ("Lägg till länk"); each row shows its link's text.
    labels: { singular: bi('länk', 'link'), plural: bi('länkar', 'links') },
    admin: { components: { RowLabel: '/admin/fields/LinkRowLabel#LinkRowLabel' } },
    fields: [textField('label', bi('Text', 'Label'), { required: true }), urlField()],
  }
}

/** A calendar date without time of day (stored at noon UTC so no time zone moves it a day). */
export function calendarDateField(name: string, label: Bilingual, required = true): DateField {
  return {
    name,
    type: 'date',
    label,
    required,
    index: true,
    validate: validateDate,
    admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } },
  }
}

/** An ordered list of related documents; callers only ever see the ones they may read. */
export function relationshipListField(name: string, relationTo: CollectionSlug, label: Bilingual, description: Bilingual): Field {
  return {
    name,
    type: 'relationship',
    relationTo,
    hasMany: true,
    label,
    index: true,
    hooks: { afterRead: [onlyVisibleRelations(relationTo)] },
    admin: { description, isSortable: true },
  }
}
