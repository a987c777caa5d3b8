/**
 * Runtime configuration, validated once at start-up. A missing or malformed value stops the
 * process with one line that names the variable, instead of failing later in a request.
 * The server and every script first read `.env` from the working directory (real environment
 * variables win over it; LAGESBILD_ENV_FILE names another file, or `off` for none).
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseEnv as parseDotEnv } from 'node:util'
import { z } from 'zod'

const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url({ protocol: /^https?$/ })))

const databaseUrl = z
  .string()
  .trim()
  .optional()
  .refine(
    (value) => !value || /^(file:|postgres(ql)?:\/\/|mongodb(\+srv)?:\/\/)/.test(value),
    'must start with file:, postgres://, postgresql:// or mongodb://',
  )

/** "Name <address>" or a bare address (a local address such as noreply@localhost is allowed). */
const mailbox = z
  .string()
  .trim()
  .regex(/^([^<>]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, 'must be an address or "Name <address>"')

const onOff = z.enum(['on', 'off']).default('on')

const LOGO_TYPES = /\.(svg|png|jpe?g|webp|gif)$/i

/** A logo file on this server's disk (served at /branding/logo): it must exist and be an image. */
const logoFile = z
  .string()
  .trim()
  .optional()
  .refine((value) => !value || LOGO_TYPES.test(value), 'must be an .svg, .png, .jpg, .webp or .gif file')
  .refine((value) => !value || existsSync(path.resolve(value)), 'no such file')

const fields = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PAYLOAD_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DATABASE_URL: databaseUrl,
  /**
   * off: never change the schema from this process, only check it is migrated (the npm scripts set
   * it: a script uses the committed migrations). on: outside production, SQL schemas are pushed.
   */
  DATABASE_PUSH: onOff,
  /** PostgreSQL connections per server process (the database's max_connections is shared by all). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(500).default(20),
  /** API writes handled at once per process; more wait their turn in memory, not in the pool. */
  MAX_CONCURRENT_WRITES: z.coerce.number().int().min(1).max(500).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  SERVER_URL: z.url({ protocol: /^https?$/ }).optional(),
  CORS_ORIGINS: commaList,
  CSRF_ORIGINS: commaList,
  /** Cron (with seconds) for the in-process job runner that performs scheduled publishing. */
  JOBS_CRON: z.string().default('*/10 * * * * *'),
  SEED_ADMIN_EMAIL: z.email().optional(),
  SEED_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  /** Redis for sharing cache invalidations between server instances (and scripts). */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Development only: load the seed report into an empty database at start-up. */
  AUTO_SEED: z.enum(['true', 'false']).default('true'),
  /** Consumers notified (signed POST) when a report is published, unpublished or deleted; empty: webhooks off. */
  WEBHOOK_URLS: commaList,
  WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Outgoing mail (password reset) over SMTP; unset: mails are written to MAIL_CAPTURE_DIR instead. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: mailbox.default('lagesbild <noreply@localhost>'),
  MAIL_REPLY_TO: mailbox.optional(),
  /** Without SMTP_URL each mail is appended to outbox.jsonl here (default data/mail). */
  MAIL_CAPTURE_DIR: z.string().trim().optional(),
  /** The report on the intranet or website, linked from each mailed edition: `{slug}` is replaced (unset: no link). */
  MAIL_REPORT_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .refine((value) => !value || value.includes('{slug}'), 'must contain {slug}'),
  /** First wait before a report mailing retries a temporary SMTP failure; it doubles per retry (6 retries). */
  MAIL_RETRY_DELAY_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /**
   * A delivery in "sending" whose process has not renewed its claim for this long was cut off
   * mid-send (the process died): it becomes "failed", for a person to resend (src/sending/claim.ts).
   */
  MAIL_SENDING_LEASE_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(300_000),
  /** off: API only, no Next.js admin (no `next build` needed; tests and benchmarks use it). */
  LAGESBILD_ADMIN: onOff,
  /** Anonymous reads run before taking traffic so V8 has optimised that path (bench/STALL.md); 0: none. */
  LAGESBILD_WARMUP: z.coerce.number().int().min(0).max(10_000).default(50),
  /** off: this process runs no jobs (scheduled publishing, webhooks); another process must. */
  LAGESBILD_JOBS: onOff,
  /** off: no published-read cache, every read goes to Payload (the benchmark measures stock Payload so). */
  LAGESBILD_CACHE: onOff,
  /** off: readers' cold reads of published reports go through Payload instead of the edition (src/http/edition-reads.ts). */
  LAGESBILD_EDITION_READS: onOff,
  /** 1: responses say how many database calls they made (x-lagesbild-db-calls); the tests read it. */
  LAGESBILD_DEBUG_HEADERS: z.enum(['0', '1']).default('0'),
  /**
   * Worker processes serving one port (node:cluster). Default: 1 in development and on SQLite
   * (one file, one writer: see docs/SCALING.md), the number of cores in production otherwise.
   */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
  /** GET /metrics (Prometheus) answers only with `Authorization: Bearer <token>`; unset: /metrics is 404. */
  METRICS_TOKEN: z.string().trim().min(24, 'must be at least 24 characters').optional(),
  /** A request slower than this is logged with its id (5xx answers always are); 0 logs every request. */
  LOG_SLOW_REQUEST_MS: z.coerce.number().int().min(0).default(1_000),
  /** Largest request body accepted (413 beyond). Reports are text: 2 MB is far above any real one (the seed is 6 KB). */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(2 * 1024 * 1024),
  /** Branding of the admin (login page, navigation): the organisation's name and logo, a URL or a file. */
  ORGANISATION_NAME: z.string().trim().max(100, 'must be at most 100 characters').optional(),
  ORGANISATION_LOGO_URL: z.url({ protocol: /^https?$/ }).optional(),
  ORGANISATION_LOGO_FILE: logoFile,
})

