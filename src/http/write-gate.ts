/**
 * At most N API writes at a time per process; the rest wait here, in order. A write holds a
 * database connection for its whole transaction (document, versions, audit entry), so without a
 * gate a burst of writes takes every pooled connection and reads time out waiting for one
 * (measured: 500s at 100 users on PostgreSQL). Waiting in memory costs nothing and keeps
 * connections free for reads. Default: half the PostgreSQL pool. GraphQL POSTs count as writes
 * (the body, which would say "query" or "mutation", is not read yet at this point).
 */
import type { RequestHandler } from 'express'

import { writeLine } from '../observability/metrics'

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function writeGate(limit: number): RequestHandler {
  let running = 0
  const waiting: (() => void)[] = []
  /** A finished write hands its slot straight to the next in line. */
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else running--
    report()
  }
  const report = () => {
    writeLine.running.set(running)
    writeLine.waiting.set(waiting.length)
  }
  return (req, res, next) => {
    if (READ_METHODS.has(req.method)) return next()
    let state: 'waiting' | 'running' | 'done' = 'waiting'
    const start = () => {
      state = 'running'
      next()
    }
    // Answer sent, or the client went away (while running or still waiting).
    const finish = () => {
      if (state === 'running') release()
      else if (state === 'waiting') waiting.splice(waiting.indexOf(start), 1)
      state = 'done'
      report()
    }
    res.once('finish', finish)
    res.once('close', finish)
    if (running < limit) {
      running++
      start()
    } else waiting.push(start)
    report()
  }
}
