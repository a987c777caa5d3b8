/**
 * A published report's content as its readers see it, read from the database inside the
 * publishing transaction: the report's main (published) document and, of its parts, only those
 * published (and of spokespersons only the active ones), in the report's order.
 */
import type { CollectionSlug, PayloadRequest } from 'payload'

import type { EditionAction, EditionContent, EditionSection, EditionSpokesperson } from '../report-format/edition'

type Id = number | string
type Doc = Record<string, any>

const idOf = (value: unknown): Id => (value && typeof value === 'object' ? (value as { id: Id }).id : (value as Id))

/** The published documents among `ids`, in the order of `ids`. */
async function publishedParts(req: PayloadRequest, collection: CollectionSlug, ids: Id[], extra: (doc: Doc) => boolean = () => true): Promise<Doc[]> {
  if (ids.length === 0) return []
  const { docs } = await req.payload.find({ collection, where: { id: { in: ids } }, draft: false, depth: 0, pagination: false, overrideAccess: true, req })
  const byId = new Map((docs as Doc[]).filter((doc) => doc._status === 'published' && extra(doc)).map((doc) => [String(doc.id), doc]))
  return ids.map((id) => byId.get(String(id))).filter((doc): doc is Doc => Boolean(doc))
}

export async function publishedContent(req: PayloadRequest, reportId: Id): Promise<EditionContent | undefined> {
  const report = (await req.payload.findByID({
    collection: 'reports',
    id: reportId,
    draft: false,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as Doc | null
  if (!report || report._status !== 'published') return undefined
  const ids = (field: string) => ((report[field] ?? []) as unknown[]).map(idOf)
  const sections = await publishedParts(req, 'sections', ids('sections'))
  const actions = await publishedParts(req, 'communication-actions', ids('communicationActions'))
  const people = await publishedParts(req, 'spokespersons', ids('spokespersons'), (person) => person.active !== false)
  return {
    title: report.title,
    subject: report.subject ?? null,
    slug: report.slug,
    compiledAt: new Date(report.compiledAt).toISOString(),
    audience: report.audience,
    distribution: report.distribution ?? [],
    compiledBy: report.compiledBy ?? null,
    commissionedBy: report.commissionedBy ?? null,
    collectedInformation: ((report.collectedInformation ?? []) as Doc[]).map(({ label, url }) => ({ label, url })),
    sections: sections.map((section): EditionSection => ({ id: section.id, title: section.title, kind: section.kind, body: section.body ?? null })),
    communicationActions: actions.map((action): EditionAction => ({
      id: action.id,
      date: new Date(action.date).toISOString(),
      title: action.title,
      url: action.url,
      channel: action.channel ?? null,
      audience: action.audience,
      summary: action.summary ?? null,
    })),
    // Name and title only: a phone number or e-mail address is contact detail, not part of the record.
    spokespersons: people.map((person): EditionSpokesperson => ({ id: person.id, name: person.name, title: person.title ?? null })),
  }
}
