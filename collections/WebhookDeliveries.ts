import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../access/predicates'
import { bi, bilingualOptions, textField } from './fields'

export const DELIVERY_STATUSES = ['sending', 'delivered', 'failed'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

/**
 * One row per attempt to deliver a webhook (src/webhooks/). Written only by the delivery job;
 * no API can create, change or delete a row. Admins may read them: URLs and errors are
 * operational detail, not content.
 */
export const WebhookDeliveries: CollectionConfig = {
  slug: 'webhook-deliveries',
  labels: { singular: bi('Webhook-leverans', 'Webhook delivery'), plural: bi('Webhook-leveranser', 'Webhook deliveries') },
  admin: {
    useAsTitle: 'event',
    defaultColumns: ['createdAt', 'event', 'reportId', 'status', 'httpStatus', 'attempt', 'url'],
    description: bi(
      'Varje försök att meddela en mottagare att en rapport publicerats, avpublicerats eller raderats.',
      'Every attempt to tell a consumer that a report was published, unpublished or deleted.',
    ),
  },
  defaultSort: '-createdAt',
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  lockDocuments: false,
  fields: [
    textField('event', bi('Händelse', 'Event'), { required: true, index: true }),
    textField('reportId', bi('Rapport-id', 'Report id'), { required: true, index: true }),
    textField('deliveryId', bi('Leverans-id', 'Delivery id'), {
      required: true,
      index: true,
      description: bi('Samma i varje försök (rubriken X-Lagesbild-Delivery).', 'The same in every attempt (the X-Lagesbild-Delivery header).'),
    }),
    { name: 'attempt', type: 'number', label: bi('Försök', 'Attempt'), required: true },
    // `${deliveryId}:${attempt}`, unique: the database lets only one job runner send each attempt.
    textField('attemptKey', bi('Försöksnyckel', 'Attempt key'), { required: true, unique: true, admin: { hidden: true } }),
    textField('url', bi('Mottagare (URL)', 'Consumer (URL)'), { required: true }),
    {
      name: 'status',
      type: 'select',
      label: bi('Status', 'Status'),
      required: true,
      index: true,
      options: bilingualOptions([
        ['sending', 'Skickas', 'Sending'],
        ['delivered', 'Levererad', 'Delivered'],
        ['failed', 'Misslyckades', 'Failed'],
      ]),
    },
    { name: 'httpStatus', type: 'number', label: bi('HTTP-status', 'HTTP status') },
    { name: 'error', type: 'textarea', label: bi('Fel', 'Error') },
    { name: 'durationMs', type: 'number', label: bi('Tid (ms)', 'Duration (ms)') },
  ],
}
