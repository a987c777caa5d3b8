/**
 * An edition: a report as its readers saw it when it was published, kept whole and unchangeable.
 * Pure TypeScript: built from plain documents by src/editions/, rendered by the report format.
 *
 * The content keeps the shapes the consumer API returns for a report and its parts (so a reader's
 * read of a published report can be answered from it), but only what readers may see: published
 * parts only, and of a spokesperson the name and title, never phone or e-mail. Actions keep their
 * audience: an internal action in a public report is shown to readers, not to anonymous callers.
 */
import { createHash } from 'node:crypto'

import { lexicalToBlocks, type LexicalEditorState } from './lexical'
import type { ReportModel, SectionKind } from './model'
import { renderReportText } from './render-text'

export type Audience = 'internal' | 'public'
type Id = number | string

export interface EditionSection {
  id: Id
  title: string
  kind: SectionKind
  body: LexicalEditorState | null
}

export interface EditionAction {
  id: Id
  /** The stored instant of the calendar date (noon UTC). */
  date: string
  title: string
  url: string
  channel: string | null
  audience: Audience
  summary: string | null
}

export interface EditionSpokesperson {
  id: Id
  name: string
  title: string | null
}

export interface EditionContent {
  title: string
  subject: string | null
  slug: string
  compiledAt: string
  audience: Audience
  distribution: string[]
  compiledBy: string | null
  commissionedBy: string | null
  collectedInformation: { label: string; url: string }[]
  sections: EditionSection[]
  communicationActions: EditionAction[]
  spokespersons: EditionSpokesperson[]
}

/** Audiences a caller may see: readers and staff see internal and public, anonymous only public. */
export const audiencesFor = (reader: boolean): Audience[] => (reader ? ['internal', 'public'] : ['public'])

/** The content as a caller who may see only `audiences` sees it. */
export function contentFor(content: EditionContent, audiences: Audience[]): EditionContent {
  return { ...content, communicationActions: content.communicationActions.filter((action) => audiences.includes(action.audience)) }
}

/** The edition in the report model, as the report's own audience sees it (the text that was sent). */
export function editionModel(content: EditionContent, audiences: Audience[] = audiencesFor(content.audience === 'internal')): ReportModel {
  const seen = contentFor(content, audiences)
  return {
    title: seen.title,
    subject: seen.subject ?? '',
    compiledAt: new Date(seen.compiledAt).toISOString(),
    sections: seen.sections.map((section) => ({ title: section.title, kind: section.kind, blocks: section.body ? lexicalToBlocks(section.body) : [] })),
    communicationActions: seen.communicationActions.map((action) => ({
      date: new Date(action.date).toISOString().slice(0, 10),
      title: action.title,
      url: action.url,
    })),
    collectedInformation: seen.collectedInformation.map(({ label, url }) => ({ label, url })),
    spokespersons: seen.spokespersons.map((person) => ({ name: person.name, title: person.title ?? '' })),
  }
}

/** The text export of the edition, as sent to the report's audience, and its SHA-256. */
export function editionText(content: EditionContent): { text: string; sha256: string } {
  const text = renderReportText(editionModel(content))
  return { text, sha256: createHash('sha256').update(text, 'utf8').digest('hex') }
}

/** JSON with keys in a fixed order, so equal content has equal text whatever order it was built in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined)
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`)
      .join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

/** Publishing content equal to the latest edition's makes no new edition. */
export const sameContent = (a: EditionContent, b: EditionContent) => canonicalJson(a) === canonicalJson(b)
