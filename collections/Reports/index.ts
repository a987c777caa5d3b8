import type { CollectionConfig } from 'payload'

import { audienceVisibleTo, staffOrPublished } from '../../access/predicates'
import { editionEndpoints } from '../../src/editions/endpoints'
import { publishPartsWithReport } from '../../src/editions/publish-whole'
import { showLatestEdition } from '../../src/editions/read'
import { recordEditionOnPublish } from '../../src/editions/record'
import { TIME_ZONE } from '../../src/report-format/stockholm-time'
import { scheduleEndpoints } from '../../src/scheduling/endpoints'
import { sendingEndpoints } from '../../src/sending/endpoints'
import { queueEditionMailing } from '../../src/sending/report-hooks'
import { queueChangeWebhooks, queueDeleteWebhooks } from '../../src/webhooks/report-hooks'
import { contentCollection } from '../content'
import { DISTRIBUTION_OPTIONS } from '../fields/distribution'
import { audienceField, bi, linkListField, relationshipListField, textField, validateDate } from '../fields'
import { reviewEndpoint } from '../../src/reports/review'
import { applyReviewState } from '../hooks/review-state'
import { exportEndpoint } from './export-endpoint'
import { fillSlug, keepRecordKey } from './hooks'
import { LISTED_REPORTS } from './listed'
import { reviewField } from './review-field'

