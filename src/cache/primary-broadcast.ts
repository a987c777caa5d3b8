/**
 * Cache invalidations shared between the workers of one server through the primary process
 * (node:cluster IPC), for a single machine without Redis: one machine never needs Redis to be
 * correct. A write's invalidation goes to the primary, which hands it to every other worker and
 * answers once each has applied it (or has died), so the write returns only after no worker can
 * answer from what it replaced. IPC between a parent and its children does not drop messages, so
 * unlike Redis (broadcast.ts) nothing here needs a heartbeat: a worker whose primary is gone exits.
 */
import { randomUUID } from 'node:crypto'

import { onPrimaryMessage, tellPrimary } from '../cluster/primary-channel'
import type { Broadcast } from './broadcast'

/** Longer than any pause of a worker's event loop we know of (an SQLite busy wait is 5 s). */
const ALL_APPLIED_TIMEOUT_MS = 10_000

export function connectPrimaryBroadcast(
  onMessage: (message: { dependencies: string[]; users?: boolean }) => void,
  log: { warn: (message: string) => void },
): Broadcast {
  const waiting = new Map<string, () => void>()
  onPrimaryMessage('lagesbild:invalidate', (message) => {
    onMessage(message)
    tellPrimary({ type: 'lagesbild:invalidated', id: message.id })
  })
  onPrimaryMessage('lagesbild:invalidated', (message) => waiting.get(message.id)?.())

  const publish: Broadcast['publish'] = async ({ dependencies, users }) => {
    const id = randomUUID()
    let timer: NodeJS.Timeout | undefined
    const applied = new Promise<boolean>((resolve) => {
      waiting.set(id, () => resolve(true))
      timer = setTimeout(() => resolve(false), ALL_APPLIED_TIMEOUT_MS)
    })
    tellPrimary({ type: 'lagesbild:invalidate', id, dependencies, users })
    if (!(await applied)) log.warn(`cluster: an invalidation was not confirmed by every worker within ${ALL_APPLIED_TIMEOUT_MS} ms`)
    clearTimeout(timer)
    waiting.delete(id)
  }
  return { publish, listening: () => true, close: async () => {} }
}
