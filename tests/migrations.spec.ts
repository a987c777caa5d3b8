/**
 * Production on a fresh database: the committed migrations are applied at start-up
 * (prodMigrations), so every collection works without a schema push. Without them a
 * production server answers 500 "no such table".
 */
import { afterAll, describe, expect, it } from 'vitest'

import { databaseKind } from '../src/database'
import { freshDatabase, type FreshDatabase } from './support/fresh-database'
import { startServer, type ServerProcess } from './support/server-process'

const json = (token?: string) => ({ 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) })

describe.runIf(databaseKind(process.env.DATABASE_URL) !== 'mongodb')('production start on a fresh database', () => {
  let database: FreshDatabase | undefined
  let server: ServerProcess | undefined

  afterAll(async () => {
    await server?.stop()
    await database?.drop()
  })

  it('applies the migrations and serves every collection', async () => {
    database = await freshDatabase()
    server = await startServer({ production: true, env: { DATABASE_URL: database.url, PAYLOAD_SECRET: 'p'.repeat(40) } })
    expect(server.output()).toMatch(/Migrating: \d{8}_\d{6}_initial/)
    const post = async (path: string, body: unknown, token?: string) => {
      const response = await fetch(`${server!.url}${path}`, { method: 'POST', headers: json(token), body: JSON.stringify(body) })
      const text = await response.text()
      expect(response.status, `${path}: ${text}`).toBeLessThan(300)
      return JSON.parse(text)
    }
    const { token } = await post('/api/users/first-register', { email: 'first@example.org', password: 'first-password-1', name: 'Första' })
    const section = await post('/api/sections', { title: 'Läget', kind: 'about', _status: 'published' }, token)
    const action = await post('/api/communication-actions', { date: '2025-04-03T12:00:00.000Z', title: 'Artikel', url: '#', channel: 'pressRelease' }, token)
    const person = await post('/api/spokespersons', { name: 'Namn Namnsson', title: 'direktör', phone: '010' }, token)
    const report = await post(
      '/api/reports',
      {
        title: 'Regional rapport Test',
        compiledAt: '2025-04-03T07:00:00.000Z',
        distribution: ['managers'],
        _status: 'published',
        sections: [section.doc.id],
        communicationActions: [action.doc.id],
        spokespersons: [person.doc.id],
        collectedInformation: [{ label: 'FAQ', url: '#' }],
      },
      token,
    )
    const read = await fetch(`${server.url}/api/reports/${report.doc.id}?depth=1`, { headers: json(token) })
    expect(read.status).toBe(200)
    const body = await read.json()
    // The relationship is populated from the migrated tables...
    expect(body.sections[0]).toMatchObject({ id: section.doc.id, title: 'Läget', kind: 'about' })
    // ...and the section's join lists the report that uses it.
    const usedIn = await fetch(`${server.url}/api/sections/${section.doc.id}?depth=0`, { headers: json(token) })
    expect((await usedIn.json()).usedInReports.docs).toEqual([report.doc.id])
    expect(body.communicationActions[0].channel).toBe('pressRelease')
    const versions = await fetch(`${server.url}/api/reports/versions?depth=0`, { headers: json(token) })
    expect((await versions.json()).totalDocs).toBeGreaterThan(0)
    const me = await fetch(`${server.url}/api/users/me`, { headers: json(token) })
    expect((await me.json()).user.roles).toEqual(['admin'])
    // Production does not describe its schema to strangers: introspection is off.
    const introspection = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: json(),
      body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    })
    expect(introspection.status).toBe(400)
    expect(JSON.stringify(await introspection.json())).toMatch(/introspection/i)
  })
})
