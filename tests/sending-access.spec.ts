/**
 * Distribution lists and the delivery log hold personal data. Admins and publishers manage and
 * read recipients; editors see a list's name, distribution and recipient count, never who is on
 * it; readers, API keys and anonymous callers see nothing — over REST, GraphQL and `where`
 * probing. And the CSV import: per-line errors, nothing written from a file with any error.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

import { type Actors, createActors, graphqlAs, restAs } from './support/actors'
import { localPayload } from './support/local-payload'
import { mailTo, waitForMail } from './support/outbox'
import { runScript } from './support/run-cli'

const NOT_STAFF = ['reader', 'readerKey', 'anonymous'] as const

describe('distribution lists and deliveries: who sees recipients', () => {
  let actors: Actors
  let list: { id: number | string; name: string }
  const secretAddress = `hemlig-${randomUUID().slice(0, 8)}@region.example`

  beforeAll(async () => {
    actors = await createActors()
    const created = await restAs(actors.publisher)('/api/distribution-lists', {
      method: 'POST',
      body: {
        name: `Chefer ${randomUUID().slice(0, 8)}`,
        distribution: 'managers',
        recipients: [
          { name: 'Hemlig Mottagare', email: secretAddress, organisation: 'Regionen' },
          { name: 'Annan Mottagare', email: `annan-${randomUUID().slice(0, 8)}@region.example` },
        ],
      },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    list = created.body.doc
    const payload = await localPayload()
    await payload.create({
      collection: 'deliveries',
      data: { kind: 'test', deliveryKey: `test:${randomUUID()}`, email: secretAddress, status: 'sent', attempts: 1 },
      overrideAccess: true,
    })
  })

  it('publishers and admins read recipients', async () => {
    for (const actor of ['admin', 'publisher'] as const) {
      const { status, body } = await restAs(actors[actor])(`/api/distribution-lists/${list.id}`)
      expect(status).toBe(200)
      expect(body.recipients.map((r: { email: string }) => r.email)).toContain(secretAddress)
      expect(body.recipientCount).toBe(2)
    }
  })

  it('editors see the name, distribution and count, not the recipients (REST and GraphQL)', async () => {
    const one = await restAs(actors.editor)(`/api/distribution-lists/${list.id}`)
    expect(one.status).toBe(200)
    expect(one.body).toMatchObject({ name: list.name, distribution: 'managers', recipientCount: 2 })
    expect(one.body.recipients).toBeUndefined()
    expect(JSON.stringify(one.body)).not.toContain(secretAddress)

    const many = await restAs(actors.editor)(`/api/distribution-lists?limit=100&depth=2`)
    expect(many.status).toBe(200)
    expect(JSON.stringify(many.body)).not.toContain('@region.example')

    const { body } = await graphqlAs(actors.editor)(`query { DistributionLists(limit: 100) { docs { name recipientCount recipients { name email } } } }`)
    const doc = body.data?.DistributionLists?.docs.find((d: { name: string }) => d.name === list.name)
    expect(doc).toMatchObject({ name: list.name, recipientCount: 2 })
    expect(doc.recipients ?? null).toBeNull()
    expect(JSON.stringify(body)).not.toContain('@region.example')
  })

  it('editors cannot find out who is on a list by filtering or sorting on recipients', async () => {
    const probe = (email: string) =>
      restAs(actors.editor)(`/api/distribution-lists?where[recipients.email][equals]=${encodeURIComponent(email)}&where[id][equals]=${list.id}`)
    const hit = await probe(secretAddress)
    const miss = await probe('nobody@region.example')
    // Refused outright, or answered the same whether or not the address is on the list.
    if (hit.status === 200) expect(hit.body.totalDocs).toBe(miss.body.totalDocs)
    else expect(hit.status).toBe(miss.status)
    expect(JSON.stringify(hit.body)).not.toContain(secretAddress)
    const gql = await graphqlAs(actors.editor)(`query ($e: EmailAddress) { DistributionLists(where: { recipients__email: { equals: $e } }) { totalDocs } }`, {
      e: secretAddress,
    })
    const gqlMiss = await graphqlAs(actors.editor)(
      `query ($e: EmailAddress) { DistributionLists(where: { recipients__email: { equals: $e } }) { totalDocs } }`,
      {
        e: 'nobody@region.example',
      },
    )
    expect(gql.body.data?.DistributionLists?.totalDocs ?? null).toBe(gqlMiss.body.data?.DistributionLists?.totalDocs ?? null)
  })

  it('readers, API keys and anonymous callers see no list and no delivery, however they ask', async () => {
    for (const actor of NOT_STAFF) {
      const rest = restAs(actors[actor])
      for (const url of [
        '/api/distribution-lists',
        `/api/distribution-lists/${list.id}`,
        `/api/distribution-lists?where[recipients.email][equals]=${encodeURIComponent(secretAddress)}`,
        '/api/deliveries',
        `/api/deliveries?where[email][equals]=${encodeURIComponent(secretAddress)}`,
      ]) {
        const response = await rest(url)
        expect([403, 404], `${actor} ${url}`).toContain(response.status)
        expect(JSON.stringify(response.body)).not.toContain(secretAddress)
      }
      const { body } = await graphqlAs(actors[actor])(
        `query { DistributionLists { totalDocs docs { name recipients { email } } } Deliveries { totalDocs docs { email } } }`,
      )
      expect(body.data?.DistributionLists ?? null, actor).toBeNull()
      expect(body.data?.Deliveries ?? null, actor).toBeNull()
      expect(JSON.stringify(body)).not.toContain(secretAddress)
    }
  })

  it('lists and deliveries keep no versions to read', async () => {
    const payload = await localPayload()
    expect(payload.collections['distribution-lists'].config.versions).toBeFalsy()
    expect(payload.collections.deliveries.config.versions).toBeFalsy()
  })

  it('editors do not read the delivery log; publishers do; nobody writes it over the API', async () => {
    expect((await restAs(actors.editor)('/api/deliveries')).status).toBe(403)
    const gql = await graphqlAs(actors.editor)(`query { Deliveries { docs { email } } }`)
    expect(gql.body.data?.Deliveries ?? null).toBeNull()
    const log = await restAs(actors.publisher)(`/api/deliveries?where[email][equals]=${encodeURIComponent(secretAddress)}`)
    expect(log.status).toBe(200)
    expect(log.body.totalDocs).toBe(1)
    const forged = await restAs(actors.admin)('/api/deliveries', { method: 'POST', body: { kind: 'test', deliveryKey: 'x', email: 'x@region.example' } })
    expect(forged.status).toBe(403)
  })

  it('an editor sends a test to themselves only, whatever the request names, and nothing else', async () => {
    const editor = restAs(actors.editor)
    const title = `Regional rapport provutskick ${randomUUID().slice(0, 8)}`
    const draft = await editor('/api/reports?draft=true', { method: 'POST', body: { title, compiledAt: '2025-04-03T07:00:00.000Z', _status: 'draft' } })
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    const id = draft.body.doc.id
    const elsewhere = `annan-${randomUUID().slice(0, 8)}@region.example`

    const sent = await editor(`/api/reports/${id}/send-test?to=${encodeURIComponent(elsewhere)}`, {
      method: 'POST',
      body: { to: elsewhere, email: elsewhere, recipients: [elsewhere] },
    })
    expect(sent.status, JSON.stringify(sent.body)).toBe(200)
    expect(sent.body.email).toBe(actors.editor.email)
    const mail = await waitForMail(actors.editor.email!)
    expect(mail.subject).toBe(`[Provutskick] ${title}`)
    expect(mail.to.map((to) => to.address)).toEqual([actors.editor.email])
    expect(mailTo(elsewhere)).toEqual([])

    // No other way to send: not an edition again, not the delivery log, not Payload's job queue.
    expect((await editor(`/api/reports/${id}/resend?edition=1`, { method: 'POST' })).status).toBe(403)
    expect((await editor(`/api/reports/${id}/deliveries`)).status).toBe(403)
    const job = await editor('/api/payload-jobs', { method: 'POST', body: { taskSlug: 'deliverEdition', input: { deliveryId: '1' } } })
    expect([403, 404]).toContain(job.status)
    expect([401, 403, 404]).toContain((await editor('/api/payload-jobs/run?queue=mail', { method: 'GET' })).status)
    // Readers and anonymous callers send nothing at all.
    for (const actor of NOT_STAFF) {
      const refused = await restAs(actors[actor])(`/api/reports/${id}/send-test`, { method: 'POST' })
      expect([401, 403], actor).toContain(refused.status)
    }
    const log = await restAs(actors.publisher)(`/api/deliveries?where[report][equals]=${id}&depth=0`)
    expect(log.body.docs.map(({ kind, email, requestedBy }: Record<string, string>) => ({ kind, email, requestedBy }))).toEqual([
      { kind: 'test', email: actors.editor.email, requestedBy: actors.editor.email },
    ])
  })

  it('a list refuses the same address twice (any case), naming it', async () => {
    const response = await restAs(actors.publisher)('/api/distribution-lists', {
      method: 'POST',
      body: {
        name: `Dubbletter ${randomUUID().slice(0, 8)}`,
        distribution: 'managers',
        recipients: [
          { name: 'A', email: 'samma@region.example' },
          { name: 'B', email: 'Samma@Region.example' },
        ],
      },
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toContain('samma@region.example')
  })
})

describe('npm run recipients:import', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lagesbild-recipients-'))
  const file = (name: string, text: string) => {
    const target = path.join(dir, name)
    writeFileSync(target, text)
    return target
  }
  const listNamed = async (name: string) =>
    (await (await localPayload()).find({ collection: 'distribution-lists', where: { name: { equals: name } }, overrideAccess: true })).docs[0]

  // The parsing itself (columns, quotes, every kind of bad line) is tests/unit/recipients-csv.spec.ts.
  it('creates a list from a CSV file, replaces or appends its recipients, and writes nothing from a file with errors', async () => {
    const name = `Import ${randomUUID().slice(0, 8)}`
    const first = file('first.csv', '\uFEFFNamn;E-post;Organisation\r\nAnna Andersson;anna@region.example;"Region, Kansliet"\r\nBo Berg;bo@region.example;\r\n')
    const created = await runScript('recipients:import', [first, '--list', name, '--distribution', 'politicalLeadership'])
    expect(created.code, created.stderr).toBe(0)
    expect(created.stdout).toContain('2 recipient(s)')
    const list = await listNamed(name)
    expect(list).toMatchObject({ distribution: 'politicalLeadership', active: true })
    expect(list.recipients?.map(({ name, email, organisation }) => ({ name, email, organisation: organisation ?? undefined }))).toEqual([
      { name: 'Anna Andersson', email: 'anna@region.example', organisation: 'Region, Kansliet' },
      { name: 'Bo Berg', email: 'bo@region.example', organisation: undefined },
    ])

    const bad = file('bad.csv', ['name,email', 'Cecilia,cecilia@region.example', 'Fel Adress,inte-en-adress', 'Cecilia igen,CECILIA@region.example'].join('\n'))
    const refused = await runScript('recipients:import', [bad, '--list', name])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('nothing imported')
    expect(refused.stderr).toContain('line 3: invalid e-mail address "inte-en-adress"')
    expect(refused.stderr).toContain('line 4: duplicate: CECILIA@region.example is already on line 2')
    expect((await listNamed(name)).recipients?.map((r) => r.email)).toEqual(['anna@region.example', 'bo@region.example'])

    const more = file('more.csv', 'name,email\nCecilia,cecilia@region.example\nAnna igen,ANNA@region.example\n')
    const clash = await runScript('recipients:import', [more, '--list', name, '--append'])
    expect(clash.code).toBe(1)
    expect(clash.stderr).toContain('ANNA@region.example')
    expect((await listNamed(name)).recipients).toHaveLength(2)

    const replaced = await runScript('recipients:import', [more, '--list', name])
    expect(replaced.code, replaced.stderr).toBe(0)
    expect((await listNamed(name)).recipients?.map((r) => r.email)).toEqual(['cecilia@region.example', 'ANNA@region.example'])
  }, 400_000)

  it('needs --distribution to create a list, and a file and --list', async () => {
    const good = file('good.csv', 'name,email\nDag,dag@region.example\n')
    const missing = await runScript('recipients:import', [good, '--list', `Finns inte ${randomUUID()}`])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--distribution')
    const usage = await runScript('recipients:import', [good])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('usage: npm run recipients:import')
  }, 400_000)
})
