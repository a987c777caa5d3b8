/**
 * Document locks hold on every path. Payload checks a document's lock (someone has it open in the
 * admin) on REST saves and deletes, but its GraphQL resolvers leave `overrideLock` unset, which
 * the operation reads as "ignore locks": a second editor could overwrite a locked document
 * through GraphQL without a word. Here GraphQL saves and deletes are made to respect the lock
 * (423 Locked) exactly as REST does. Taking over a lock stays an explicit act: the admin's
 * "Take over", or REST's `?overrideLock=true`.
 */
import type { CollectionBeforeOperationHook } from 'payload'

export const respectDocumentLocks: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const single = (args as { id?: unknown }).id !== undefined
  if (req.payloadAPI === 'GraphQL' && single && (operation === 'update' || operation === 'delete')) {
    return { ...args, overrideLock: (args as { overrideLock?: boolean }).overrideLock ?? false }
  }
  return args
}
