/**
 * The report model: what a "Regional rapport" is, independent of any storage.
 * Pure TypeScript (no Payload import) so the format rules are tested without a database.
 * parse.ts turns report text into this model; render-*.ts turn it back into text;
 * lexical.ts maps rich-text blocks to and from Lexical's serialized JSON.
 */

/** A run of inline content: plain text or a link. */
export type Inline = { type: 'text'; text: string } | { type: 'link'; text: string; url: string }

/** One bullet; `children` are the bullets nested one level deeper. */
export interface ListItem {
  inlines: Inline[]
  children: ListItem[]
}

/** A block of a section body: a bullet list or a paragraph. */
export type Block = { type: 'list'; items: ListItem[] } | { type: 'paragraph'; inlines: Inline[] }

export const SECTION_KINDS = ['situationSummary', 'communicationSituation', 'organisationComment', 'about', 'other'] as const
export type SectionKind = (typeof SECTION_KINDS)[number]

export interface SectionModel {
  title: string
  kind: SectionKind
  blocks: Block[]
}

export interface CommunicationActionModel {
  /** Calendar date, YYYY-MM-DD (the text gives d/m; the year comes from the compiled date). */
  date: string
  title: string
  url: string
}

export interface LinkModel {
  label: string
  url: string
}

export interface SpokespersonModel {
  name: string
  title: string
}

export interface ReportModel {
  /** The title line, e.g. "Regional rapport Samordning vårdinformationssystem". */
  title: string
  /** The programme the report is about, e.g. "Samordning vårdinformationssystem". */
  subject: string
  /** The compiled instant as an ISO 8601 UTC string; the text gives Europe/Stockholm local time. */
  compiledAt: string
  /** All titled prose sections in the order they appear, "about" sections included. */
  sections: SectionModel[]
  /** "Kommunikativa åtgärder, urval", in the order they appear. */
  communicationActions: CommunicationActionModel[]
  /** "Samlad information". */
  collectedInformation: LinkModel[]
  /** "Talesperson" (one or more). */
  spokespersons: SpokespersonModel[]
}
