/**
 * The access matrix (access/matrix.ts) asserted cell by cell: every actor x collection x
 * operation, over REST and over GraphQL, through the real HTTP server. A refused write must
 * also leave the database unchanged, which each cell checks by reading back as the admin.
 */
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'

import { EXPECTED_ACCESS, MATRIX_ACTORS, type MatrixActor, type MatrixCollection, type Operation, renderAccessMarkdown } from '../access/matrix'
import { databaseKind } from '../src/database'
import { type Actors, createActors, graphqlAs, restAs } from './support/actors'
import { persistedQueryPath } from './support/api'
import { localPayload } from './support/local-payload'

type Doc = Record<string, any>
type Variant = 'public' | 'restricted'

interface Subject {
  drafted: boolean
  graphql: { one: string; create: string; update: string; remove: string; versions?: string; input: string; updateInput: string }
  /** A new document's data; `marker` makes it findable. */
  newData: (marker: string, variant: Variant) => Doc
  /** The field an update changes, to check afterwards whether it changed. */
  updateField: string
  /** The field that tells one new document from another (it carries the marker). */
  identity: string
}

const SUBJECTS: Record<MatrixCollection, Subject> = {
  reports: {
    drafted: true,
    graphql: gqlNames('Report', 'Reports'),
    newData: (marker, variant) => ({
      title: `Matris ${marker}`,
      compiledAt: '2025-06-01T08:00:00.000Z',
      audience: variant === 'public' ? 'public' : 'internal',
    }),
    updateField: 'title',
    identity: 'title',
  },
  sections: {
    drafted: true,
    graphql: gqlNames('Section', 'Sections'),
    newData: (marker) => ({ title: `Matris ${marker}`, kind: 'other' }),
    updateField: 'title',
    identity: 'title',
  },
  'communication-actions': {
    drafted: true,
    graphql: gqlNames('CommunicationAction', 'CommunicationActions'),
    newData: (marker, variant) => ({
      date: '2025-06-01T12:00:00.000Z',
      title: `Matris ${marker}`,
      url: '#',
      audience: variant === 'public' ? 'public' : 'internal',
    }),
    updateField: 'title',
    identity: 'title',
  },
  spokespersons: {
    drafted: true,
    graphql: gqlNames('Spokesperson', 'Spokespersons'),
    newData: (marker, variant) => ({ name: `Matris ${marker}`, title: 'direktör', active: variant === 'public' }),
    updateField: 'title',
    identity: 'name',
  },
  users: {
    drafted: false,
    graphql: gqlNames('User'),
    newData: (marker) => ({ email: `matris-${marker}@test.local`, password: 'matris-password-1', roles: ['reader'] }),
    updateField: 'name',
    identity: 'email',
  },
  'webhook-deliveries': {
    drafted: false,
    graphql: gqlNames('WebhookDelivery'),
    newData: (marker) => ({
      event: 'report.published',
      reportId: marker,
      deliveryId: marker,
      attempt: 1,
      attemptKey: `${marker}:1`,
      url: 'https://example.org/hook',
      status: 'delivered',
    }),
    updateField: 'error',
    identity: 'deliveryId',
  },
  'distribution-lists': {
    drafted: false,
    graphql: gqlNames('DistributionList'),
    newData: (marker) => ({
      name: `Matris ${marker}`,
      distribution: 'managers',
      recipients: [{ name: 'Matris Mottagare', email: `mottagare-${marker}@test.local` }],
    }),
    updateField: 'name',
    identity: 'name',
  },
  deliveries: {
    drafted: false,
    graphql: gqlNames('Delivery'),
    newData: (marker) => ({ kind: 'test', deliveryKey: `test:${marker}`, email: `matris-${marker}@test.local`, status: 'sent', attempts: 1 }),
    updateField: 'error',
    identity: 'deliveryKey',
  },
  editions: {
    drafted: false,
    graphql: gqlNames('Edition'),
    newData: (marker) => ({
      reportKey: marker,
      number: 1,
      publishedAt: '2025-06-01T08:00:00.000Z',
      title: `Matris ${marker}`,
      content: {},
      text: 'x',
      sha256: 'x',
    }),
    updateField: 'text',
    identity: 'reportKey',
  },
  'audit-log': {
    drafted: false,
    graphql: gqlNames('AuditLog'),
    newData: (marker) => ({ action: 'create', collectionSlug: 'reports', documentId: marker }),
    updateField: 'summary',
    identity: 'documentId',
  },
}

function gqlNames(singular: string, versionsPlural?: string): Subject['graphql'] {
  return {
    one: singular,
    create: `create${singular}`,
    update: `update${singular}`,
    remove: `delete${singular}`,
    versions: versionsPlural ? `versions${versionsPlural}` : undefined,
    input: `mutation${singular}Input`,
    updateInput: `mutation${singular}UpdateInput`,
  }
}

const idLiteral = (id: unknown) => (databaseKind(process.env.DATABASE_URL) === 'mongodb' ? JSON.stringify(String(id)) : String(id))
const marker = () => randomUUID().slice(0, 8)

