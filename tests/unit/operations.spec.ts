/** Worker count defaults, metrics route labels and request ids: the pure parts of src/cluster and src/observability. */
import { describe, expect, it } from 'vitest'

import { workerCount } from '../../src/cluster/worker-count'
import { parseEnv } from '../../src/env'
import { requestIdFrom } from '../../src/observability/request-log'
import { routePatterns } from '../../src/observability/route-pattern'

describe('workerCount', () => {
  const postgres = 'postgres://postgres@127.0.0.1:5432/x'
  it('runs one worker per core in production on PostgreSQL and MongoDB', () => {
    expect(workerCount({ NODE_ENV: 'production', DATABASE_URL: postgres }, 8)).toBe(8)
    expect(workerCount({ NODE_ENV: 'production', DATABASE_URL: 'mongodb://127.0.0.1/x' }, 4)).toBe(4)
  })
  it('runs one in development and tests, and on SQLite', () => {
    expect(workerCount({ NODE_ENV: 'development', DATABASE_URL: postgres }, 8)).toBe(1)
    expect(workerCount({ NODE_ENV: 'test', DATABASE_URL: postgres }, 8)).toBe(1)
    expect(workerCount({ NODE_ENV: 'production' }, 8)).toBe(1)
    expect(workerCount({ NODE_ENV: 'production', DATABASE_URL: 'file:data/x.db' }, 8)).toBe(1)
  })
  it('takes WEB_CONCURRENCY as given', () => {
    expect(workerCount({ NODE_ENV: 'production', WEB_CONCURRENCY: 3 }, 8)).toBe(3)
    expect(workerCount({ NODE_ENV: 'development', WEB_CONCURRENCY: 2 }, 8)).toBe(2)
  })
  it('refuses a WEB_CONCURRENCY that is not a positive whole number, and a short METRICS_TOKEN', () => {
    expect(() => parseEnv({ WEB_CONCURRENCY: '0' })).toThrow(/WEB_CONCURRENCY/)
    expect(() => parseEnv({ WEB_CONCURRENCY: 'many' })).toThrow(/WEB_CONCURRENCY/)
    expect(() => parseEnv({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 24 characters/)
  })
})

describe('routePatterns', () => {
  const routeOf = routePatterns(['reports', 'sections', 'users'])
  it('turns ids into :id and keeps known names', () => {
    expect(routeOf('/api/reports/17?depth=1')).toBe('/api/reports/:id')
    expect(routeOf('/api/reports/17/')).toBe('/api/reports/:id')
    expect(routeOf('/api/reports')).toBe('/api/reports')
    expect(routeOf('/api/reports/versions/65f1a')).toBe('/api/reports/versions/:id')
    expect(routeOf('/api/users/login')).toBe('/api/users/login')
    expect(routeOf('/api/reports/17/schedule/99')).toBe('/api/reports/:id/schedule/:id')
    expect(routeOf('/api/graphql?id=reportBySlug')).toBe('/api/graphql')
    expect(routeOf('/reports/17/markdown')).toBe('/reports/:id/:view')
  })
  it('keeps the labels few whatever callers send', () => {
    expect(routeOf('/api/anything-at-all/1')).toBe('/api/other')
    expect(routeOf('/api/reports/1/2/3/4/5/6')).toBe('/api/reports/:id/:id/:id/*')
    expect(routeOf('/wp-login.php')).toBe('other')
    expect(routeOf('/admin/collections/reports/5')).toBe('/admin/*')
  })
})

describe('requestIdFrom', () => {
  it("keeps a sane caller's id and replaces anything else with a new UUID", () => {
    expect(requestIdFrom('lb-4f2a.9:x@y')).toBe('lb-4f2a.9:x@y')
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    for (const insane of [undefined, '', 'two words', 'line\nbreak', 'x'.repeat(129), '{"json":1}']) expect(requestIdFrom(insane)).toMatch(uuid)
    expect(requestIdFrom(['first', 'second'])).toBe('first')
  })
})
