/**
 * A report is published whole: publishing it publishes, in the same transaction, every part it
 * uses that has unpublished changes (a new draft section, a draft saved over a published action,
 * a spokesperson never published). Before, a report published with a new draft section went out
 * without it, and nobody was told. A part that fails validation fails the whole publication.
 * Parts are published as the same user, with the same access, as the report: an editor can
 * publish nothing this way (the publishing guard refuses the report first).
 */
import type { CollectionBeforeChangeHook, CollectionSlug, PayloadRequest } from 'payload'

type Id = number | string
type Doc = Record<string, any>

export const REPORT_PARTS: readonly { field: string; collection: CollectionSlug }[] = [
  { field: 'sections', collection: 'sections' },
  { field: 'communicationActions', collection: 'communication-actions' },
  { field: 'spokespersons', collection: 'spokespersons' },
]

const idOf = (value: unknown): Id => (value && typeof value === 'object' ? (value as { id: Id }).id : (value as Id))

export interface PartState {
  collection: CollectionSlug
  id: Id
  title: string
  /** `draft`: has changes readers do not see yet (or was never published): publishing the report publishes it. */
  status: 'draft' | 'published'
  /** Why the report's readers will not see it even when published (an internal action of a public report, an inactive spokesperson). */
  hiddenFrom?: 'anonymous' | 'everyone'
}

/** Every part a report (with these field values) uses, and whether each is published. */
export async function partsOf(req: PayloadRequest, report: Doc): Promise<PartState[]> {
  const states: PartState[] = []
  for (const { field, collection } of REPORT_PARTS) {
    const ids = ((report[field] ?? []) as unknown[]).map(idOf)
    if (ids.length === 0) continue
    // draft: true gives each part's newest version, the one publishing would make public.
    const { docs } = await req.payload.find({ collection, where: { id: { in: ids } }, draft: true, depth: 0, pagination: false, overrideAccess: true, req })
    const byId = new Map((docs as Doc[]).map((doc) => [String(doc.id), doc]))
    for (const id of ids) {
      const doc = byId.get(String(id))
      if (!doc) continue
      const hiddenFrom =
        collection === 'spokespersons' && doc.active === false
          ? 'everyone'
          : collection === 'communication-actions' && doc.audience === 'internal' && report.audience === 'public'
            ? 'anonymous'
            : undefined
      states.push({
        collection,
        id: doc.id,
        title: (collection === 'spokespersons' ? doc.name : doc.title) ?? String(doc.id),
        status: doc._status === 'published' ? 'published' : 'draft',
        ...(hiddenFrom ? { hiddenFrom } : {}),
      })
    }
  }
  return states
}

export const publishPartsWithReport: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (data?._status !== 'published') return data
  const report = { ...originalDoc, ...data }
  // Payload marks a restore in req.context (isRestoringVersion), and a part's own update must not
  // read as one: its data would not be merged with the part's newest version. Put it back after.
  const restoring = req.context.isRestoringVersion
  try {
    for (const part of await partsOf(req, report)) {
      if (part.status !== 'draft') continue
      await req.payload.update({
        collection: part.collection,
        id: part.id,
        data: { _status: 'published' },
        draft: false,
        depth: 0,
        // A script without a user is trusted; a person's publication carries their access.
        overrideAccess: !req.user,
        user: req.user ?? undefined,
        context: { isRestoringVersion: false },
        req,
      })
    }
  } finally {
    req.context.isRestoringVersion = restoring
  }
  return data
}
