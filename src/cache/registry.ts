/**
 * The process-wide cache state: the published-read cache, which open transactions touched what,
 * and the broadcast to other processes (Redis, or the primary of a multi-process server), which
 * also tells every process to forget remembered credentials (src/auth/remembered.ts) when a user
 * changes. Writes report here; the HTTP layer
 * (src/http/cached-api.ts) reads from here.
 */
import type { PayloadRequest } from 'payload'

import { forgetAllCredentials } from '../auth/remembered'
import { env } from '../env'
import { inCluster } from '../cluster/primary-channel'
import { cacheInvalidations } from '../observability/metrics'
import { type Broadcast, connectBroadcast } from './broadcast'
import { connectPrimaryBroadcast } from './primary-broadcast'
import { PublishedCache } from './published-cache'

export const publishedCache = new PublishedCache()

/** A user changed somewhere: forget every remembered credential. */
const forgetCallers = forgetAllCredentials

const touchedByTransaction = new Map<string | number, { dependencies: string[]; users: boolean }>()
let broadcast: Broadcast | undefined

export function cachingEnabled(): boolean {
  return env().LAGESBILD_CACHE === 'on' && (!broadcast || broadcast.listening())
}

function forgetEverything() {
  publishedCache.clear()
  forgetCallers()
}

/** Another process changed these: forget them here. */
function applyRemoteInvalidation(message: { dependencies: string[]; users?: boolean }) {
  publishedCache.invalidate(message.dependencies)
  if (message.users) forgetCallers()
  cacheInvalidations.inc({ origin: 'other process' })
}

/**
 * Joins the Redis broadcast when REDIS_URL is set (every process that writes or caches should);
 * without Redis, a worker of a multi-process server shares its invalidations through the primary.
 */
export async function startBroadcast(url: string | undefined, log: { warn: (message: string) => void; info: (message: string) => void }) {
  if (broadcast) return
  if (!url) {
    if (inCluster) broadcast = connectPrimaryBroadcast(applyRemoteInvalidation, log)
    return
  }
  broadcast = await connectBroadcast(
    url,
    applyRemoteInvalidation,
    (listening) => {
      // Whatever was published while we were deaf is unknown: start again from nothing.
      forgetEverything()
      log.info(`cache broadcast ${listening ? 'connected' : 'lost: caching paused'}`)
    },
    log,
  )
}

export async function stopBroadcast() {
  await broadcast?.close()
  broadcast = undefined
}

/**
 * A write touched these dependencies. Inside a transaction they are invalidated now and again
 * when it ends (transactionEnded); outside one the write is already visible, so once is enough.
 */
export async function writeTouched(req: PayloadRequest, dependencies: string[], options: { users?: boolean } = {}) {
  if (options.users) forgetCallers()
  const transactionID = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  const sessions = (req.payload.db as unknown as { sessions?: Record<string, unknown> }).sessions
  if (transactionID !== undefined && transactionID !== null && sessions?.[String(transactionID)]) {
    publishedCache.writeStarted(dependencies)
    const touched = touchedByTransaction.get(transactionID) ?? { dependencies: [], users: false }
    touched.dependencies.push(...dependencies)
    touched.users ||= Boolean(options.users)
    touchedByTransaction.set(transactionID, touched)
    return
  }
  publishedCache.invalidate(dependencies)
  cacheInvalidations.inc({ origin: 'this process' })
  await broadcast?.publish({ dependencies, users: options.users })
}

/** Called by the database adapter wrapper after every commit or rollback. */
export async function transactionEnded(transactionID: string | number) {
  const touched = touchedByTransaction.get(transactionID)
  if (!touched) return
  touchedByTransaction.delete(transactionID)
  publishedCache.writeEnded(touched.dependencies)
  if (touched.users) forgetCallers()
  cacheInvalidations.inc({ origin: 'this process' })
  await broadcast?.publish({ dependencies: [...new Set(touched.dependencies)], users: touched.users })
}
