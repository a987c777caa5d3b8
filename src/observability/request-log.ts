/**
 * Which request a log line belongs to. Every request gets an id (the caller's X-Request-Id when it
 * is a sane one, e.g. from a load balancer, otherwise a new one), echoed in the response; the
 * logger adds it to every line written while that request is being handled, by Payload or by us
 * (pino's `mixin`, with the id carried by AsyncLocalStorage through every await).
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'

import { workerId } from '../cluster/primary-channel'

interface RequestLogContext {
  requestId: string
}

const storage = new AsyncLocalStorage<RequestLogContext>()

/** Letters, digits and `-_.:@`, up to 128: a UUID, a trace id, a load balancer's id. Anything else could forge log lines. */
const SANE_ID = /^[\w.:@-]{1,128}$/

export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header
  return given && SANE_ID.test(given) ? given : randomUUID()
}

export function withRequestLog<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work)
}

/** Fields pino adds to every line (its `mixin`): the request's id, and the worker in a multi-process server. */
export function logFields(): Record<string, unknown> {
  const context = storage.getStore()
  return {
    ...(workerId === undefined ? {} : { worker: workerId }),
    ...(context ? { requestId: context.requestId } : {}),
  }
}
