/**
 * Diagnostic preload for the server (the evidence in bench/STALL.md), not used by `npm run bench`:
 *   NODE_OPTIONS=--conditions=production node --require ./bench/trace-requests.cjs --import tsx src/server.ts
 *   kill -USR2 <pid>    prints a summary to stderr and starts counting afresh (also printed at exit)
 * It records every SQL statement's time (libsql runs them synchronously, so this is event-loop
 * time), event-loop delay, and every HTTP request's arrival and finish, to show whether requests
 * overlap and what one costs.
 */
// `performance` is Node's global one.
const { monitorEventLoopDelay } = require('node:perf_hooks')
const http = require('node:http')
const path = require('node:path')

const Database = require(path.join(process.cwd(), 'node_modules', 'libsql'))
const statements = new Map()
const loop = monitorEventLoopDelay({ resolution: 5 })
loop.enable()
const requests = []

const prepare = Database.prototype.prepare
Database.prototype.prepare = function (sql) {
  // Drizzle's join aliases are random UUIDs: fold them so the same query counts as one.
  const key = sql
    .replace(/\s+/g, ' ')
    .replace(/[0-9a-f]{8}(_[0-9a-f]{4}){3}_[0-9a-f]{12}/g, 'U')
    .slice(0, 160)
  const stat = statements.get(key) ?? { count: 0, ms: 0 }
  statements.set(key, stat)
  let started = performance.now()
  const statement = prepare.call(this, sql)
  stat.ms += performance.now() - started
  for (const method of ['all', 'get', 'run']) {
    const original = statement[method].bind(statement)
    statement[method] = (...args) => {
      started = performance.now()
      try {
        return original(...args)
      } finally {
        stat.count++
        stat.ms += performance.now() - started
      }
    }
  }
  return statement
}

const emit = http.Server.prototype.emit
http.Server.prototype.emit = function (event, req, res) {
  if (event === 'request') {
    const entry = { start: performance.now(), end: NaN }
    requests.push(entry)
    res.once('finish', () => (entry.end = performance.now()))
  }
  return emit.apply(this, arguments)
}

function summary() {
  const done = requests.filter((r) => !Number.isNaN(r.end))
  const service = done.map((r) => r.end - r.start)
  const overlapping = done.filter((r, i) => i > 0 && r.start < done[i - 1].end - 0.5).length
  const sqlMs = [...statements.values()].reduce((sum, s) => sum + s.ms, 0)
  const lines = [
    `requests ${done.length}, overlapping the one before ${overlapping}, ` +
      `service ms mean ${(service.reduce((a, b) => a + b, 0) / (done.length || 1)).toFixed(1)}` +
      `, first ten ${service
        .slice(0, 10)
        .map((ms) => ms.toFixed(0))
        .join(' ')}`,
    `sql ${sqlMs.toFixed(0)} ms in ${[...statements.values()].reduce((sum, s) => sum + s.count, 0)} statements; ` +
      `event-loop delay max ${(loop.max / 1e6).toFixed(0)} ms`,
    ...[...statements]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 8)
      .map(([sql, s]) => `  ${s.ms.toFixed(1).padStart(8)} ms ${String(s.count).padStart(5)}x  ${sql}`),
  ]
  console.error(lines.map((line) => `[trace] ${line}`).join('\n'))
  statements.clear()
  requests.length = 0
  loop.reset()
}

process.on('SIGUSR2', summary)
process.on('exit', summary)
