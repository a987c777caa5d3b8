import {
  BoldFeature,
  FixedToolbarFeature,
  IndentFeature,
  InlineToolbarFeature,
  ItalicFeature,
  lexicalEditor,
  LinkFeature,
  OrderedListFeature,
  ParagraphFeature,
  UnorderedListFeature,
} from '@payloadcms/richtext-lexical'
import type { RichTextField } from 'payload'

import type { Bilingual } from './labels'
import { validateLinkUrl } from './url'

/**
 * The report body editor: paragraphs, nested bullet lists and links; nothing a report
 * does not use. Links keep their URL exactly as written ("#" included: Payload's default
 * link field would percent-encode it) and are refused unless http(s), a path or an anchor.
 */
const reportEditor = lexicalEditor({
  features: [
    ParagraphFeature(),
    BoldFeature(),
    ItalicFeature(),
    UnorderedListFeature(),
    OrderedListFeature(),
    // Tab / Shift+Tab (and the toolbar) nest and un-nest list items; without it nested bullets
    // cannot be typed. Paragraphs stay flat: the report format has no indented paragraphs.
    IndentFeature({ disabledNodes: ['paragraph'] }),
    LinkFeature({
      enabledCollections: [],
      fields: ({ defaultFields }) =>
        defaultFields.map((field) =>
          'name' in field && field.name === 'url' ? { ...field, hooks: {}, validate: (value: unknown) => validateLinkUrl(value) } : field,
        ) as never,
    }),
    FixedToolbarFeature(),
    InlineToolbarFeature(),
  ],
})

export function richTextField(name: string, label: Bilingual, required = false): RichTextField {
  return { name, type: 'richText', label, required, editor: reportEditor }
}
