/**
 * The Payload configuration: collections, database (chosen by DATABASE_URL in database.ts),
 * admin languages (Swedish default, English), and the in-process job runner that performs
 * scheduled publishing.
 */
import { en } from '@payloadcms/translations/languages/en'
import { sv } from '@payloadcms/translations/languages/sv'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig, type SanitizedConfig } from 'payload'
import { destination, pino } from 'pino'
import { build as prettyLines } from 'pino-pretty'

import { isStaffUser, hasRole } from '../access/roles'
import { collections } from '../collections'
import { PRODUCT_NAME } from './admin/branding/branding'
import { DOCUMENT_DATE_FORMAT, LIST_DATE_FORMAT } from './admin/date-formats'
import { DEFAULT_LANGUAGE } from './admin/language/admin-language'
import { startBroadcast } from './cache/registry'
import { runsJobs } from './cluster/primary-channel'
import { databaseAdapter, guardDatabaseConnection } from './database'
import { emailAdapter } from './email'
import { answerForgotPasswordAlike } from './email/forgot-password'
import { depthLimit } from './graphql/depth-limit'
import { editionMutations, editionQueries } from './graphql/editions'
import { fixPayloadMutations, fixPayloadQueries } from './graphql/payload-fixes'
import { reviewMutations } from './graphql/review'
import { env } from './env'
import { logFields } from './observability/request-log'
import { TIME_ZONE } from './report-format/stockholm-time'
import { warnIfMailGoesNowhere } from './sending/startup'
import { deliverEditionTask, sendEditionTask } from './sending/tasks'
import { deliverWebhookTask } from './webhooks/deliver-task'

/** Deep enough for a full report with its sections' joins; deeper queries are refused. */
const MAX_GRAPHQL_DEPTH = 10
const srcDir = path.dirname(fileURLToPath(import.meta.url))
const settings = env()

