/**
 * The thin layer between the pure report model and Payload documents: writes a ReportModel
 * as a report with its sections, communication actions and spokespersons, reusing what is
 * already there (natural keys) so that loading the same report twice changes nothing.
 * One transaction per report: a report is there completely or not at all.
 */
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest, type Where } from 'payload'

import { blocksToLexical, lexicalToBlocks } from '../report-format/lexical'
import type { CommunicationActionModel, ReportModel, SectionModel, SpokespersonModel } from '../report-format/model'
import { reportSlug } from '../slug'

type Audience = 'internal' | 'public'

export interface StoreOptions {
  status?: 'published' | 'draft'
  audience?: Audience
  distribution?: string[]
  /** Act as this user (access rules apply). Without one the caller is a trusted script. */
  user?: PayloadRequest['user']
}

interface StoreResult {
  id: number | string
  slug: string
  outcome: 'created' | 'updated' | 'unchanged'
}

type Id = number | string
type Status = 'published' | 'draft'
/** Writes return only the id: the full documents (with their joins) are never needed here. */
const ID_ONLY = {}
type Ctx = { payload: Payload; req: PayloadRequest; overrideAccess: boolean }
/** A part written by an import: its id, and whether the import changed it. */
type Upserted = { id: Id; changed: boolean }

/** Calendar dates are stored at noon UTC so that no time zone moves them to another day. */
const calendarDateToInstant = (date: string) => `${date}T12:00:00.000Z`

/** "Sammanställs av X, på uppdrag av Y." in the about text names who compiles and who commissions. */
function compiledAndCommissionedBy(report: ReportModel): { compiledBy?: string; commissionedBy?: string } {
  for (const section of report.sections) {
    for (const block of section.blocks) {
      if (block.type !== 'paragraph') continue
      const text = block.inlines.map((inline) => inline.text).join('')
      const match = /^Sammanställs av (.+?), på uppdrag av (.+?)\.?$/.exec(text.trim())
      if (match) return { compiledBy: match[1], commissionedBy: match[2] }
    }
  }
  return {}
}

export async function storeReport(payload: Payload, report: ReportModel, options: StoreOptions = {}): Promise<StoreResult> {
  const req = await createLocalReq({ user: options.user ?? undefined }, payload)
  const ctx: Ctx = { payload, req, overrideAccess: !options.user }
  const startedTransaction = await initTransaction(req)
  try {
    const result = await writeReport(ctx, report, options)
    if (startedTransaction) await commitTransaction(req)
    return result
  } catch (error) {
    if (startedTransaction) await killTransaction(req)
    throw error
  }
}

async function writeReport(ctx: Ctx, report: ReportModel, options: StoreOptions): Promise<StoreResult> {
  const { payload, req, overrideAccess } = ctx
  const slug = reportSlug(report.title, report.compiledAt)
  const existing = (await payload.find({ collection: 'reports', where: { slug: { equals: slug } }, draft: true, depth: 0, limit: 1, req, overrideAccess }))
    .docs[0]
  const existingSectionIds = (existing?.sections ?? []) as Id[]

  // Whether any part changed: then the report is published again, so its readers get a new edition.
  let partsChanged = false
  const track = ({ id, changed }: Upserted) => {
    partsChanged ||= changed
    return id
  }
  const sections: Id[] = []
  for (const [index, section] of report.sections.entries()) {
    sections.push(track(await upsertSection(ctx, section, existingSectionIds[index], options.status)))
  }
  const communicationActions: Id[] = []
  for (const action of report.communicationActions) {
    communicationActions.push(track(await upsertAction(ctx, action, options.audience ?? 'internal', options.status)))
  }
  const spokespersons: Id[] = []
  for (const person of report.spokespersons) spokespersons.push(track(await upsertSpokesperson(ctx, person, options.status)))

  const data = {
    title: report.title,
    subject: report.subject,
    slug,
    compiledAt: report.compiledAt,
    audience: options.audience ?? 'internal',
    distribution: options.distribution ?? ['politicalLeadership', 'managers', 'intranet'],
    sections,
    communicationActions,
    spokespersons,
    collectedInformation: report.collectedInformation.map(({ label, url }) => ({ label, url })),
    ...compiledAndCommissionedBy(report),
    _status: options.status ?? 'published',
  }
  if (!existing) {
    // Ids are numbers on SQL and strings on MongoDB; the generated types only know numbers.
    const created = await payload.create({ collection: 'reports', data: data as never, req, overrideAccess, draft: data._status === 'draft' })
    return { id: created.id, slug, outcome: 'created' }
  }
  if (sameReport(existing as never, data) && !partsChanged) return { id: existing.id, slug, outcome: 'unchanged' }
  await payload.update({ collection: 'reports', id: existing.id, data: data as never, req, overrideAccess, draft: data._status === 'draft' })
  return { id: existing.id, slug, outcome: 'updated' }
}

