/**
 * Payload report documents back to the pure report model (for export and round-trip checks).
 * Expects the report read with depth >= 1, so relationships are populated documents.
 */
import type { Payload, PayloadRequest, Where } from 'payload'

import { lexicalToBlocks } from '../report-format/lexical'
import type { ReportModel, SectionKind } from '../report-format/model'

type Doc = Record<string, any>

const populated = (value: unknown): Doc[] => (Array.isArray(value) ? value.filter((item): item is Doc => typeof item === 'object' && item !== null) : [])

/** An instant stored for a calendar date (noon UTC) back to YYYY-MM-DD. */
const instantToCalendarDate = (value: string) => new Date(value).toISOString().slice(0, 10)

export function reportDocumentToModel(doc: Doc): ReportModel {
  return {
    title: doc.title,
    subject: doc.subject ?? '',
    compiledAt: new Date(doc.compiledAt).toISOString(),
    sections: populated(doc.sections).map((section) => ({
      title: section.title,
      kind: section.kind as SectionKind,
      blocks: section.body ? lexicalToBlocks(section.body) : [],
    })),
    communicationActions: populated(doc.communicationActions).map((action) => ({
      date: instantToCalendarDate(action.date),
      title: action.title,
      url: action.url,
    })),
    collectedInformation: (doc.collectedInformation ?? []).map(({ label, url }: Doc) => ({ label, url })),
    spokespersons: populated(doc.spokespersons).map((person) => ({ name: person.name, title: person.title ?? '' })),
  }
}

/**
 * Reads a report by id or slug and returns its model. Access rules apply for `user`
 * (null = anonymous) unless `trusted` says the caller is a developer's script.
 */
export async function loadReportModel(
  payload: Payload,
  idOrSlug: string | number,
  options: { user: PayloadRequest['user'] | null; trusted?: boolean; draft?: boolean },
): Promise<ReportModel | undefined> {
  // A number (SQL) or an ObjectId (MongoDB) may also be the id.
  const mayBeId = /^\d+$|^[a-f0-9]{24}$/.test(String(idOrSlug))
  const where: Where = { or: [{ slug: { equals: String(idOrSlug) } }, ...(mayBeId ? [{ id: { equals: idOrSlug } }] : [])] }
  const { docs } = await payload.find({
    collection: 'reports',
    where,
    depth: 1,
    limit: 1,
    draft: options.draft ?? false,
    user: options.user ?? undefined,
    overrideAccess: options.trusted === true,
  })
  return docs[0] ? reportDocumentToModel(docs[0]) : undefined
}