/** Allowed: 200. Refused: 403, or 404 where the caller may not even learn that the document exists. */
function expectStatus(status: number, allowed: boolean) {
  if (allowed) expect(status).toBe(200)
  else expect([403, 404]).toContain(status)
}

describe('access matrix', () => {
  let actors: Actors
  const admin = () => restAs(actors.admin)

  beforeAll(async () => {
    actors = await createActors()
  })

  /** Creates a document as the admin (audit entries cannot be created: take one the log already has). */
  async function fixture(collection: MatrixCollection, variant: Variant, status: 'published' | 'draft' = 'published'): Promise<Doc> {
    if (collection === 'audit-log') {
      await fixture('sections', 'public')
      return (await admin()('/api/audit-log?limit=1&sort=-createdAt')).body.docs[0]
    }
    if (collection === 'editions') {
      // Only publishing a report makes an edition: publish one of the variant's audience and take its edition.
      const report = await fixture('reports', variant, 'published')
      return (await admin()(`/api/editions?where[report][equals]=${report.id}&depth=0`)).body.docs[0]
    }
    if (collection === 'webhook-deliveries' || collection === 'deliveries') {
      // Only the delivery tasks write these: make one the way it does, through the Local API.
      return (await localPayload()).create({ collection, data: SUBJECTS[collection].newData(marker(), 'public') as never, overrideAccess: true })
    }
    const subject = SUBJECTS[collection]
    const data = { ...subject.newData(marker(), variant), ...(subject.drafted ? { _status: status } : {}) }
    const response = await admin()(`/api/${collection}`, { method: 'POST', body: data })
    expect(response.status, `fixture ${collection}: ${JSON.stringify(response.body)}`).toBe(201)
    return response.body.doc
  }

  const readAsAdmin = async (collection: MatrixCollection, id: unknown, draft = true) =>
    admin()(`/api/${collection}/${id}?depth=0${draft ? '&draft=true' : ''}`)

  /** Main document status, i.e. what non-staff readers would get. */
  const mainStatus = async (collection: MatrixCollection, id: unknown) => (await readAsAdmin(collection, id, false)).body._status

  /** 'persisted': the persisted GraphQL query reportBySlug over GET, which readers get built from the edition (src/http/edition-reads.ts). */
  type Api = 'rest' | 'graphql' | 'persisted'
  type Check = (actor: MatrixActor, api: Api, allowed: boolean) => Promise<void>

  const checks: Record<Operation, (collection: MatrixCollection) => Check> = {
    create: (collection) => async (actor, api, allowed) => {
      const subject = SUBJECTS[collection]
      const data = subject.newData(marker(), 'public')
      let createdId: unknown
      if (api === 'rest') {
        const response = await restAs(actors[actor])(`/api/${collection}`, { method: 'POST', body: data })
        expect(response.status).toBe(allowed ? 201 : 403)
        createdId = response.body?.doc?.id
      } else {
        const mutation = `mutation ($data: ${subject.graphql.input}!) { ${subject.graphql.create}(data: $data) { id } }`
        const { body } = await graphqlAs(actors[actor])(mutation, { data })
        if (!allowed) expect(body.errors?.[0]?.message).toBeTruthy()
        createdId = body.data?.[subject.graphql.create]?.id
      }
      expect(Boolean(createdId)).toBe(allowed)
      const field = subject.identity
      const found = await admin()(`/api/${collection}?draft=true&depth=0&where[${field}][equals]=${encodeURIComponent(String(data[field]))}`)
      expect(found.body.totalDocs).toBe(allowed ? 1 : 0)
    },

    read: (collection) => readCheck(collection, 'public', 'published'),
    readRestricted: (collection) => readCheck(collection, 'restricted', 'published'),
    readDraft: (collection) => readCheck(collection, 'public', 'draft'),

    update: (collection) => async (actor, api, allowed) => {
      const subject = SUBJECTS[collection]
      const doc = await fixture(collection, 'public', 'draft')
      const value = `Ändrad ${marker()}`
      const data = { [subject.updateField]: value }
      if (api === 'rest') {
        const response = await restAs(actors[actor])(`/api/${collection}/${doc.id}${subject.drafted ? '?draft=true' : ''}`, { method: 'PATCH', body: data })
        expectStatus(response.status, allowed)
      } else {
        const draftArg = subject.drafted ? ', draft: true' : ''
        const { body } = await graphqlAs(actors[actor])(
          `mutation ($data: ${subject.graphql.updateInput}!) { ${subject.graphql.update}(id: ${idLiteral(doc.id)}, data: $data${draftArg}) { id } }`,
          { data },
        )
        expect(Boolean(body.data?.[subject.graphql.update]?.id)).toBe(allowed)
      }
      expect((await readAsAdmin(collection, doc.id)).body[subject.updateField] === value).toBe(allowed)
    },

    publish: (collection) => async (actor, api, allowed) => {
      const subject = SUBJECTS[collection]
      const doc = await fixture(collection, 'public', 'draft')
      if (api === 'rest') {
        const response = await restAs(actors[actor])(`/api/${collection}/${doc.id}`, { method: 'PATCH', body: { _status: 'published' } })
        expectStatus(response.status, allowed)
      } else {
        const { body } = await graphqlAs(actors[actor])(`mutation { ${subject.graphql.update}(id: ${idLiteral(doc.id)}, data: { _status: published }) { id } }`)
        expect(Boolean(body.data?.[subject.graphql.update]?.id)).toBe(allowed)
      }
      expect(await mainStatus(collection, doc.id)).toBe(allowed ? 'published' : 'draft')
    },

    delete: (collection) => async (actor, api, allowed) => {
      const subject = SUBJECTS[collection]
      const doc = await fixture(collection, 'public', 'published')
      if (api === 'rest') {
        const response = await restAs(actors[actor])(`/api/${collection}/${doc.id}`, { method: 'DELETE' })
        expectStatus(response.status, allowed)
      } else {
        const { body } = await graphqlAs(actors[actor])(`mutation { ${subject.graphql.remove}(id: ${idLiteral(doc.id)}) { id } }`)
        expect(Boolean(body.data?.[subject.graphql.remove]?.id)).toBe(allowed)
      }
      expect((await readAsAdmin(collection, doc.id)).status).toBe(allowed ? 404 : 200)
    },

    readVersions: (collection) => async (actor, api, allowed) => {
      const subject = SUBJECTS[collection]
      const doc = await fixture(collection, 'public', 'published')
      if (api === 'rest') {
        const response = await restAs(actors[actor])(`/api/${collection}/versions?where[parent][equals]=${doc.id}`)
        expect(response.status).toBe(allowed ? 200 : 403)
        if (allowed) expect(response.body.totalDocs).toBeGreaterThan(0)
      } else {
        const query = `query { ${subject.graphql.versions}(where: { parent: { equals: ${idLiteral(doc.id)} } }) { totalDocs } }`
        const { body } = await graphqlAs(actors[actor])(query)
        const total = body.data?.[subject.graphql.versions!]?.totalDocs ?? 0
        expect(total > 0).toBe(allowed)
        if (!allowed) expect(body.errors?.[0]?.message).toBeTruthy()
      }
    },
  }

  function readCheck(collection: MatrixCollection, variant: Variant, status: 'published' | 'draft'): Check {
    return async (actor, api, allowed) => {
      const subject = SUBJECTS[collection]
      const doc = await fixture(collection, variant, status)
      const draftParam = status === 'draft'
      if (api === 'rest') {
        const response = await restAs(actors[actor])(`/api/${collection}/${doc.id}?depth=0${draftParam ? '&draft=true' : ''}`)
        expectStatus(response.status, allowed)
        if (allowed) expect(String(response.body.id)).toBe(String(doc.id))
      } else if (api === 'persisted') {
        const response = await restAs(actors[actor])(persistedQueryPath(doc.slug))
        expect(response.status).toBe(200)
        const ids = (response.body.data?.Reports?.docs ?? []).map((found: Doc) => String(found.id))
        expect(ids).toEqual(allowed ? [String(doc.id)] : [])
      } else {
        const { body } = await graphqlAs(actors[actor])(`query { ${subject.graphql.one}(id: ${idLiteral(doc.id)}${draftParam ? ', draft: true' : ''}) { id } }`)
        expect(String(body.data?.[subject.graphql.one]?.id ?? 'none')).toBe(allowed ? String(doc.id) : 'none')
      }
    }
  }

  for (const [collection, rules] of Object.entries(EXPECTED_ACCESS) as [MatrixCollection, Partial<Record<Operation, MatrixActor[]>>][]) {
    describe(collection, () => {
      for (const [operation, allowedActors] of Object.entries(rules) as [Operation, MatrixActor[]][]) {
        for (const actor of MATRIX_ACTORS) {
          const allowed = allowedActors.includes(actor)
          // Reports' reads also over the persisted GET query: readers' answers are built from the edition there.
          const apis: Api[] =
            collection === 'reports' && operation.startsWith('read') && operation !== 'readVersions' ? ['rest', 'graphql', 'persisted'] : ['rest', 'graphql']
          for (const api of apis) {
            it(`${operation} by ${actor} over ${api}: ${allowed ? 'allowed' : 'refused'}`, () => checks[operation](collection)(actor, api, allowed))
          }
        }
      }
    })
  }

  it('only staff may open the admin panel (readers and API keys use the API)', async () => {
    for (const actor of MATRIX_ACTORS) {
      const response = await restAs(actors[actor])('/api/access')
      const expected = ['admin', 'publisher', 'editor'].includes(actor)
      expect(Boolean(response.body?.canAccessAdmin), actor).toBe(expected)
    }
  })

  it('docs/ACCESS.md is rendered from the matrix (run `npm run docs:access`)', () => {
    expect(readFileSync(new URL('../docs/ACCESS.md', import.meta.url), 'utf8')).toBe(renderAccessMarkdown())
  })
})
