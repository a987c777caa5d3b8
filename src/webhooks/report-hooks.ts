/**
 * Report hooks that queue one `deliverWebhook` job per consumer URL when a report is published
 * (or a published report changes), unpublished or deleted. The job rows are written with the
 * change's `req`, so in the change's own transaction: a change that rolls back sends nothing.
 * Delivery happens later in the job runner, so a slow or failing consumer never delays or fails
 * publishing.
 */
import { randomUUID } from 'node:crypto'
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeOperationHook, PayloadRequest, Where } from 'payload'

import { env } from '../env'
import type { WebhookEvent } from './deliver-task'

const PUBLISHED_BEFORE_WRITE = Symbol('lagesbild.webhooks.publishedBeforeWrite')

/** Ids of reports whose main document was published when the current write began. */
function publishedBeforeWrite(req: PayloadRequest): Set<string> {
  const context = req.context as Record<symbol, Set<string> | undefined>
  return (context[PUBLISHED_BEFORE_WRITE] ??= new Set())
}

const webhooksOn = () => env().WEBHOOK_URLS.length > 0

async function queueWebhooks(req: PayloadRequest, event: WebhookEvent, report: Record<string, any>) {
  const body = JSON.stringify({ event, id: report.id, slug: report.slug ?? null, audience: report.audience ?? null, occurredAt: new Date().toISOString() })
  try {
    for (const url of env().WEBHOOK_URLS) {
      await req.payload.jobs.queue({ task: 'deliverWebhook', input: { deliveryId: randomUUID(), url, event, reportId: String(report.id), body }, req })
    }
  } catch (error) {
    // A notification that cannot be queued must not undo the publishing it reports.
    req.payload.logger.error({ err: error, msg: `webhook ${event} for report ${report.id} was not queued` })
  }
}

/**
 * Before a write to the main document that does not publish it (an update without `draft`, or a
 * restore of a version as it is), notes which targeted reports are published now. Only this tells
 * an unpublish from a draft saved over a published report: afterChange sees `_status: 'draft'` for
 * both, and its previousDoc is the newest version, not the main document. (The audit log tells
 * them apart the same way, see collections/AuditLog/hooks.ts.)
 */
export const notePublishedBeforeWrite: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  const { data, draft, id, where } = args as { data?: { _status?: string }; draft?: boolean; id?: number | string; where?: Where }
  if (!webhooksOn() || (operation !== 'update' && operation !== 'restoreVersion')) return args
  if (draft || data?._status === 'published') return args
  try {
    let target: Where | undefined = where
    if (operation === 'restoreVersion') {
      const version = await req.payload.findVersionByID({ collection: collection.slug, id: id as string, depth: 0, overrideAccess: true, disableErrors: true, req })
      const parent = (version as { parent?: unknown } | null)?.parent
      target = parent === undefined ? undefined : { id: { equals: parent } }
    } else if (id !== undefined) {
      target = { id: { equals: id } }
    }
    if (!target) return args
    const { docs } = await req.payload.find({
      collection: collection.slug,
      where: { and: [target, { _status: { equals: 'published' } }] },
      draft: false,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    for (const doc of docs) publishedBeforeWrite(req).add(String(doc.id))
  } catch (error) {
    req.payload.logger.error({ err: error, msg: 'webhooks: could not tell whether the report was published' })
  }
  return args
}

export const queueChangeWebhooks: CollectionAfterChangeHook = async ({ data, doc, previousDoc, req }) => {
  const wasPublished = publishedBeforeWrite(req).delete(String(doc.id))
  if (!webhooksOn()) return doc
  // A caller's `select` may trim `doc`; what was written is the previous document plus `data`.
  const written = { ...previousDoc, ...data, ...doc }
  const status = doc._status ?? data?._status
  if (status === 'published') await queueWebhooks(req, 'report.published', written)
  else if (status === 'draft' && wasPublished) await queueWebhooks(req, 'report.unpublished', written)
  return doc
}

/** Only a published report's deletion is news to consumers: an unpublished one was announced already. */
export const queueDeleteWebhooks: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (webhooksOn() && doc._status === 'published') await queueWebhooks(req, 'report.deleted', doc)
  return doc
}

/** For the reports collection's `hooks` (contentCollection merges them with the shared ones). */
export const reportWebhookHooks = {
  beforeOperation: [notePublishedBeforeWrite],
  afterChange: [queueChangeWebhooks],
  afterDelete: [queueDeleteWebhooks],
}
