import type { CollectionBeforeOperationHook, CollectionConfig } from 'payload'

import { isPublisher, nobody } from '../access/predicates'
import { env } from '../src/env'
import { failStaleClaims } from '../src/sending/claim'
import { bi, bilingualOptions, textField } from './fields'

export const MAIL_DELIVERY_STATUSES = ['queued', 'sending', 'retrying', 'sent', 'failed'] as const
export type MailDeliveryStatus = (typeof MAIL_DELIVERY_STATUSES)[number]

const dateTime = { date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm:ss' } } as const

/**
 * Whoever reads the log (the admin's list, the report's delivery summary, "Skicka igen") sees a
 * delivery whose process died mid-send as failed, not as "sending" forever (src/sending/claim.ts).
 */
const failStaleClaimsFirst: CollectionBeforeOperationHook = async ({ operation, req, args }) => {
  if (operation === 'read' || operation === 'count') await failStaleClaims(req.payload, env().MAIL_SENDING_LEASE_MS)
  return args
}

/**
 * The delivery log ("Utskick"): one row per edition and recipient address (or per test mail),
 * written only by the sending jobs (src/sending/). The unique `deliveryKey` makes a second row
 * for the same edition and address impossible, and the row's status is claimed before each
 * attempt, so no restart, crash or second job runner sends an edition twice to one address.
 * Recipients are personal data: admins and publishers read the log; no API writes it.
 */
export const Deliveries: CollectionConfig = {
  slug: 'deliveries',
  labels: { singular: bi('Utskick', 'Delivery'), plural: bi('Utskick', 'Deliveries') },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['createdAt', 'reportTitle', 'editionNumber', 'listName', 'email', 'status', 'attempts', 'smtpResponse'],
    description: bi(
      'Varje e-postmeddelande med en rapportutgåva: till vem, från vilken sändlista, och hur det gick. Skrivs bara av servern.',
      'Every e-mail carrying a report edition: to whom, from which list, and how it went. Written by the server only.',
    ),
  },
  defaultSort: '-createdAt',
  access: { read: isPublisher, create: nobody, update: nobody, delete: nobody },
  hooks: { beforeOperation: [failStaleClaimsFirst] },
  lockDocuments: false,
  fields: [
    {
      name: 'kind',
      type: 'select',
      label: bi('Typ', 'Kind'),
      required: true,
      defaultValue: 'edition',
      options: bilingualOptions([
        ['edition', 'Utgåva', 'Edition'],
        ['test', 'Provutskick', 'Test'],
      ]),
    },
    // `${edition id}:${address}` for an edition, `test:${uuid}` for a test: unique, so an address gets an edition once.
    textField('deliveryKey', bi('Utskicksnyckel', 'Delivery key'), { required: true, unique: true, admin: { hidden: true } }),
    { name: 'edition', type: 'relationship', relationTo: 'editions', label: bi('Utgåva', 'Edition'), index: true },
    { name: 'report', type: 'relationship', relationTo: 'reports', label: bi('Rapport', 'Report'), index: true },
    // Copied: the log outlives renamed lists and deleted reports.
    textField('reportTitle', bi('Rapport', 'Report')),
    { name: 'editionNumber', type: 'number', label: bi('Utgåva nr', 'Edition no.') },
    { name: 'list', type: 'relationship', relationTo: 'distribution-lists', label: bi('Sändlista', 'Distribution list'), index: true },
    textField('listName', bi('Sändlista', 'Distribution list')),
    textField('recipientName', bi('Mottagare', 'Recipient')),
    { name: 'email', type: 'email', label: bi('E-post', 'E-mail'), required: true, index: true },
    textField('organisation', bi('Organisation', 'Organisation')),
    {
      name: 'status',
      type: 'select',
      label: bi('Status', 'Status'),
      required: true,
      index: true,
      defaultValue: 'queued',
      options: bilingualOptions([
        ['queued', 'Köad', 'Queued'],
        ['sending', 'Skickas', 'Sending'],
        ['retrying', 'Försöker igen', 'Retrying'],
        ['sent', 'Skickad', 'Sent'],
        ['failed', 'Misslyckades', 'Failed'],
      ]),
    },
    { name: 'attempts', type: 'number', label: bi('Försök', 'Attempts'), required: true, defaultValue: 0 },
    textField('smtpResponse', bi('Svar från e-postservern', 'SMTP response'), { maxLength: 2_000 }),
    { name: 'error', type: 'textarea', label: bi('Fel', 'Error') },
    textField('messageId', bi('Message-ID', 'Message-ID')),
    { name: 'lastAttemptAt', type: 'date', label: bi('Senaste försök', 'Last attempt'), admin: dateTime },
    { name: 'sentAt', type: 'date', label: bi('Skickad', 'Sent'), admin: dateTime },
    textField('requestedBy', bi('Begärd av', 'Requested by'), {
      description: bi('Vem som bad om provutskicket eller om att skicka igen.', 'Who asked for the test or the resend.'),
    }),
  ],
}
