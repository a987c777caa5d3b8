/**
 * Zod schemas for the report model. parse.ts validates its output with reportSchema so a parser bug
 * surfaces as an error instead of a malformed document in the CMS; other code may reuse them for input.
 */
import { z } from 'zod'

import { SECTION_KINDS, type Block, type Inline, type ListItem, type ReportModel } from './model'

// One line of report text per block: inline text can never hold a line break.
const singleLineText = z.string().regex(/^[^\r\n]*$/, 'must not contain line breaks')
const nonEmptyLine = singleLineText.min(1)
// Not z.url(): "#" is the placeholder URL in real reports and must survive.
const url = z.string().regex(/^\S+$/, 'must be a non-empty URL without spaces')

const inlineSchema: z.ZodType<Inline> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: nonEmptyLine }),
  z.object({ type: z.literal('link'), text: nonEmptyLine, url }),
])

const listItemSchema: z.ZodType<ListItem> = z.object({
  inlines: z.array(inlineSchema).min(1),
  get children() {
    return z.array(listItemSchema)
  },
})

const blockSchema: z.ZodType<Block> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('list'), items: z.array(listItemSchema).min(1) }),
  z.object({ type: z.literal('paragraph'), inlines: z.array(inlineSchema).min(1) }),
])

const sectionSchema = z.object({
  title: nonEmptyLine,
  kind: z.enum(SECTION_KINDS),
  blocks: z.array(blockSchema).min(1),
})

const communicationActionSchema = z.object({ date: z.iso.date(), title: nonEmptyLine, url })

const linkSchema = z.object({ label: nonEmptyLine, url })

const spokespersonSchema = z.object({ name: nonEmptyLine, title: nonEmptyLine })

export const reportSchema = z.object({
  title: nonEmptyLine,
  subject: nonEmptyLine,
  compiledAt: z.iso.datetime(),
  sections: z.array(sectionSchema),
  communicationActions: z.array(communicationActionSchema),
  collectedInformation: z.array(linkSchema),
  spokespersons: z.array(spokespersonSchema),
}) satisfies z.ZodType<ReportModel>
