/**
 * Cache invalidations shared between processes through Redis (REDIS_URL): several server
 * instances on one database, and scripts such as `npm run import`, all tell each other what
 * they changed. While the subscription is down this process cannot know what others change, so
 * it does not cache at all until it is back (and then starts from an empty cache).
 */
import { randomUUID } from 'node:crypto'
import { createClient } from 'redis'

const CHANNEL = 'lagesbild:invalidate'

export interface InvalidationMessage {
  origin: string
  dependencies: string[]
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
  subscriber.on('ready', () => setListening(true))
  subscriber.on('end', () => setListening(false))
  subscriber.on('reconnecting', () => setListening(false))
  await Promise.all([publisher.connect(), subscriber.connect()])
  await subscriber.subscribe(CHANNEL, (raw) => {
    const message = JSON.parse(raw) as InvalidationMessage
    if (message.origin !== origin) onMessage(message)
  })
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
      await Promise.allSettled([subscriber.quit(), publisher.quit()])
    },
  }
}
