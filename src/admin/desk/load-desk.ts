/**
 * What the desk shows, read with the signed-in user's own access (overrideAccess: false): a
 * reader would see no drafts and no review state, exactly as over the API.
 */
import type { Payload, TypedUser, Where } from 'payload'

import { isStaffUser } from '../../../access/roles'
import { LISTED_REPORTS } from '../../../collections/Reports/listed'

type Id = number | string
type Doc = Record<string, any>

export interface DeskReport {
  id: Id
  title: string
  status: 'draft' | 'published'
  compiledAt?: string
  edition?: number
  review: { state: string; note?: string | null; by?: string | null; at?: string | null }
}

export interface DeskSchedule {
  reportId: Id
  title: string
  type: 'publish' | 'unpublish'
  at: string
}

export interface DeskPublication {
  reportId?: Id
  title: string
  edition: number
  publishedAt: string
  compiledAt?: string
}

export interface Desk {
  latest?: DeskReport & { scheduled: DeskSchedule[] }
  ready: DeskReport[]
  sentBack: DeskReport[]
  scheduled: DeskSchedule[]
  published: DeskPublication[]
}

const LIST_LENGTH = 8

const toReport = (doc: Doc): DeskReport => ({
  id: doc.id,
  title: doc.title || `#${doc.id}`,
  status: doc._status === 'published' ? 'published' : 'draft',
  compiledAt: doc.compiledAt ?? undefined,
  edition: doc.edition?.number ?? undefined,
  review: { state: doc.review?.state ?? 'none', note: doc.review?.note, by: doc.review?.by, at: doc.review?.at },
})

export async function loadDesk(payload: Payload, user: TypedUser | null | undefined): Promise<Desk> {
  const access = { overrideAccess: false, user } as const
  // The latest versions (drafts for staff; Payload gives anyone else published documents only).
  const reports = (where: Where | undefined, sort: string, limit: number) =>
    payload
      .find({ collection: 'reports', where: where ? { and: [LISTED_REPORTS, where] } : LISTED_REPORTS, sort, limit, depth: 0, draft: true, ...access })
      .then(({ docs }) => (docs as Doc[]).map(toReport))
  const staff = isStaffUser(user)
  const [latest, ready, sentBack, scheduled, published] = await Promise.all([
    reports(undefined, '-compiledAt', 1).then((docs) => docs[0]),
    staff ? reports({ 'review.state': { equals: 'ready' } }, '-updatedAt', LIST_LENGTH) : [],
    staff ? reports({ 'review.state': { equals: 'sentBack' } }, '-updatedAt', LIST_LENGTH) : [],
    staff ? scheduledPublishing(payload, user) : [],
    recentPublications(payload, user),
  ])
  return {
    latest: latest && { ...latest, scheduled: scheduled.filter((event) => String(event.reportId) === String(latest.id)) },
    ready,
    sentBack,
    scheduled,
    published,
  }
}

/** Upcoming scheduled publishing of reports the user may read, soonest first (src/scheduling). */
async function scheduledPublishing(payload: Payload, user: TypedUser | null | undefined): Promise<DeskSchedule[]> {
  // Jobs are the server's own bookkeeping: read them as the server, then show only readable reports.
  const { docs: jobs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { 'input.doc.relationTo': { equals: 'reports' } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
    sort: 'waitUntil',
    limit: 50,
    depth: 0,
    overrideAccess: true,
  })
  const events = (jobs as Doc[]).map((job) => ({
    reportId: job.input?.doc?.value as Id,
    type: job.input?.type === 'unpublish' ? ('unpublish' as const) : ('publish' as const),
    at: new Date(job.waitUntil ?? 0).toISOString(),
  }))
  if (events.length === 0) return []
  const { docs } = await payload.find({
    collection: 'reports',
    where: { id: { in: [...new Set(events.map((event) => event.reportId))] } },
    select: { title: true },
    limit: 50,
    depth: 0,
    draft: true,
    overrideAccess: false,
    user,
  })
  const titles = new Map((docs as Doc[]).map((doc) => [String(doc.id), doc.title as string]))
  return events.filter((event) => titles.has(String(event.reportId))).map((event) => ({ ...event, title: titles.get(String(event.reportId))! }))
}

/** The latest publications (editions), newest first, under the same audience rules as the API. */
async function recentPublications(payload: Payload, user: TypedUser | null | undefined): Promise<DeskPublication[]> {
  const { docs } = await payload.find({
    collection: 'editions',
    sort: '-publishedAt',
    limit: LIST_LENGTH,
    depth: 0,
    select: { report: true, title: true, number: true, publishedAt: true, compiledAt: true },
    overrideAccess: false,
    user,
  })
  return (docs as Doc[]).map((doc) => ({
    reportId: doc.report ?? undefined,
    title: doc.title,
    edition: doc.number,
    publishedAt: doc.publishedAt,
    compiledAt: doc.compiledAt ?? undefined,
  }))
}
