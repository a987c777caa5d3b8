/**
 * Report hooks that queue one `deliverWebhook` job per consumer URL when a report is published
 * (or a published report changes), unpublished or deleted. The job rows are written with the
 * change's `req`, so in the change's own transaction: a change that rolls back sends nothing.
 * Delivery happens later in the job runner, so a slow or failing consumer never delays or fails
 * publishing.
 */
import { randomUUID } from 'node:crypto'
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { wasPublishedAtStart } from '../../collections/hooks/publication-state'
import { latestEdition, recordKeyOf } from '../editions/record'
import { env } from '../env'
import type { WebhookEvent } from './deliver-task'

const webhooksOn = () => env().WEBHOOK_URLS.length > 0

async function queueWebhooks(req: PayloadRequest, event: WebhookEvent, report: Record<string, any>) {
  try {
    // The edition readers now see (for report.published: the one this publication recorded).
    const edition = (await latestEdition(req, report.recordKey ?? (await recordKeyOf(req, report.id))))?.number ?? null
    const body = JSON.stringify({
      event,
      id: report.id,
      slug: report.slug ?? null,
      audience: report.audience ?? null,
      edition,
      occurredAt: new Date().toISOString(),
    })
    for (const url of env().WEBHOOK_URLS) {
      await req.payload.jobs.queue({ task: 'deliverWebhook', input: { deliveryId: randomUUID(), url, event, reportId: String(report.id), body }, req })
    }
  } catch (error) {
    // A notification that cannot be queued must not undo the publishing it reports.
    req.payload.logger.error({ err: error, msg: `webhook ${event} for report ${report.id} was not queued` })
  }
}

export const queueChangeWebhooks: CollectionAfterChangeHook = async ({ data, doc, previousDoc, req }) => {
  if (!webhooksOn()) return doc
  // Only the main document's status before the write tells an unpublish from a draft saved over it.
  const wasPublished = wasPublishedAtStart(req, 'reports', doc.id) === true
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
