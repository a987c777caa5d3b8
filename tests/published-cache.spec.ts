/**
 * The published-read cache, ETags and persisted GraphQL queries over GET. Correctness only:
 * a hit returns the same body; every write that can change a cached response (the report, or
 * anything it references) is visible on the very next read; no caller ever gets a body cached
 * for a more privileged audience; the number of database calls per read does not grow with the
 * number of sections (no N+1). Speed lives in bench/RESULTS.md, not here.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PERSISTED_QUERIES, sha256 } from '../src/graphql/persisted-queries'
import { type ActorCredentials, type Actors, browserAs, createActors, graphqlAs, restAs } from './support/actors'
import { baseUrl } from './support/api'
import { bulletBody } from './support/rich-text'
import { freshDatabase, type FreshDatabase } from './support/fresh-database'
import { startServer, type ServerProcess } from './support/server-process'
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy'

const tag = () => randomUUID().slice(0, 8)

describe('published-read cache', () => {
  let actors: Actors
  const admin = () => restAs(actors.admin)
  const anonymous = () => restAs(actors.anonymous)

  const create = async (collection: string, data: Record<string, unknown>) => {
    const response = await admin()(`/api/${collection}`, { method: 'POST', body: { _status: 'published', ...data } })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    return response.body.doc
  }
  const section = (title: string, text = 'Första punkten.', extra: Record<string, unknown> = {}) =>
    create('sections', { title, kind: 'other', body: bulletBody(text), ...extra })
  const report = (title: string, data: Record<string, unknown> = {}) =>
    create('reports', { title, compiledAt: '2025-05-01T07:00:00.000Z', audience: 'public', ...data })

  beforeAll(async () => {
    actors = await createActors()
  })

  it('returns the identical body from the cache, with an ETag and 304 on If-None-Match', async () => {
    const doc = await report(`Cache ${tag()}`)
    const first = await anonymous()(`/api/reports/${doc.id}?depth=1`)
    const second = await anonymous()(`/api/reports/${doc.id}?depth=1`)
    expect(first.headers.get('x-lagesbild-cache')).toBe('miss')
    expect(second.headers.get('x-lagesbild-cache')).toBe('hit')
    expect(second.body).toEqual(first.body)
    const etag = second.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers.get('etag')).toBe(etag)
    const notModified = await fetch(`${baseUrl()}/api/reports/${doc.id}?depth=1`, { headers: { 'if-none-match': etag } })
    expect(notModified.status).toBe(304)
    expect(await notModified.text()).toBe('')
  })

  it('computes a response once for many simultaneous first readers, and gives them all the same body', async () => {
    const doc = await report(`Rusning ${tag()}`)
    const url = `/api/reports/${doc.id}?depth=1`
    // Twenty open connections first, so that the twenty reads arrive together rather than one connect apart.
    await Promise.all(Array.from({ length: 20 }, () => fetch(`${baseUrl()}/healthz`).then((response) => response.text())))
    const answers = await Promise.all(Array.from({ length: 20 }, () => anonymous()(url)))
    const states = answers.map((answer) => answer.headers.get('x-lagesbild-cache'))
    expect(states.filter((state) => state === 'miss')).toHaveLength(1)
    expect(states.filter((state) => state === 'hit')).toHaveLength(19)
    for (const answer of answers) expect(answer.body).toEqual(answers[0].body)
  })

  it('keeps nothing stale when a write lands during a rush of first readers, and answers every reader', async () => {
    const doc = await report(`Rusning och ändring ${tag()}`)
    const url = `/api/reports/${doc.id}?depth=1`
    const title = `Ändrad mitt i rusningen ${tag()}`
    // A write lands while the first reads are being computed: what they computed before it must not be kept.
    const [answers] = await Promise.all([
      Promise.all(Array.from({ length: 10 }, () => anonymous()(url))),
      restAs(actors.publisher)(`/api/reports/${doc.id}`, { method: 'PATCH', body: { title } }),
    ])
    for (const answer of answers) expect(answer.status).toBe(200)
    expect((await anonymous()(url)).body.title).toBe(title)
  })

  /** Every test that signs in runs twice: credentials in a header (API clients), and as a browser's session cookie. */
  const SIGNED_IN_AS = [
    ['a header', restAs],
    ['a browser session cookie', browserAs],
  ] as const satisfies readonly (readonly [string, (credentials: ActorCredentials) => ReturnType<typeof restAs>])[]

  const cacheControlTitle = 'sends CDN-friendly Cache-Control: public for anonymous, private for readers, no-store for staff (signed in by %s)'
  it.each(SIGNED_IN_AS)(cacheControlTitle, async (_way, as) => {
    const doc = await report(`Rubriker ${tag()}`)
    const publicRead = await anonymous()(`/api/reports/${doc.id}`)
    expect(publicRead.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=10, must-revalidate')
    expect(publicRead.headers.get('cdn-cache-control')).toMatch(/^public, s-maxage=\d+, stale-while-revalidate=\d+$/)
    const readerRead = await as(actors.reader)(`/api/reports/${doc.id}`)
    expect(readerRead.headers.get('cache-control')).toBe('private, no-cache')
    const staffRead = await as(actors.editor)(`/api/reports/${doc.id}?draft=true`)
    expect(staffRead.headers.get('cache-control')).toBe('private, no-store')
    expect(staffRead.headers.get('x-lagesbild-cache')).toBe('bypass')
  })

  it("shows a publisher's change to the report on the very next read", async () => {
    const doc = await report(`Före ${tag()}`)
    await anonymous()(`/api/reports/${doc.id}`)
    expect((await anonymous()(`/api/reports/${doc.id}`)).headers.get('x-lagesbild-cache')).toBe('hit')
    const title = `Efter ${tag()}`
    expect((await restAs(actors.publisher)(`/api/reports/${doc.id}`, { method: 'PATCH', body: { title } })).status).toBe(200)
    expect((await anonymous()(`/api/reports/${doc.id}`)).body.title).toBe(title)
  })

  it('keeps a report as its edition when a part changes, and shows the change on the next read once the report is published again', async () => {
    const part = await section(`Avsnitt ${tag()}`)
    const person = await create('spokespersons', { name: `Person ${tag()}`, title: 'direktör', active: true })
    const doc = await report(`Beroenden ${tag()}`, { sections: [part.id], spokespersons: [person.id] })
    const url = `/api/reports/${doc.id}?depth=1`
    const republish = () => restAs(actors.publisher)(`/api/reports/${doc.id}`, { method: 'PATCH', body: { _status: 'published' } })
    await anonymous()(url)
    expect((await anonymous()(url)).headers.get('x-lagesbild-cache')).toBe('hit')

    await restAs(actors.publisher)(`/api/sections/${part.id}`, { method: 'PATCH', body: { body: bulletBody('Ny text i avsnittet.') } })
    expect(JSON.stringify((await anonymous()(url)).body.sections)).not.toContain('Ny text i avsnittet.')
    await republish()
    expect(JSON.stringify((await anonymous()(url)).body.sections)).toContain('Ny text i avsnittet.')

    await restAs(actors.publisher)(`/api/spokespersons/${person.id}`, { method: 'PATCH', body: { title: 'tf. direktör' } })
    await republish()
    expect((await anonymous()(url)).body.spokespersons[0].title).toBe('tf. direktör')

    await restAs(actors.publisher)(`/api/spokespersons/${person.id}`, { method: 'PATCH', body: { active: false } })
    await republish()
    expect((await anonymous()(url)).body.spokespersons).toEqual([])
  })

  it('shows a new edition on the very next read: a section saved as a draft over a published report goes out when the report is published', async () => {
    const doc = await report(`Väntar ${tag()}`)
    const url = `/api/reports/${doc.id}?depth=1`
    expect((await anonymous()(url)).body.sections).toEqual([])
    expect((await anonymous()(url)).headers.get('x-lagesbild-cache')).toBe('hit')
    const waiting = await section(`Dold ${tag()}`, 'Hemlig text.', { _status: 'draft' })
    await restAs(actors.editor)(`/api/reports/${doc.id}?draft=true`, { method: 'PATCH', body: { sections: [waiting.id] } })
    expect((await anonymous()(url)).body.sections).toEqual([])
    await restAs(actors.publisher)(`/api/reports/${doc.id}`, { method: 'PATCH', body: { _status: 'published' } })
    expect((await anonymous()(url)).body.sections.map((s: any) => s.id)).toEqual([waiting.id])
  })

  it('updates cached lists when a report is published, unpublished or deleted', async () => {
    const marker = tag()
    const url = `/api/reports?where[title][like]=${marker}&depth=0`
    const first = await report(`Lista ${marker} ett`)
    expect((await anonymous()(url)).body.totalDocs).toBe(1)
    const second = await report(`Lista ${marker} två`)
    expect((await anonymous()(url)).body.totalDocs).toBe(2)
    await restAs(actors.publisher)(`/api/reports/${second.id}`, { method: 'PATCH', body: { _status: 'draft' } })
    expect((await anonymous()(url)).body.totalDocs).toBe(1)
    await restAs(actors.publisher)(`/api/reports/${first.id}`, { method: 'DELETE' })
    expect((await anonymous()(url)).body.totalDocs).toBe(0)
    expect((await anonymous()(`/api/reports/${first.id}`)).status).toBe(404)
  })

  it.each(SIGNED_IN_AS)('never serves a body cached for a reader or for staff to an anonymous caller (signed in by %s)', async (_way, as) => {
    const internal = await report(`Intern ${tag()}`, { audience: 'internal' })
    const readerView = await as(actors.reader)(`/api/reports/${internal.id}`)
    expect(readerView.status).toBe(200)
    expect((await restAs(actors.readerKey)(`/api/reports/${internal.id}`)).headers.get('x-lagesbild-cache')).toBe('hit')
    expect((await anonymous()(`/api/reports/${internal.id}`)).status).toBe(404)

    const draft = await report(`Utkast ${tag()}`, { _status: 'draft' })
    expect((await as(actors.editor)(`/api/reports/${draft.id}?draft=true`)).status).toBe(200)
    expect((await anonymous()(`/api/reports/${draft.id}?draft=true`)).status).toBe(404)
    expect((await as(actors.reader)(`/api/reports/${draft.id}?draft=true`)).status).toBe(404)
    // A newer draft over a published report: the editor sees it, the cache keeps the published one for everyone else.
    const published = await report(`Publicerad ${tag()}`)
    expect((await admin()(`/api/reports/${published.id}?draft=true`, { method: 'PATCH', body: { title: `Nyare utkast ${tag()}` } })).status).toBe(200)
    const editorView = await as(actors.editor)(`/api/reports/${published.id}?draft=true&depth=2`)
    expect(editorView.body.title).toMatch(/^Nyare utkast/)
    expect(editorView.headers.get('x-lagesbild-cache')).toBe('bypass')
    expect((await anonymous()(`/api/reports/${published.id}?draft=true&depth=2`)).body.title).toBe(published.title)
    expect((await as(actors.reader)(`/api/reports/${published.id}?draft=true&depth=2`)).body.title).toBe(published.title)
  })

  it('makes a bounded number of database calls per read, however many sections a report has (no N+1)', async () => {
    const calls = async (count: number) => {
      const sections = await Promise.all(Array.from({ length: count }, (_, i) => section(`Del ${i} ${tag()}`)))
      const doc = await report(`Antal ${count} ${tag()}`, { sections: sections.map((s) => s.id) })
      const result: number[] = []
      for (const depth of [1, 2]) {
        // A unique query string makes it a cache miss, so Payload really does the work.
        const response = await anonymous()(`/api/reports/${doc.id}?depth=${depth}&n=${tag()}`)
        expect(response.body.sections).toHaveLength(count)
        result.push(Number(response.headers.get('x-lagesbild-db-calls')))
      }
      return result
    }
    const small = await calls(1)
    const large = await calls(8)
    expect(small.every((n) => n > 0)).toBe(true)
    expect(large).toEqual(small)
  })
})

