/**
 * `npm run smoke` (after `npm run build`): the production server as `npm start` runs it, on a
 * fresh SQLite database: migrations apply, the Swedish admin answers, the API and health
 * endpoints answer, and SIGTERM shuts it down cleanly.
 */
import { randomBytes } from 'node:crypto'
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const port = 3900 + Math.floor(Math.random() * 90)
const dir = mkdtempSync(path.join(tmpdir(), 'lagesbild-smoke-'))
const child = spawn('npm', ['start'], {
  env: { ...process.env, PORT: String(port), DATABASE_URL: `file:${path.join(dir, 'smoke.db')}`, PAYLOAD_SECRET: randomBytes(32).toString('hex') },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
})
let log = ''
child.stdout.on('data', (d) => (log += d))
child.stderr.on('data', (d) => (log += d))
const base = `http://127.0.0.1:${port}`

function fail(message: string): never {
  console.error(`smoke: FAILED: ${message}\n--- server output ---\n${log.slice(-5000)}`)
  process.kill(-child.pid!, 'SIGKILL')
  process.exit(1)
}

const deadline = Date.now() + 90_000
while (!/listening on/.test(log)) {
  if (Date.now() > deadline || child.exitCode !== null) fail('server did not start')
  await new Promise((resolve) => setTimeout(resolve, 250))
}
const checks: [string, (r: Response, body: string) => boolean][] = [
  ['/healthz', (r) => r.status === 200],
  ['/readyz', (r) => r.status === 200],
  ['/api/reports', (r, body) => r.status === 200 && JSON.parse(body).docs !== undefined],
  ['/admin/login', (r, body) => r.status === 200 && body.includes('lang="sv"') && !body.includes('gravatar')],
]
for (const [route, ok] of checks) {
  const response = await fetch(base + route)
  const body = await response.text()
  if (!ok(response, body)) fail(`${route} answered ${response.status}: ${body.slice(0, 300)}`)
  console.log(`smoke: ${route} ${response.status} ok`)
}
process.kill(-child.pid!, 'SIGTERM')
// The signal reaches npm and the server alike; what counts is that the server closed cleanly.
await new Promise((resolve) => child.once('exit', resolve))
await new Promise((resolve) => setTimeout(resolve, 500))
if (!/\nclosed\n/.test(log)) fail('the server did not report a clean close after SIGTERM')
console.log('smoke: production server passed (migrations, admin in Swedish, API, health, clean shutdown)')