const config = buildConfig({
  secret: settings.PAYLOAD_SECRET,
  serverURL: settings.SERVER_URL,
  db: databaseAdapter(settings.DATABASE_URL, settings.DATABASE_POOL_SIZE, settings.DATABASE_PUSH === 'on'),
  collections,
  // Logs go to standard error, so that a script's standard output holds only its data
  // (`npm run export -- 1 > report.md`): JSON lines in production, readable lines otherwise.
  // Every line written while a request is handled carries its id (src/observability/request-log.ts).
  logger:
    settings.NODE_ENV === 'production'
      ? pino({ name: 'payload', mixin: logFields }, destination(2))
      : pino(
          { mixin: logFields },
          prettyLines({
            colorize: Boolean(process.stderr.isTTY),
            ignore: 'pid,hostname,requestId,worker',
            messageFormat: '{if worker}worker {worker} {end}{if requestId}[{requestId}] {end}{msg}',
            translateTime: 'SYS:HH:MM:ss',
            destination: 2,
          }),
        ),
  // Password-reset mail: SMTP with SMTP_URL, else captured to data/mail/outbox.jsonl (src/email).
  email: emailAdapter(settings),
  onInit: async (payload) => {
    guardDatabaseConnection(payload)
    // Every process that writes (server, scripts) shares its cache invalidations when REDIS_URL is set.
    await startBroadcast(settings.REDIS_URL, payload.logger)
    await warnIfMailGoesNowhere(payload, settings)
  },
  cors: settings.CORS_ORIGINS,
  csrf: [settings.SERVER_URL, ...settings.CSRF_ORIGINS],
  telemetry: false,
  admin: {
    user: 'users',
    // The default avatar is gravatar, an external request on every admin page.
    avatar: 'default',
    meta: {
      titleSuffix: ` · ${PRODUCT_NAME}`,
      description: `${PRODUCT_NAME}: regionala lägesbilder`,
      icons: [{ rel: 'icon', type: 'image/svg+xml', url: '/favicon.ico' }],
      openGraph: { siteName: PRODUCT_NAME, title: PRODUCT_NAME, description: `${PRODUCT_NAME}: regionala lägesbilder` },
    },
    // A document's dates (last modified, created, versions): "1 december 2026 08:45"; Payload's
    // default is "MMMM do yyyy, h:mm a". Lists use LIST_DATE_FORMAT (listTimestampsInListForm below).
    dateFormat: DOCUMENT_DATE_FORMAT,
    components: {
      // The product's and the organisation's name and logo instead of Payload's (src/admin/branding).
      graphics: { Logo: '/admin/branding/Logo#Logo', Icon: '/admin/branding/Icon#Icon' },
      beforeNavLinks: ['/admin/branding/NavBrand#NavBrand'],
      // Swedish throughout: a user's language choice kept in their account; Payload's hard-coded English
      // and the texts it composes from our labels (search placeholder, dashboard create links) put right.
      providers: [
        '/admin/language/RememberLanguage#RememberLanguage',
        '/admin/language/HardCodedEnglish#HardCodedEnglish',
        '/admin/language/ComposedLabels#ComposedLabels',
      ],
      // The editorial office's desk above the collection links (src/admin/desk/Desk.tsx).
      beforeDashboard: ['/admin/desk/Desk#Desk'],
    },
    importMap: { baseDir: srcDir },
    timezones: {
      defaultTimezone: TIME_ZONE,
      supportedTimezones: [{ label: 'Stockholm', value: TIME_ZONE }],
    },
  },
  // Swedish unless the user chose English in their account (src/admin/language/admin-language.ts).
  i18n: {
    fallbackLanguage: DEFAULT_LANGUAGE,
    supportedLanguages: { sv, en },
  },
  jobs: {
    // Scheduled publishing queues jobs; this cron runs them inside the server process.
    autoRun: [
      { cron: settings.JOBS_CRON, queue: 'default', limit: 20 },
      // Report mailings: many small jobs, sent over a few pooled SMTP connections (src/email).
      { cron: settings.JOBS_CRON, queue: 'mail', limit: 100 },
    ],
    // Exactly one process of a multi-process server runs them (src/cluster/primary.ts).
    shouldAutoRun: () => settings.LAGESBILD_JOBS === 'on' && runsJobs,
    // Report webhooks (src/webhooks/): one job per consumer and event, retried with backoff.
    // Report mailings (src/sending/): one job per edition, then one per recipient, retried with backoff.
    tasks: [deliverWebhookTask, sendEditionTask, deliverEditionTask(settings.MAIL_RETRY_DELAY_MS)],
    // Payload's default lets any signed-in user (a reader, an API key) run or queue jobs.
    access: {
      run: ({ req }) => hasRole(req.user, 'admin'),
      queue: ({ req }) => isStaffUser(req.user),
      cancel: ({ req }) => hasRole(req.user, 'admin'),
    },
  },
  graphQL: {
    schemaOutputFile: path.resolve(srcDir, '..', 'schema.graphql'),
    maxComplexity: 1000,
    validationRules: () => [depthLimit(MAX_GRAPHQL_DEPTH)],
    disablePlaygroundInProduction: true,
    disableIntrospectionInProduction: true,
    // Payload's Access/docAccess answers, join access and e-mail verification (see the file).
    // And editions: readers' reports show their latest edition; ReportChanges; nextReport (src/graphql/editions.ts).
    queries: (graphql, info) => ({ ...fixPayloadQueries(graphql, info), ...editionQueries(graphql, info) }),
    // And review: markReportReadyForReview, sendReportBack (src/graphql/review.ts).
    mutations: (graphql, info) => ({ ...fixPayloadMutations(graphql, info), ...editionMutations(graphql, info), ...reviewMutations(graphql, info) }),
  },
  typescript: {
    outputFile: path.resolve(srcDir, 'payload-types.ts'),
  },
})

/**
 * Payload adds system collections after our config is built. Document locks (who is editing
 * what) are readable and writable by any signed-in user by default: narrow them to staff.
 */
function restrictSystemCollections(sanitized: SanitizedConfig): SanitizedConfig {
  const locks = sanitized.collections.find((collection) => collection.slug === 'payload-locked-documents')
  if (locks) {
    const staffOnly = ({ req }: { req: { user: unknown } }) => isStaffUser(req.user as never)
    Object.assign(locks.access, { read: staffOnly, create: staffOnly, update: staffOnly, delete: staffOnly })
  }
  return sanitized
}

/**
 * Payload adds createdAt and updatedAt itself, formatted with admin.dateFormat (a document's long
 * form) wherever they appear: as list columns (the audit log's time, "Senast ändrad") they take
 * the list form, which lines up.
 */
function listTimestampsInListForm(sanitized: SanitizedConfig): SanitizedConfig {
  for (const collection of sanitized.collections) {
    for (const field of collection.fields) {
      if (field.type === 'date' && ['createdAt', 'updatedAt', 'deletedAt'].includes(field.name) && !field.admin?.date?.displayFormat) {
        field.admin = { ...field.admin, date: { ...field.admin?.date, displayFormat: LIST_DATE_FORMAT } }
      }
    }
  }
  return sanitized
}

export default config.then(restrictSystemCollections).then(listTimestampsInListForm).then(answerForgotPasswordAlike)
