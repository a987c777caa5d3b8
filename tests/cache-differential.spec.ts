/**
 * Differential test of the published-read cache, as an attacker would probe it: a seeded random
 * sequence of requests by every role, with every way of presenting credentials (header, session
 * cookie as a browser sends it, odd cookie spellings, an API key, a stray Basic header), over
 * every cacheable URL with draft/depth/locale parameters. After each one, the anonymous and the
 * reader answers of the cache-on server (the suite's) must equal those of a second server on the
 * same database with the cache off. A signed-in browser once filled the anonymous cache with its
 * drafts this way (security review, issue 12). Set DIFFERENTIAL_SEED to replay a failing sequence.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PERSISTED_QUERIES } from '../src/graphql/persisted-queries'
import { type Actors, createActors, restAs } from './support/actors'
import { baseUrl } from './support/api'
import { startServer, type ServerProcess } from './support/server-process'

const tag = randomUUID().slice(0, 8)
const STEPS = 240
const SEED = Number(process.env.DIFFERENTIAL_SEED ?? 20261201)

/** mulberry32: a small seeded generator, so a failing sequence can be replayed. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Headers = Record<string, string>

describe('the cache answers anonymous callers and readers exactly as a server without a cache', () => {
  let actors: Actors
  let cacheOff: ServerProcess
  let urls: string[]
  let credentials: { name: string; headers: Headers }[]

  beforeAll(async () => {
    actors = await createActors()
    const admin = restAs(actors.admin)
    const create = async (collection: string, data: Record<string, unknown>) => {
      const response = await admin(`/api/${collection}`, { method: 'POST', body: data })
      expect(response.status, JSON.stringify(response.body)).toBe(201)
      return response.body.doc.id
    }
    const draftSection = await create('sections', { title: `Utkastavsnitt ${tag}`, kind: 'other', _status: 'draft' })
    const openSection = await create('sections', { title: `Öppet avsnitt ${tag}`, kind: 'about', _status: 'published' })
    const internalAction = await create('communication-actions', {
      date: '2025-04-02T12:00:00.000Z',
      title: `Intern åtgärd ${tag}`,
      url: '#',
      audience: 'internal',
      _status: 'published',
    })
    const person = await create('spokespersons', { name: `Talesperson ${tag}`, title: 'direktör', phone: `070-${tag}`, active: true, _status: 'published' })
    const inactive = await create('spokespersons', { name: `Inaktiv ${tag}`, title: 'f.d.', active: false, _status: 'published' })
    const report = await create('reports', {
      title: `Publik rapport ${tag}`,
      compiledAt: '2031-04-03T07:00:00.000Z',
      audience: 'public',
      _status: 'published',
      sections: [draftSection, openSection],
      communicationActions: [internalAction],
      spokespersons: [person, inactive],
    })
    const internal = await create('reports', {
      title: `Intern rapport ${tag}`,
      compiledAt: '2031-04-04T07:00:00.000Z',
      audience: 'internal',
      _status: 'published',
      sections: [openSection],
    })
    expect((await admin(`/api/reports/${report}?draft=true`, { method: 'PATCH', body: { title: `Nyare utkast ${tag}` } })).status).toBe(200)
    const slug = (await admin(`/api/reports/${report}?depth=0`)).body.slug

    cacheOff = await startServer({
      env: { LAGESBILD_CACHE: 'off', DATABASE_URL: process.env.DATABASE_URL, AUTO_SEED: 'false', JOBS_CRON: undefined, LAGESBILD_JOBS: 'off' },
    })

    const reportUrls = [report, internal].flatMap((id) =>
      ['depth=0', 'depth=1', 'depth=2', 'depth=2&draft=false&locale=undefined&trash=false', 'draft=true&depth=2', 'draft=true'].map(
        (query) => `/api/reports/${id}?${query}`,
      ),
    )
    urls = [
      ...reportUrls,
      `/api/reports/${report}`,
      `/api/reports/${report}/export?format=text`,
      `/api/reports/${report}/export?format=text&draft=true`,
      `/api/reports/${internal}/export?format=markdown&draft=true`,
      `/api/reports?depth=2&where[title][like]=${tag}`,
      `/api/reports?draft=true&depth=1&where[title][like]=${tag}`,
      `/api/sections/${draftSection}?draft=true`,
      `/api/sections/${openSection}?depth=1`,
      `/api/communication-actions/${internalAction}`,
      `/api/spokespersons/${person}`,
      `/api/spokespersons?where[name][like]=${tag}&draft=true`,
      `/api/graphql?id=latestReport`,
      `/api/graphql?id=reportList`,
      `/api/graphql?id=reportBySlug&variables=${encodeURIComponent(JSON.stringify({ slug }))}`,
    ]
    expect(Object.keys(PERSISTED_QUERIES)).toContain('reportBySlug')

    const token = (actor: 'admin' | 'publisher' | 'editor' | 'reader') => actors[actor].authorization!.replace(/^JWT /, '')
    const browser = (cookie: string, extra: Headers = {}): Headers => ({ cookie, 'sec-fetch-site': 'same-origin', ...extra })
    credentials = [
      { name: 'anonymous', headers: {} },
      { name: 'reader API key', headers: { authorization: actors.readerKey.authorization! } },
    ]
    for (const actor of ['admin', 'publisher', 'editor', 'reader'] as const) {
      credentials.push(
        { name: `${actor} JWT header`, headers: { authorization: actors[actor].authorization! } },
        { name: `${actor} Bearer header`, headers: { authorization: `Bearer ${token(actor)}` } },
        { name: `${actor} cookie, Sec-Fetch-Site`, headers: browser(`payload-token=${token(actor)}`) },
        { name: `${actor} cookie, Origin`, headers: { cookie: `lang=sv; payload-token=${token(actor)}`, origin: 'http://localhost:0' } },
        { name: `${actor} cookie, space before =`, headers: browser(`payload-token =${token(actor)}`) },
        { name: `${actor} cookie, no CSRF headers`, headers: { cookie: `payload-token=${token(actor)}` } },
        { name: `${actor} cookie behind a Basic header`, headers: browser(`payload-token=${token(actor)}`, { authorization: 'Basic eDp4' }) },
        { name: `${actor} cookie twice`, headers: browser(`payload-token=garbage; payload-token=${token(actor)}`) },
      )
    }
    credentials.push({ name: 'garbage JWT', headers: { authorization: 'JWT not.a.token' } }, { name: 'Basic only', headers: { authorization: 'Basic eDp4' } })
  }, 240_000)

  afterAll(async () => {
    await cacheOff?.stop()
  })

  const read = async (server: string, url: string, headers: Headers) => {
    const response = await fetch(`${server}${url}`, { headers })
    return { status: response.status, body: await response.text() }
  }

  it(`${STEPS} random requests (seed ${SEED}) never change what anonymous callers and readers get`, async () => {
    const next = random(SEED)
    const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]
    const readerKey = { authorization: actors.readerKey.authorization! }
    for (let step = 0; step < STEPS; step++) {
      const credential = pick(credentials)
      const url = pick(urls)
      // The probe: whatever it gets, it may fill the cache-on server's cache.
      await read(baseUrl(), url, credential.headers)
      for (const [audience, headers] of [
        ['anonymous', {}],
        ['reader', readerKey],
      ] as const) {
        const expected = await read(cacheOff.url, url, headers)
        const actual = await read(baseUrl(), url, headers)
        expect(actual, `step ${step} (seed ${SEED}): ${audience} GET ${url} after "${credential.name}"`).toEqual(expected)
      }
    }
  }, 600_000)
})
