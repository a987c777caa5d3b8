/**
 * The access contract, written once as data: who may do what to each collection. The access
 * matrix spec asserts every cell over REST and GraphQL; docs/ACCESS.md is rendered from it
 * (`npm run docs:access`). Change the rules and this table together.
 */
export const MATRIX_ACTORS = ['admin', 'publisher', 'editor', 'reader', 'readerKey', 'anonymous'] as const
export type MatrixActor = (typeof MATRIX_ACTORS)[number]

const OPERATIONS = {
  create: 'create a document (as a draft where the collection has drafts)',
  read: 'read a published document meant for everyone (public, active)',
  readRestricted: 'read a published document that is internal (reports, actions, editions) or inactive (spokespersons)',
  readDraft: 'read a document that is only a draft',
  update: 'update: save a draft (drafted content) or change another user / entry',
  publish: 'publish a draft',
  delete: 'delete a published document (another user / entry)',
  readVersions: 'read the version history',
} as const
export type Operation = keyof typeof OPERATIONS

const STAFF: MatrixActor[] = ['admin', 'publisher', 'editor']
const PUBLISHERS: MatrixActor[] = ['admin', 'publisher']
const EVERYONE: MatrixActor[] = [...MATRIX_ACTORS]
const INTERNAL: MatrixActor[] = [...STAFF, 'reader', 'readerKey']

/** Drafted editorial content: staff write drafts, publishers publish and delete. */
const content = (readRestricted: MatrixActor[] | null): Partial<Record<Operation, MatrixActor[]>> => ({
  create: STAFF,
  read: EVERYONE,
  ...(readRestricted ? { readRestricted } : {}),
  readDraft: STAFF,
  update: STAFF,
  publish: PUBLISHERS,
  delete: PUBLISHERS,
  readVersions: STAFF,
})

/** Allowed actors per collection and operation; an operation left out does not apply. */
export const EXPECTED_ACCESS = {
  reports: content(INTERNAL),
  sections: content(null),
  'communication-actions': content(INTERNAL),
  // Inactive spokespersons are hidden from readers too: they no longer speak for anyone.
  spokespersons: content(STAFF),
  // "read/update/delete" of users means another user; everyone may read and update themselves,
  // except their roles and API key (admins only: collections/Users).
  users: { create: ['admin'], read: ['admin'], update: ['admin'], delete: ['admin'] },
  // A record of what was published: readable under its report's audience rules, written by the server only.
  editions: { create: [], read: EVERYONE, readRestricted: INTERNAL, update: [], delete: [] },
  'audit-log': { create: [], read: PUBLISHERS, update: [], delete: [] },
  'webhook-deliveries': { create: [], read: ['admin'], update: [], delete: [] },
  // Recipients are personal data: editors read a list's name, distribution and recipient count only
  // (the recipients field is hidden from them: tests/sending-access.spec.ts).
  'distribution-lists': { create: PUBLISHERS, read: STAFF, update: PUBLISHERS, delete: PUBLISHERS },
  // The delivery log names recipients: publishers read it; only the sending jobs write it.
  deliveries: { create: [], read: PUBLISHERS, update: [], delete: [] },
} satisfies Record<string, Partial<Record<Operation, MatrixActor[]>>>

export type MatrixCollection = keyof typeof EXPECTED_ACCESS

/** The matrix as a Markdown table (docs/ACCESS.md). */
export function renderAccessMarkdown(): string {
  const lines = [
    '# Access matrix',
    '',
    'Generated from `access/matrix.ts` by `npm run docs:access`; `tests/access-matrix.spec.ts` asserts every',
    'cell over REST and GraphQL. ✅ allowed · ❌ refused · – does not apply. `readerKey` is a reader',
    'authenticating with an API key (a consumer site); `anonymous` sends no credentials.',
    '',
  ]
  for (const [collection, rules] of Object.entries(EXPECTED_ACCESS)) {
    lines.push(`## ${collection}`, '', `| operation | ${MATRIX_ACTORS.join(' | ')} |`, `| --- |${MATRIX_ACTORS.map(() => ' --- |').join('')}`)
    for (const operation of Object.keys(OPERATIONS) as Operation[]) {
      const allowed = (rules as Partial<Record<Operation, MatrixActor[]>>)[operation]
      const cells = MATRIX_ACTORS.map((actor) => (allowed === undefined ? '–' : allowed.includes(actor) ? '✅' : '❌'))
      lines.push(`| ${operation} | ${cells.join(' | ')} |`)
    }
    lines.push('')
  }
  lines.push('## Operations', '', ...Object.entries(OPERATIONS).map(([name, text]) => `- **${name}**: ${text}`), '')
  return lines.join('\n')
}