describe('GraphQL over GET with persisted queries', () => {
  let slug: string

  beforeAll(async () => {
    const actors = await createActors()
    const response = await restAs(actors.admin)('/api/reports', {
      method: 'POST',
      body: { title: `Persisterad ${tag()}`, compiledAt: '2025-05-02T07:00:00.000Z', audience: 'public', _status: 'published' },
    })
    slug = response.body.doc.slug
  })

  const get = (query: string) => fetch(`${baseUrl()}/api/graphql?${query}`).then(async (r) => ({ status: r.status, headers: r.headers, body: await r.json() }))

  it('runs a committed query by name, cacheably', async () => {
    const query = `id=reportBySlug&variables=${encodeURIComponent(JSON.stringify({ slug }))}`
    const first = await get(query)
    expect(first.status).toBe(200)
    expect(first.body.data.Reports.docs[0].slug).toBe(slug)
    const second = await get(query)
    expect(second.headers.get('x-lagesbild-cache')).toBe('hit')
    expect(second.body).toEqual(first.body)
    expect(second.headers.get('etag')).toBeTruthy()
  })

  it('runs a committed query by its SHA-256 hash', async () => {
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(PERSISTED_QUERIES.reportList) } }))
    const { status, body } = await get(`extensions=${extensions}&variables=${encodeURIComponent('{"limit":5}')}`)
    expect(status).toBe(200)
    expect(body.data.Reports.docs.length).toBeGreaterThan(0)
  })

  it.each([
    ['an arbitrary query', `query=${encodeURIComponent('{ Users { docs { email } } }')}`, /persisted query/],
    ['an unknown name', 'id=allUsers', /unknown persisted query "allUsers"/],
    ['an unknown hash', `extensions=${encodeURIComponent('{"persistedQuery":{"sha256Hash":"abc"}}')}`, /unknown persisted query hash/],
    ['bad variables', 'id=reportBySlug&variables=not-json', /variables must be JSON/],
  ])('refuses %s over GET with a 400 naming the problem', async (_label, query, message) => {
    const { status, body } = await get(query)
    expect(status).toBe(400)
    expect(body.errors[0].message).toMatch(message)
  })

  it('refuses over-deep queries over POST', async () => {
    const actors = await createActors()
    let selection = 'id'
    for (let i = 0; i < 12; i++) selection = `sections { usedInReports { docs { ${selection} } } }`
    const { body } = await graphqlAs(actors.anonymous)(`{ Reports { docs { ${selection} } } }`)
    expect(body.errors?.[0]?.message).toMatch(/deeper than the limit|complexity/i)
  })
})

