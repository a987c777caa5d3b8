/**
 * Transactions on SQLite, made safe. Payload's SQLite adapter ships with transactions off; turned
 * on, the libsql driver hands its connection to each transaction and opens a fresh one (without
 * a busy timeout) for everything else. Two writers in one process then fail with SQLITE_BUSY,
 * and because the driver is synchronous a busy wait would block the event loop that the other
 * writer needs to finish. So, in each process:
 *   - write transactions run one at a time (SQLite allows one writer anyway), and writes outside
 *     a transaction wait for the running one to finish;
 *   - every connection gets a busy timeout, so writers in *other* processes (a CLI import next to
 *     the server) wait for each other instead of failing.
 */
import type { DatabaseAdapterObj } from 'payload'

const WRITE_METHODS = [
  'create', 'createGlobal', 'createVersion', 'createGlobalVersion', 'updateOne', 'updateMany', 'updateGlobal',
  'updateVersion', 'updateGlobalVersion', 'updateJobs', 'upsert', 'deleteOne', 'deleteMany', 'deleteVersions',
] as const

/** If a lock is held this long, something called the database without passing its `req`: go on regardless. */
const LOCK_PATIENCE_MS = 15_000

class WriteLock {
  #tail: Promise<void> = Promise.resolve()

  async acquire(onTimeout: () => void): Promise<() => void> {
    let release!: () => void
    const previous = this.#tail
    this.#tail = new Promise((resolve) => (release = resolve))
    let timer: NodeJS.Timeout | undefined
    await Promise.race([previous, new Promise<void>((resolve) => (timer = setTimeout(() => (onTimeout(), resolve()), LOCK_PATIENCE_MS)))])
    clearTimeout(timer)
    return release
  }
}

type Adapter = Record<string, any> & { client: { execute: (sql: string) => Promise<unknown> }; sessions: Record<string, unknown> }

export function withSerializedSqliteTransactions(base: DatabaseAdapterObj, busyTimeoutMs: number): DatabaseAdapterObj {
  return {
    ...base,
    init: (args) => {
      const adapter = base.init(args) as unknown as Adapter
      const lock = new WriteLock()
      const releases = new Map<string | number, () => void>()
      const warn = () => args.payload.logger.warn('SQLite write lock held for 15 s; continuing without it')
      const setBusyTimeout = () => adapter.client.execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)

      const begin = adapter.beginTransaction
      adapter.beginTransaction = async function (options: unknown) {
        const release = await lock.acquire(warn)
        try {
          await setBusyTimeout() // on the connection this transaction is about to take over
          const id = await begin.call(this, options)
          await setBusyTimeout() // on the fresh connection the driver opened for everything else
          releases.set(id, release)
          return id
        } catch (error) {
          release()
          throw error
        }
      }
      for (const name of ['commitTransaction', 'rollbackTransaction'] as const) {
        const end = adapter[name]
        adapter[name] = async function (incomingId: unknown) {
          const id = (incomingId instanceof Promise ? await incomingId : incomingId) as string
          try {
            return await end.call(this, id)
          } finally {
            releases.get(id)?.()
            releases.delete(id)
          }
        }
      }
      for (const name of WRITE_METHODS) {
        const write = adapter[name]
        if (typeof write !== 'function') continue
        adapter[name] = async function (writeArgs: { req?: { transactionID?: unknown } }) {
          const transactionID = await writeArgs?.req?.transactionID
          if (transactionID !== undefined && this.sessions[transactionID as string]) return write.call(this, writeArgs)
          const release = await lock.acquire(warn)
          try {
            return await write.call(this, writeArgs)
          } finally {
            release()
          }
        }
      }
      return adapter as never
    },
  }
}
