/**
 * Wraps a Payload database adapter (any of the three) to report two things the cache needs:
 * when a transaction has ended (so its writes are visible and can be invalidated for good),
 * and how many database calls a request made (the N+1 check).
 */
import type { DatabaseAdapterObj } from 'payload'

import { currentTrace } from './request-context'
import { transactionEnded } from './registry'

const READ_METHODS = ['find', 'findOne', 'findVersions', 'findGlobal', 'findGlobalVersions', 'queryDrafts', 'count', 'countVersions', 'findDistinct'] as const

export function withDatabaseEvents(base: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...base,
    init: (args) => {
      const adapter = base.init(args) as unknown as Record<string, any>
      for (const name of ['commitTransaction', 'rollbackTransaction'] as const) {
        const end = adapter[name]
        if (typeof end !== 'function') continue
        adapter[name] = async function (incomingId: unknown) {
          const id = (incomingId instanceof Promise ? await incomingId : incomingId) as string
          try {
            return await end.call(this, id)
          } finally {
            await transactionEnded(id)
          }
        }
      }
      for (const name of READ_METHODS) {
        const read = adapter[name]
        if (typeof read !== 'function') continue
        adapter[name] = function (...readArgs: unknown[]) {
          const trace = currentTrace()
          if (trace) trace.databaseCalls++
          return read.apply(this, readArgs)
        }
      }
      return adapter as never
    },
  }
}