function sameReport(existing: Record<string, unknown>, data: Record<string, unknown>): boolean {
  const comparable = (doc: Record<string, unknown>) => ({
    ...Object.fromEntries(Object.keys(data).map((key) => [key, doc[key]])),
    compiledAt: new Date(doc.compiledAt as string).toISOString(),
    collectedInformation: ((doc.collectedInformation as { label: string; url: string }[]) ?? []).map(({ label, url }) => ({ label, url })),
  })
  return JSON.stringify(comparable(existing)) === JSON.stringify(comparable(data))
}

/**
 * "About" sections recur in every report, so they are reused by title. Other sections belong
 * to their report: re-importing the report updates the section at the same position.
 */
async function upsertSection(ctx: Ctx, section: SectionModel, samePositionId: Id | undefined, status: Status = 'published'): Promise<Upserted> {
  const { payload, req, overrideAccess } = ctx
  let existing: Record<string, any> | undefined
  if (section.kind === 'about') {
    const sameTitle: Where = { and: [{ kind: { equals: 'about' } }, { title: { equals: section.title } }] }
    existing = (await payload.find({ collection: 'sections', where: sameTitle, draft: true, depth: 0, limit: 1, req, overrideAccess })).docs[0]
  } else if (samePositionId !== undefined) {
    existing =
      (await payload.findByID({ collection: 'sections', id: samePositionId, draft: true, depth: 0, req, overrideAccess, disableErrors: true })) ?? undefined
    if (existing && existing.kind === 'about') existing = undefined
  }
  const data = { title: section.title, kind: section.kind, body: blocksToLexical(section.blocks) as never, _status: status }
  if (!existing) {
    const created = await payload.create({ collection: 'sections', data, req, overrideAccess, depth: 0, select: ID_ONLY })
    return { id: created.id, changed: true }
  }
  const unchanged =
    existing.title === section.title &&
    existing.kind === section.kind &&
    existing._status === status &&
    JSON.stringify(lexicalToBlocks(existing.body)) === JSON.stringify(section.blocks)
  if (!unchanged) await payload.update({ collection: 'sections', id: existing.id, data, req, overrideAccess, depth: 0, select: ID_ONLY })
  return { id: existing.id, changed: !unchanged }
}

/** An action is the same action when date and title match. */
async function upsertAction(ctx: Ctx, action: CommunicationActionModel, audience: Audience, status: Status = 'published'): Promise<Upserted> {
  const { payload, req, overrideAccess } = ctx
  const date = calendarDateToInstant(action.date)
  const sameDateAndTitle: Where = { and: [{ date: { equals: date } }, { title: { equals: action.title } }] }
  const existing = (await payload.find({ collection: 'communication-actions', where: sameDateAndTitle, depth: 0, limit: 1, req, overrideAccess })).docs[0]
  if (!existing) {
    const data = { date, title: action.title, url: action.url, audience, _status: status }
    const created = await payload.create({ collection: 'communication-actions', data, req, overrideAccess, depth: 0, select: ID_ONLY })
    return { id: created.id, changed: true }
  }
  const changed = existing.url !== action.url || existing._status !== status
  if (changed) {
    const data = { url: action.url, _status: status }
    await payload.update({ collection: 'communication-actions', id: existing.id, data, req, overrideAccess, depth: 0, select: ID_ONLY })
  }
  return { id: existing.id, changed }
}

/** Spokespersons are matched by name instead of being duplicated. */
async function upsertSpokesperson(ctx: Ctx, person: SpokespersonModel, status: Status = 'published'): Promise<Upserted> {
  const { payload, req, overrideAccess } = ctx
  const existing = (await payload.find({ collection: 'spokespersons', where: { name: { equals: person.name } }, depth: 0, limit: 1, req, overrideAccess }))
    .docs[0]
  if (!existing) {
    const data = { name: person.name, title: person.title, active: true, _status: status }
    const created = await payload.create({ collection: 'spokespersons', data, req, overrideAccess, depth: 0, select: ID_ONLY })
    return { id: created.id, changed: true }
  }
  const changed = existing.title !== person.title || existing._status !== status
  if (changed) {
    const data = { title: person.title, _status: status }
    await payload.update({ collection: 'spokespersons', id: existing.id, data, req, overrideAccess, depth: 0, select: ID_ONLY })
  }
  return { id: existing.id, changed }
}