export const Reports: CollectionConfig = contentCollection(
  {
    slug: 'reports',
    labels: { singular: bi('Rapport', 'Report'), plural: bi('Rapporter', 'Reports') },
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['title', 'compiledAt', 'audience', '_status', 'review.state', 'updatedAt'],
      listSearchableFields: ['title', 'subject', 'slug'],
      // An untitled draft is not a report to list (collections/Reports/listed.ts).
      baseFilter: () => LISTED_REPORTS,
      // The admin's Preview button: the latest draft as the print view renders it (src/http/report-views.ts).
      preview: (doc) => (doc?.id ? `/reports/${doc.id}/preview` : null),
      // Publish, and schedule on the 24-hour clock (Payload's own drawer shows 12-hour times).
      components: {
        edit: {
          PublishButton: '/admin/publishing/ReportPublishButton#ReportPublishButton',
          editMenuItems: ['/admin/editions/NextReportMenuItem#NextReportMenuItem', '/admin/sending/SendTestMenuItem#SendTestMenuItem'],
          // "Förhandsgranska" and "Skriv ut" for the whole report (src/admin/report-document/ReportViewLinks.tsx).
          beforeDocumentControls: ['/admin/report-document/ReportViewLinks#ReportViewLinks'],
        },
      },
      description: bi(
        'Regionala rapporter: daterade lägesbilder till politisk ledning, chefer och intranätet.',
        'Regional reports: dated situation reports for political leadership, managers and the intranet.',
      ),
    },
    defaultSort: '-compiledAt',
    hooks: {
      beforeValidate: [fillSlug],
      // A report is published whole: its draft parts with it (src/editions/publish-whole.ts).
      beforeChange: [keepRecordKey, applyReviewState, publishPartsWithReport],
      // The edition first: the webhooks announce its number.
      afterChange: [recordEditionOnPublish, queueChangeWebhooks, queueEditionMailing],
      afterDelete: [queueDeleteWebhooks],
      // Readers read a published report as its latest edition (src/editions/read.ts).
      afterRead: [showLatestEdition],
    },
    // Payload's Duplicate shared the situation sections between two reports; "Ny rapport utifrån
    // denna" (POST /api/reports/:id/next) copies them instead.
    disableDuplicate: true,
    endpoints: [exportEndpoint, ...scheduleEndpoints('reports'), ...editionEndpoints, ...sendingEndpoints, reviewEndpoint],
    // The consumer list ("published, newest first") walks this index and stops after one page.
    indexes: [{ fields: ['_status', 'compiledAt', 'createdAt'] }],
    fields: [
      // "Klar för granskning" / "Skickad tillbaka": a banner with the review buttons at the top of the edit view.
      reviewField,
      textField('title', bi('Titel', 'Title'), { required: true }),
      textField('subject', bi('Ämne / program', 'Subject / programme'), {
        description: bi('T.ex. "Samordning vårdinformationssystem"', 'E.g. "Samordning vårdinformationssystem"'),
      }),
      {
        // The report as it reads, each section editable where it stands (src/admin/report-document/).
        name: 'reportDocument',
        type: 'ui',
        admin: { components: { Field: '/admin/report-document/ReportDocument#ReportDocument' } },
      },
      {
        name: 'compiledAt',
        type: 'date',
        label: bi('Sammanställd', 'Compiled'),
        required: true,
        index: true,
        validate: validateDate,
        timezone: {
          defaultTimezone: TIME_ZONE,
          supportedTimezones: [{ label: 'Stockholm', value: TIME_ZONE }],
          // The instant is what matters; API clients need not send the (only) time zone.
          override: ({ baseField }) => ({ ...baseField, required: false, defaultValue: TIME_ZONE }),
        },
        admin: {
          position: 'sidebar',
          date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm', timeFormat: 'HH:mm' },
          description: bi('Datum och klockslag (svensk tid).', 'Date and time (Swedish time).'),
        },
      },
      textField('slug', bi('Adressnamn (slug)', 'Slug'), {
        unique: true,
        index: true,
        admin: { position: 'sidebar' },
        description: bi('Skapas av titel och datum om fältet lämnas tomt.', 'Made from title and date when left empty.'),
      }),
      audienceField(),
      {
        name: 'distribution',
        type: 'select',
        hasMany: true,
        label: bi('Sändlista', 'Distribution'),
        options: DISTRIBUTION_OPTIONS,
        admin: { position: 'sidebar' },
      },
      relationshipListField(
        'sections',
        'sections',
        bi('Avsnitt', 'Sections'),
        bi(
          'Avsnitten i den ordning de visas. Ett avsnitt kan återanvändas i flera rapporter.',
          'Sections in display order. A section can be reused by several reports.',
        ),
      ),
      relationshipListField(
        'communicationActions',
        'communication-actions',
        bi('Kommunikativa åtgärder, urval', 'Communication actions (selection)'),
        bi('Urvalet av åtgärder, nyast först.', 'The selected actions, newest first.'),
      ),
      linkListField('collectedInformation', bi('Samlad information', 'Collected information')),
      relationshipListField(
        'spokespersons',
        'spokespersons',
        bi('Talesperson', 'Spokespersons'),
        bi('En eller flera talespersoner.', 'One or more spokespersons.'),
      ),
      textField('compiledBy', bi('Sammanställs av', 'Compiled by'), {
        description: bi('T.ex. "Koncernstab kommunikation, Koncernkontoret"', 'E.g. "Koncernstab kommunikation, Koncernkontoret"'),
      }),
      textField('commissionedBy', bi('På uppdrag av', 'Commissioned by')),
      textField('recordKey', bi('Rapportnyckel', 'Record key'), {
        unique: true,
        index: true,
        admin: { hidden: true, readOnly: true },
        description: bi('Rapportens identitet i utgåvorna; sätts när rapporten skapas.', 'The report’s identity in its editions; set when it is created.'),
      }),
      {
        name: 'edition',
        type: 'group',
        virtual: true,
        label: bi('Senaste utgåva', 'Latest edition'),
        // For the API; the admin shows the editions in their own panel (editionsPanel below).
        admin: { hidden: true, readOnly: true },
        fields: [
          { name: 'number', type: 'number', label: bi('Nummer', 'Number'), admin: { readOnly: true } },
          {
            name: 'publishedAt',
            type: 'date',
            label: bi('Publicerad', 'Published'),
            admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' } },
          },
          { name: 'sha256', type: 'text', label: bi('SHA-256 av texten', 'SHA-256 of the text'), admin: { readOnly: true } },
        ],
      },
      {
        // Each publication, and what changed between any two (src/admin/editions/EditionsPanel.tsx).
        name: 'editionsPanel',
        type: 'ui',
        admin: { components: { Field: '/admin/editions/EditionsPanel#EditionsPanel' } },
      },
      {
        // Per edition: sent, failed, pending, and "Skicka igen" (src/admin/sending/DeliveriesPanel.tsx).
        name: 'deliveriesPanel',
        type: 'ui',
        admin: { components: { Field: '/admin/sending/DeliveriesPanel#DeliveriesPanel' } },
      },
    ],
  },
  { read: staffOrPublished(audienceVisibleTo), schedulePublish: true },
)
