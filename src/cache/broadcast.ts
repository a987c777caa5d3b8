/**
 * Cache invalidations shared between processes through Redis (REDIS_URL): several server
 * instances on one database, and scripts such as `npm run import`, all tell each other what
 * they changed. A process that cannot be sure it hears the others does not cache at all (and
 * starts again from an empty cache once it is sure).
 *
 * Two rules make "never stale across instances" hold:
 * - Listening is proven, not assumed: every process publishes a heartbeat probe every
 *   HEARTBEAT_MS and counts as listening only while it has heard one of its own within
 *   HEARD_WITHIN_MS. The Redis client says "ready" before it has subscribed again (an
 *   invalidation published in that gap went unheard in CI), and a partition that drops packets
 *   without closing the socket says nothing at all; the heartbeat catches both.
 * - A write returns only after every receiver has applied its invalidation: each acknowledges
 *   on ACK_CHANNEL and the writer waits for as many acknowledgements as Redis counted
 *   receivers (otherwise a client could read from another instance just before it handled the
 *   message: caught in CI). A receiver silent for ACK_TIMEOUT_MS is not waited for any longer;
 *   since that is longer than HEARD_WITHIN_MS, by then it has stopped trusting its cache.
 */
import { randomUUID } from 'node:crypto'
import { createClient } from 'redis'

const CHANNEL = 'lagesbild:invalidate'
const ACK_CHANNEL = 'lagesbild:invalidate:ack'
const HEARTBEAT_MS = 250
const HEARD_WITHIN_MS = 3_000
const ACK_TIMEOUT_MS = 3_500

interface InvalidationMessage {
  origin: string
  dependencies: string[]
  /** A heartbeat: its sender checks that its own subscription works (everyone else ignores it). */
  probe?: true
  /** Also forget remembered API-key and token lookups (a user changed). */
  users?: boolean
  /** Asks every receiver to acknowledge once it has applied the invalidation. */
  ack?: string
}

interface Acknowledgement {
  to: string
  ack: string
}

interface AckWaiter {
  /** How many subscribers received the message (known once PUBLISH has answered). */
  expected: number | undefined
  received: number
  done: () => void
}

export interface Broadcast {
  publish: (message: Omit<InvalidationMessage, 'origin'>) => Promise<void>
  /** True while this process provably hears every invalidation published by others. */
  listening: () => boolean
  close: () => Promise<void>
}

export async function connectBroadcast(
  url: string,
  onMessage: (message: InvalidationMessage) => void,
  onListeningChange: (listening: boolean) => void,
  log: { warn: (message: string) => void },
): Promise<Broadcast> {
  const origin = randomUUID()
  const publisher = createClient({ url, socket: { reconnectStrategy: (retries) => Math.min(retries * 200, 2_000) } })
  const subscriber = publisher.duplicate()
  for (const client of [publisher, subscriber]) client.on('error', (error: Error) => log.warn(`redis: ${error.message}`))

  /** When this process last heard its own heartbeat through its current subscription. */
  let ownHeartbeatHeardAt = 0
  let listening = false
  /** Recomputed on every question, so a silent subscription is noticed at the next request. */
  const checkListening = () => {
    const now = Date.now() - ownHeartbeatHeardAt < HEARD_WITHIN_MS
    if (now !== listening) onListeningChange((listening = now))
    return now
  }
  const forgetHeartbeat = () => {
    ownHeartbeatHeardAt = 0
    checkListening()
  }
  // A new connection must prove its subscription again with a heartbeat sent after it.
  subscriber.on('end', forgetHeartbeat)
  subscriber.on('reconnecting', forgetHeartbeat)

  const awaitingAcks = new Map<string, AckWaiter>()
  const acknowledge = (to: string, ack: string) => {
    const reply: Acknowledgement = { to, ack }
    void publisher.publish(ACK_CHANNEL, JSON.stringify(reply)).catch(() => undefined)
  }

  await Promise.all([publisher.connect(), subscriber.connect()])
  await subscriber.subscribe(ACK_CHANNEL, (raw) => {
    const { to, ack } = JSON.parse(raw) as Acknowledgement
    const waiting = to === origin ? awaitingAcks.get(ack) : undefined
    if (!waiting) return
    waiting.received++
    if (waiting.expected !== undefined && waiting.received >= waiting.expected) waiting.done()
  })
  await subscriber.subscribe(CHANNEL, (raw) => {
    const message = JSON.parse(raw) as InvalidationMessage
    if (message.probe) {
      if (message.origin === origin) {
        ownHeartbeatHeardAt = Date.now()
        checkListening()
      }
      return
    }
    if (message.origin !== origin) onMessage(message)
    // Everyone answers, the writer's own subscriber too: the writer waits for as many answers
    // as Redis counted receivers.
    if (message.ack) acknowledge(message.origin, message.ack)
  })

  const heartbeat = () => {
    const probe: InvalidationMessage = { origin, dependencies: [], probe: true }
    void publisher.publish(CHANNEL, JSON.stringify(probe)).catch(() => undefined)
    checkListening()
  }
  const heartbeatTimer = setInterval(heartbeat, HEARTBEAT_MS)
  heartbeatTimer.unref()
  heartbeat()
  await waitUntil(() => listening, HEARD_WITHIN_MS)

  const publish: Broadcast['publish'] = async (message) => {
    const ack = randomUUID()
    // Registered before publishing: an acknowledgement can arrive before PUBLISH's reply does.
    const waiting: AckWaiter = { expected: undefined, received: 0, done: () => undefined }
    const allAcknowledged = new Promise<void>((resolve) => (waiting.done = resolve))
    awaitingAcks.set(ack, waiting)
    let timer: NodeJS.Timeout | undefined
    try {
      waiting.expected = await publisher.publish(CHANNEL, JSON.stringify({ ...message, origin, ack }))
      if (waiting.received < waiting.expected) {
        const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ACK_TIMEOUT_MS)))
        if ((await Promise.race([allAcknowledged, timedOut])) === 'timeout') {
          const missing = waiting.expected - waiting.received
          log.warn(`redis: ${missing} process(es) did not acknowledge an invalidation within ${ACK_TIMEOUT_MS} ms`)
        }
      }
    } catch (error) {
      log.warn(`redis: could not publish an invalidation: ${(error as Error).message}`)
    } finally {
      clearTimeout(timer)
      awaitingAcks.delete(ack)
    }
  }

  return {
    publish,
    listening: checkListening,
    close: async () => {
      clearInterval(heartbeatTimer)
      await Promise.allSettled([subscriber.quit(), publisher.quit()])
    },
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10))
}
