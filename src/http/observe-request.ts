/**
 * Wraps the whole HTTP handler (cached hits included): gives the request its id (X-Request-Id,
 * src/observability/request-log.ts), says which worker answered (X-Worker, in a multi-process
 * server), counts it and its latency by route pattern and status (/metrics), and logs it when it
 * failed (5xx) or was slow.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

import { workerId } from '../cluster/primary-channel'
import { httpDuration, httpRequests } from '../observability/metrics'
import { requestIdFrom, withRequestLog } from '../observability/request-log'

type Handler = (req: IncomingMessage, res: ServerResponse) => void
type Logger = { info: (fields: object, message: string) => void; warn: (fields: object, message: string) => void }

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

interface Options {
  routeOf: (url: string | undefined) => string
  logger: Logger
  slowMs: number
  /** Also X-Lagesbild-Pid: which process answered (tests kill one worker of several). */
  debugHeaders: boolean
}

export function observeRequests(handler: Handler, options: Options): Handler {
  return (req, res) => {
    const started = process.hrtime.bigint()
    const requestId = requestIdFrom(req.headers['x-request-id'])
    res.setHeader('x-request-id', requestId)
    if (workerId !== undefined) res.setHeader('x-worker', String(workerId))
    if (options.debugHeaders) res.setHeader('x-lagesbild-pid', String(process.pid))
    let recorded = false
    const record = () => {
      if (recorded) return
      recorded = true
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      // A client that went away before the answer: 499, as nginx says.
      const status = res.writableFinished ? String(res.statusCode) : '499'
      const labels = { method: METHODS.has(req.method ?? '') ? req.method! : 'OTHER', route: options.routeOf(req.url), status }
      httpRequests.inc(labels)
      httpDuration.observe(labels, seconds)
      const ms = Math.round(seconds * 1000)
      if (res.statusCode >= 500 || ms >= options.slowMs) {
        withRequestLog(requestId, () => {
          const fields = { method: req.method, url: req.url?.split('?')[0], status: Number(status), ms }
          if (res.statusCode >= 500) options.logger.warn(fields, 'request failed')
          else options.logger.info(fields, 'request')
        })
      }
    }
    res.once('finish', record)
    res.once('close', record)
    withRequestLog(requestId, () => handler(req, res))
  }
}
