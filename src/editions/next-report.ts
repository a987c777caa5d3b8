/**
 * "Ny rapport utifrån denna": next week's report starts from this one. A new draft report,
 * compiled now, with the same subject, audience, distribution, collected information,
 * spokespersons and selected communication actions, and its own copies of the situation
 * sections, so editing them never touches the earlier report. Recurring "about" sections stay
 * shared: the earlier report keeps its edition whatever happens to them.
 */
import { APIError, type PayloadRequest } from 'payload'

import { reportSlug } from '../slug'

type Id = number | string
type Doc = Record<string, any>

const idOf = (value: unknown): Id => (value && typeof value === 'object' ? (value as { id: Id }).id : (value as Id))

/** The report's slug for today, with "-2", "-3" … when another report already has it. */
async function freeSlug(req: PayloadRequest, title: string, compiledAt: Date): Promise<string> {
  const base = reportSlug(title, compiledAt)
  const { docs } = await req.payload.find({
    collection: 'reports',
    where: { slug: { like: base } },
    draft: true,
    depth: 0,
    pagination: false,
    select: { slug: true },
    overrideAccess: true,
    req,
  })
  const taken = new Set(docs.map((doc) => doc.slug))
  let slug = base
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
  return slug
}

/** `overrides`: the new report's own title and compiled time ("Skapa ny"); by default the source's title, compiled now. */
export async function startNextReport(req: PayloadRequest, sourceId: Id, overrides: { title?: string; compiledAt?: Date } = {}): Promise<Doc> {
  const access = { overrideAccess: false, user: req.user, req } as const
  // The newest version: what the desk worked on last, published or not.
  const source = (await req.payload.findByID({ collection: 'reports', id: sourceId, draft: true, depth: 0, disableErrors: true, ...access })) as Doc | null
  if (!source) throw new APIError(`No report with id ${String(sourceId).slice(0, 40)} that you may read.`, 404, undefined, true)

  const sectionIds = ((source.sections ?? []) as unknown[]).map(idOf)
  const { docs: sourceSections } = sectionIds.length
    ? await req.payload.find({ collection: 'sections', where: { id: { in: sectionIds } }, draft: true, depth: 0, pagination: false, ...access })
    : { docs: [] as Doc[] }
  const byId = new Map((sourceSections as Doc[]).map((section) => [String(section.id), section]))
  const sections: Id[] = []
  for (const id of sectionIds) {
    const section = byId.get(String(id))
    if (!section) continue
    if (section.kind === 'about') {
      sections.push(section.id)
      continue
    }
    const copy = await req.payload.create({
      collection: 'sections',
      data: { title: section.title, kind: section.kind, body: section.body, _status: 'draft' },
      draft: true,
      depth: 0,
      ...access,
    })
    sections.push(copy.id)
  }

  const compiledAt = overrides.compiledAt ?? new Date()
  const title = overrides.title ?? source.title
  return req.payload.create({
    collection: 'reports',
    draft: true,
    depth: 0,
    data: {
      title,
      subject: source.subject,
      slug: await freeSlug(req, title, compiledAt),
      compiledAt: compiledAt.toISOString(),
      audience: source.audience,
      distribution: source.distribution ?? [],
      sections: sections as number[],
      communicationActions: ((source.communicationActions ?? []) as unknown[]).map(idOf) as number[],
      spokespersons: ((source.spokespersons ?? []) as unknown[]).map(idOf) as number[],
      collectedInformation: ((source.collectedInformation ?? []) as Doc[]).map(({ label, url }) => ({ label, url })),
      compiledBy: source.compiledBy,
      commissionedBy: source.commissionedBy,
      _status: 'draft',
    },
    ...access,
  }) as Promise<Doc>
}
