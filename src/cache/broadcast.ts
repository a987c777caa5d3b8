/**
 * Cache invalidations shared between processes through Redis (REDIS_URL): several server
 * instances on one database, and scripts such as `npm run import`, all tell each other what
 * they changed. While the subscription is down this process cannot know what others change, so
 * it does not cache at all until it is back (and then starts from an empty cache).
 *
 * "Back" means: this process heard its own probe message through Redis. The client says "ready"
 * when its connection is up, before it has subscribed again; trusting that let an invalidation
 * published in between go unheard (caught by tests/published-cache.spec.ts under load).
 */
import { randomUUID } from 'node:crypto'
import { createClient } from 'redis'

const CHANNEL = 'lagesbild:invalidate'

export interface InvalidationMessage {
  origin: string
  dependencies: string[]
  /** A process checking that its own subscription works (it ignores everyone else's). */
  probe?: string
  /** Also forget remembered API-key and token lookups (a user changed). */
  users?: boolean
}

export interface Broadcast {
  publish: (message: Omit<InvalidationMessage, 'origin'>) => Promise<void>
  /** True while this process hears every invalidation published by others. */
  listening: () => boolean
  close: () => Promise<void>
}

export async function connectBroadcast(
  url: string,
  onMessage: (message: InvalidationMessage) => void,
  onConnectionChange: (listening: boolean) => void,
  log: { warn: (message: string) => void },
): Promise<Broadcast> {
  const origin = randomUUID()
  const publisher = createClient({ url, socket: { reconnectStrategy: (retries) => Math.min(retries * 200, 2_000) } })
  const subscriber = publisher.duplicate()
  let listening = false
  const setListening = (value: boolean) => {
    if (value !== listening) onConnectionChange((listening = value))
  }
  for (const client of [publisher, subscriber]) client.on('error', (error: Error) => log.warn(`redis: ${error.message}`))
  let expectedProbe: string | undefined
  let probeTimer: NodeJS.Timeout | undefined
  /** Publishes probes until one comes back through our own subscription. */
  const probeUntilHeard = () => {
    clearInterval(probeTimer)
    expectedProbe = randomUUID()
    const send = () => void publisher.publish(CHANNEL, JSON.stringify({ origin, dependencies: [], probe: expectedProbe })).catch(() => undefined)
    probeTimer = setInterval(send, 250)
    probeTimer.unref()
    send()
  }
  let subscribed = false
  subscriber.on('ready', () => {
    if (subscribed) probeUntilHeard() // reconnected: listening once the resubscription is proven
  })
  subscriber.on('end', () => setListening(false))
  subscriber.on('reconnecting', () => setListening(false))
  await Promise.all([publisher.connect(), subscriber.connect()])
  await subscriber.subscribe(CHANNEL, (raw) => {
    const message = JSON.parse(raw) as InvalidationMessage
    if (message.origin !== origin) {
      if (!message.probe) onMessage(message)
    } else if (message.probe && message.probe === expectedProbe) {
      clearInterval(probeTimer)
      expectedProbe = undefined
      setListening(true)
    }
  })
  subscribed = true
  setListening(true)
  return {
    publish: async (message) => {
      try {
        await publisher.publish(CHANNEL, JSON.stringify({ ...message, origin }))
      } catch (error) {
        log.warn(`redis: could not publish an invalidation: ${(error as Error).message}`)
      }
    },
    listening: () => listening,
    close: async () => {
      clearInterval(probeTimer)
      await Promise.allSettled([subscriber.quit(), publisher.quit()])
    },
  }
}