const envSchema = fields
  .refine((env) => env.WEBHOOK_URLS.length === 0 || Boolean(env.WEBHOOK_SECRET), {
    path: ['WEBHOOK_SECRET'],
    message: 'required when WEBHOOK_URLS is set',
  })
  .refine((env) => !(env.ORGANISATION_LOGO_URL && env.ORGANISATION_LOGO_FILE), {
    path: ['ORGANISATION_LOGO_FILE'],
    message: 'set ORGANISATION_LOGO_URL or ORGANISATION_LOGO_FILE, not both',
  })

type Fields = z.infer<typeof fields>

type Env = Fields & { PAYLOAD_SECRET: string; SERVER_URL: string }

export class EnvError extends Error {}

/** What loadEnvFile read: the file, its values, and the variables it set (the ones the environment did not have). */
export interface EnvFile {
  file: string
  values: Record<string, string | undefined>
  applied: Set<string>
}

/**
 * Reads `.env` (Node's own parser, as `node --env-file`) into `target` under the real environment:
 * a variable already set, even to an empty value, keeps its value. LAGESBILD_ENV_FILE names another
 * file (relative to `cwd`), or `off` for none. No file: nothing happens (the file is optional).
 */
export function loadEnvFile(target: Record<string, string | undefined> = process.env, cwd = process.cwd()): EnvFile | undefined {
  const choice = target.LAGESBILD_ENV_FILE?.trim() || '.env'
  if (choice === 'off') return undefined
  const file = path.resolve(cwd, choice)
  if (!existsSync(file)) {
    if (target.LAGESBILD_ENV_FILE) throw new EnvError(`Invalid configuration: LAGESBILD_ENV_FILE: ${file} does not exist`)
    return undefined
  }
  const values = parseDotEnv(readFileSync(file, 'utf8'))
  const applied = new Set<string>()
  for (const [key, value] of Object.entries(values)) {
    if (key in target || value === undefined) continue
    target[key] = value
    applied.add(key)
  }
  return { file, values, applied }
}

/** Validates with the schema; throws EnvError with one line per bad variable. Empty values count as unset. */
function validate<T>(schema: z.ZodType<T>, source: Record<string, string | undefined>, envFile?: EnvFile): T {
  const blankToUndefined = Object.fromEntries(Object.entries(source).map(([key, value]) => [key, value === '' ? undefined : value]))
  const result = schema.safeParse(blankToUndefined)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = issue.path.join('.')
      // Also when another loader read the same file first (Payload's CLI reads .env before the config).
      const fromFile = envFile !== undefined && envFile.values[name] !== undefined && envFile.values[name] === source[name]
      const origin = fromFile ? ` (set in ${envFile.file})` : ''
      return `${name}: ${issue.message}${origin}`
    })
    throw new EnvError(`Invalid configuration: ${lines.join('; ')}`)
  }
  return result.data
}

/** Parses the environment; throws EnvError with one line per bad variable. */
export function parseEnv(source: Record<string, string | undefined>, projectRoot = process.cwd(), envFile?: EnvFile): Env {
  const env = validate(envSchema, source, envFile)
  let secret = env.PAYLOAD_SECRET
  if (!secret && source.NEXT_PHASE === 'phase-production-build') {
    // `next build` loads the config to collect pages but never signs a token: a throwaway will do.
    secret = randomBytes(32).toString('hex')
  }
  if (!secret) {
    if (env.NODE_ENV === 'production') {
      throw new EnvError('Invalid configuration: PAYLOAD_SECRET: required in production')
    }
    secret = developmentSecret(projectRoot)
  }
  return {
    ...env,
    PAYLOAD_SECRET: secret,
    SERVER_URL: env.SERVER_URL ?? `http://localhost:${env.PORT}`,
  }
}

/** Outside production a missing secret is generated once and kept in data/ so sessions survive restarts. */
function developmentSecret(projectRoot: string): string {
  const file = path.join(projectRoot, 'data', '.payload-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const secret = randomBytes(32).toString('hex')
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

let cached: Env | undefined
let envFile: { loaded?: EnvFile } | undefined

/** `.env` is read into process.env once per process, before anything validates it. */
function processEnvFile(): EnvFile | undefined {
  envFile ??= { loaded: loadEnvFile() }
  return envFile.loaded
}

/** The validated environment of this process (`.env` included); exits with one clear line when it is invalid. */
export function env(): Env {
  cached ??= exitIfInvalid(() => parseEnv(process.env, process.cwd(), processEnvFile()))
  return cached
}

/**
 * Only the named variables, validated as env() validates them, for scripts that need no more
 * (backup and restore need the database, not PAYLOAD_SECRET). Exits with one clear line when invalid.
 */
export function envVariables<K extends keyof Fields>(...names: K[]): Pick<Fields, K> {
  const mask = Object.fromEntries(names.map((name) => [name, true])) as Partial<Record<keyof Fields, true>>
  const schema = fields.pick(mask) as unknown as z.ZodType<Pick<Fields, K>>
  return exitIfInvalid(() => validate(schema, process.env, processEnvFile()))
}

function exitIfInvalid<T>(parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
}