describe('two server instances on one PostgreSQL database, invalidating through Redis', () => {
  let database: FreshDatabase
  let redisProxy: TcpProxy
  const servers: ServerProcess[] = []
  let token: string
  let reportId: number

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop('SIGKILL')))
    await redisProxy?.close()
    await database?.drop()
  })

  const call = async (server: ServerProcess, path: string, init: { method?: string; body?: unknown; token?: string } = {}) => {
    const response = await fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `JWT ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
    return { status: response.status, cache: response.headers.get('x-lagesbild-cache'), body: await response.json() }
  }

  it('never serves stale content from the other instance', async () => {
    database = await freshDatabase(process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test')
    const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')
    // B reaches Redis through a proxy the next test cuts.
    redisProxy = await startTcpProxy(redis.hostname, Number(redis.port || 6379))
    const env = { DATABASE_URL: database.url, AUTO_SEED: 'false', REDIS_URL: redis.toString() }
    servers.push(await startServer({ env }))
    servers.push(await startServer({ env: { ...env, REDIS_URL: `redis://127.0.0.1:${redisProxy.port}` } }))
    const [a, b] = servers
    token = (await call(a, '/api/users/first-register', { method: 'POST', body: { email: 'a@example.org', password: 'two-instances-1' } })).body.token
    const body = { title: 'Två instanser', compiledAt: '2025-05-03T07:00:00.000Z', audience: 'public', _status: 'published' }
    const created = await call(a, '/api/reports', { method: 'POST', token, body })
    const id = (reportId = created.body.doc.id)
    expect((await call(b, `/api/reports/${id}`)).body.title).toBe('Två instanser')
    expect((await call(b, `/api/reports/${id}`)).cache).toBe('hit')

    await call(a, `/api/reports/${id}`, { method: 'PATCH', token, body: { title: 'Ändrad på A' } })
    expect((await call(b, `/api/reports/${id}`)).body.title).toBe('Ändrad på A')

    await call(a, `/api/reports/${id}`, { method: 'PATCH', token, body: { _status: 'draft' } })
    expect((await call(b, `/api/reports/${id}`)).status).toBe(404)
    await call(a, `/api/reports/${id}`, { method: 'PATCH', token, body: { _status: 'published' } })
  })

  it('answers a write only after the other instance has applied the invalidation, even over a slow link', async () => {
    const [a, b] = servers
    const read = () => call(b, `/api/reports/${reportId}`)
    await read()
    expect((await read()).cache).toBe('hit')
    // B hears Redis 300 ms late: unless A waits for B's acknowledgement, B still has the old body cached.
    redisProxy.setLatency(300)
    try {
      await call(a, `/api/reports/${reportId}`, { method: 'PATCH', token, body: { title: 'Långsam länk' } })
      expect((await read()).body.title).toBe('Långsam länk')
    } finally {
      redisProxy.setLatency(0)
    }
  })

  it('stops caching when it stops hearing Redis without losing the connection (a silent partition)', async () => {
    const [a, b] = servers
    const read = () => call(b, `/api/reports/${reportId}`)
    await read()
    expect((await read()).cache).toBe('hit')
    // B's connection stays open but hears nothing: no socket error tells it anything is wrong.
    redisProxy.setLatency(60_000)
    try {
      await call(a, `/api/reports/${reportId}`, { method: 'PATCH', token, body: { title: 'Tyst partition' } })
      // A waited for B's acknowledgement until B had to stop trusting its cache.
      const during = await read()
      expect(during.body.title).toBe('Tyst partition')
      expect(during.cache).toBe('bypass')
    } finally {
      redisProxy.setLatency(0)
    }
    await expect.poll(async () => (await read()).cache, { timeout: 20_000, interval: 200 }).toBe('hit')
    expect((await read()).body.title).toBe('Tyst partition')
  })

  it('stops caching while Redis is unreachable, serves fresh content, and caches again when it is back', async () => {
    const [a, b] = servers
    const read = () => call(b, `/api/reports/${reportId}`)
    await read()
    expect((await read()).cache).toBe('hit')

    await redisProxy.cut()
    // B notices the lost subscription (its Redis client reconnects in the background) and stops caching.
    await expect.poll(async () => (await read()).cache, { timeout: 20_000, interval: 200 }).toBe('bypass')
    await call(a, `/api/reports/${reportId}`, { method: 'PATCH', token, body: { title: 'Ändrad utan Redis' } })
    // A's invalidation cannot reach B; B answers from the database, so nothing stale.
    const during = await read()
    expect(during.body.title).toBe('Ändrad utan Redis')
    expect(during.cache).toBe('bypass')

    await redisProxy.restore()
    await expect.poll(async () => (await read()).cache, { timeout: 20_000, interval: 200 }).toBe('hit')
    expect((await read()).body.title).toBe('Ändrad utan Redis')
    await call(a, `/api/reports/${reportId}`, { method: 'PATCH', token, body: { title: 'Redis tillbaka' } })
    expect((await read()).body.title).toBe('Redis tillbaka')
  })
})
