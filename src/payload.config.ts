/**
 * The Payload configuration: collections, database (chosen by DATABASE_URL in database.ts),
 * admin languages (Swedish default, English), and the in-process job runner that performs
 * scheduled publishing.
 */
import { en } from '@payloadcms/translations/languages/en'
import { sv } from '@payloadcms/translations/languages/sv'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'

import { collections } from '../collections'
import { databaseAdapter, guardDatabaseConnection } from './database'
import { env } from './env'

const srcDir = path.dirname(fileURLToPath(import.meta.url))
const config = env()

export default buildConfig({
  secret: config.PAYLOAD_SECRET,
  serverURL: config.SERVER_URL,
  db: databaseAdapter(config.DATABASE_URL),
  collections,
  onInit: async (payload) => guardDatabaseConnection(payload),
  cors: config.CORS_ORIGINS,
  csrf: [config.SERVER_URL, ...config.CSRF_ORIGINS],
  telemetry: false,
  admin: {
    user: 'users',
    // The default avatar is gravatar, an external request on every admin page.
    avatar: 'default',
    meta: { titleSuffix: ' · lagesbild' },
    importMap: { baseDir: srcDir },
    timezones: {
      defaultTimezone: 'Europe/Stockholm',
      supportedTimezones: [{ label: 'Stockholm', value: 'Europe/Stockholm' }],
    },
  },
  i18n: {
    fallbackLanguage: 'sv',
    supportedLanguages: { sv, en },
  },
  jobs: {
    // Scheduled publishing queues jobs; this cron runs them inside the server process.
    autoRun: [{ cron: config.JOBS_CRON, queue: 'default', limit: 20 }],
    shouldAutoRun: () => process.env.LAGESBILD_JOBS !== 'off',
  },
  graphQL: {
    schemaOutputFile: path.resolve(srcDir, '..', 'schema.graphql'),
    maxComplexity: 1000,
    disablePlaygroundInProduction: true,
  },
  typescript: {
    outputFile: path.resolve(srcDir, 'payload-types.ts'),
  },
})
