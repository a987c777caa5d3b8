/**
 * `npm run smoke` (after `npm run build`): the production server as `npm start` runs it, on a
 * fresh SQLite database: migrations apply, the Swedish admin answers, the API and health
 * endpoints answer, and SIGTERM shuts it down cleanly.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { type ApiResponse, apiClient } from './api'
import { startServer, type ServerProcess } from './server-process'

const dir = mkdtempSync(path.join(tmpdir(), 'lagesbild-smoke-'))
let server: ServerProcess | undefined

async function fail(message: string, log = server?.output() ?? ''): Promise<never> {
  console.error(`smoke: FAILED: ${message}\n--- server output ---\n${log.slice(-5000)}`)
  // npm and everything it started: the server runs in npm's process group.
  await server?.stop('SIGKILL', { group: true })
  process.exit(1)
}

try {
  server = await startServer({
    command: ['npm', 'start'],
    production: true,
    // Its own process group, so that signals reach npm and the server alike.
    detached: true,
    timeoutMs: 90_000,
    env: {
      DATABASE_URL: `file:${path.join(dir, 'smoke.db')}`,
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
      // As `npm start` has them: the admin on, the host the server picks unless the environment says.
      LAGESBILD_ADMIN: process.env.LAGESBILD_ADMIN,
      HOST: process.env.HOST,
    },
  })
} catch (error) {
  await fail('server did not start', (error as Error).message)
}
const cms = apiClient(server!.url)
const checks: [string, (response: ApiResponse) => boolean][] = [
  ['/healthz', (r) => r.status === 200],
  ['/readyz', (r) => r.status === 200],
  ['/api/reports', (r) => r.status === 200 && r.body?.docs !== undefined],
  ['/admin/login', (r) => r.status === 200 && typeof r.body === 'string' && r.body.includes('lang="sv"') && !r.body.includes('gravatar')],
]
for (const [route, ok] of checks) {
  const response = await cms(route)
  if (!ok(response))
    await fail(
      `${route} answered ${response.status}: ${(typeof response.body === 'string' ? response.body : (JSON.stringify(response.body) ?? '')).slice(0, 300)}`,
    )
  console.log(`smoke: ${route} ${response.status} ok`)
}
// The signal reaches npm and the server alike; what counts is that the server closed cleanly.
await server!.stop('SIGTERM', { group: true })
await new Promise((resolve) => setTimeout(resolve, 500))
if (!/\nclosed\n/.test(server!.output())) await fail('the server did not report a clean close after SIGTERM')
console.log('smoke: production server passed (migrations, admin in Swedish, API, health, clean shutdown)')
