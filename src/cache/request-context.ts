/**
 * What one API request touched, collected while Payload works on it: the documents and
 * collections it read (the dependencies of a cached response) and how many database calls it
 * made (for the N+1 test). AsyncLocalStorage carries it through every await inside Payload.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

import type { CallerLevel } from '../auth/caller'

interface RequestTrace {
  /** "collection:id" for a document, "collection:*" for a query whose result any change can alter. */
  dependencies: Set<string>
  databaseCalls: number
  /** The level of every user Payload's operations ran as: what the response was built for. */
  servedTo: Set<CallerLevel>
}

const storage = new AsyncLocalStorage<RequestTrace>()

export function traceRequest<T>(work: () => Promise<T>): Promise<{ result: T; trace: RequestTrace }> {
  const trace: RequestTrace = { dependencies: new Set(), databaseCalls: 0, servedTo: new Set() }
  return storage.run(trace, async () => ({ result: await work(), trace }))
}

export function currentTrace(): RequestTrace | undefined {
  return storage.getStore()
}

export const documentDependency = (collection: string, id: unknown) => `${collection}:${String(id)}`
export const collectionDependency = (collection: string) => `${collection}:*`

export function noteDependency(dependency: string): void {
  storage.getStore()?.dependencies.add(dependency)
}

export function noteServedTo(level: CallerLevel): void {
  storage.getStore()?.servedTo.add(level)
}
