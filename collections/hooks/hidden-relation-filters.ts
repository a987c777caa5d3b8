/**
 * A caller must not learn about documents it cannot read by filtering on relationships to them.
 * `GET /api/reports?where[sections][equals]=6` counted a published report that points at draft
 * section 6, so looping over ids revealed which hidden documents exist and where they are used.
 * For callers who are not staff, a relationship filter therefore treats an id the caller may
 * not read exactly like an id that does not exist; `exists` on a relationship (true for hidden
 * documents too) and filters on the related documents' own fields (`sections.title`) are refused.
 */
import { APIError, type CollectionBeforeOperationHook, type PayloadRequest, type Where } from 'payload'

import { isStaffUser } from '../../access/roles'

type RelationshipField = { name: string; type: string; relationTo?: unknown }
type Condition = Record<string, unknown>

/** Every operation that takes a where: a count reveals as much as a list. */
const READS = new Set(['read', 'count', 'readDistinct'])
const ID_OPERATORS = new Set(['equals', 'not_equals', 'in', 'not_in', 'all', 'contains', 'like'])

const refuse = (message: string) => new APIError(message, 400, undefined, true)

/** Runs `visit` on every field condition of a where tree (through and/or). */
function forEachCondition(where: unknown, visit: (path: string, condition: Condition) => void) {
  if (!where || typeof where !== 'object') return
  for (const [key, value] of Object.entries(where as Record<string, unknown>)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) for (const part of value) forEachCondition(part, visit)
    else if (value && typeof value === 'object') visit(key, value as Condition)
  }
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value])

/** Which of these ids of `collection` the caller may read. */
async function readableIds(req: PayloadRequest, collection: string, ids: unknown[]): Promise<Set<string>> {
  const numeric = req.payload.db.defaultIDType === 'number'
  const askable = [...new Set(ids.map(String))].filter((id) => (numeric ? /^\d{1,15}$/.test(id) : id.length <= 64))
  if (askable.length === 0) return new Set()
  const { docs } = await req.payload.find({
    collection: collection as never,
    where: { id: { in: askable } },
    select: {} as never,
    depth: 0,
    limit: askable.length,
    pagination: false,
    overrideAccess: false,
    user: req.user,
    req,
  })
  return new Set((docs as { id: unknown }[]).map((doc) => String(doc.id)))
}

export const hideHiddenRelationsFromFilters: CollectionBeforeOperationHook = async ({ args, collection, operation, overrideAccess, req }) => {
  const where = (args as { where?: Where }).where
  if (!READS.has(operation) || overrideAccess || !where || isStaffUser(req.user)) return args
  const relationships = new Map(
    (collection.flattenedFields as unknown as RelationshipField[])
      .filter((field) => field.type === 'relationship' && typeof field.relationTo === 'string')
      .map((field) => [field.name, field.relationTo as string]),
  )
  const filtered: { relationTo: string; condition: Condition }[] = []
  forEachCondition(where, (path, condition) => {
    const [head, ...rest] = path.split('.')
    const relationTo = relationships.get(head)
    if (!relationTo) return
    if (rest.length > 0 && rest.join('.') !== 'id') throw refuse(`${path}: filtering on the fields of related ${relationTo} is not allowed`)
    if ('exists' in condition) throw refuse(`${head}: "exists" is not allowed on a relationship`)
    filtered.push({ relationTo, condition })
  })
  if (filtered.length === 0) return args

  // The where tree is the caller's own object (parsed from the query string): rewrite it in place.
  const nowhere = req.payload.db.defaultIDType === 'number' ? -1 : '000000000000000000000000'
  for (const { relationTo, condition } of filtered) {
    for (const [operator, value] of Object.entries(condition)) {
      if (!ID_OPERATORS.has(operator)) continue
      const ids = asList(value)
      const readable = await readableIds(req, relationTo, ids)
      const visible = ids.map((id) => (readable.has(String(id)) ? id : nowhere))
      condition[operator] = Array.isArray(value) || (typeof value === 'string' && value.includes(',')) ? visible : visible[0]
    }
  }
  return args
}
