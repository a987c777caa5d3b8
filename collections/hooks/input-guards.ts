/**
 * Input that Payload would quietly accept or choke on is refused up front with a 400 that
 * names the problem: fields the collection does not have (Payload drops them silently, so a
 * typo in a consumer's write would look like success), and rich text so large or deeply nested
 * that walking it could exhaust the stack.
 */
import { APIError, type CollectionBeforeOperationHook } from 'payload'

const MAX_RICH_TEXT_NODES = 20_000
const MAX_RICH_TEXT_DEPTH = 40

type Node = { children?: unknown }

/** Counts nodes and depth without recursion (recursion is what a hostile tree would break). */
function richTextSize(value: unknown): { nodes: number; depth: number } {
  const root = (value as { root?: Node } | null)?.root
  if (!root) return { nodes: 0, depth: 0 }
  let nodes = 0
  let depth = 0
  const stack: [Node, number][] = [[root, 1]]
  while (stack.length) {
    const [node, level] = stack.pop()!
    nodes++
    depth = Math.max(depth, level)
    if (nodes > MAX_RICH_TEXT_NODES || depth > MAX_RICH_TEXT_DEPTH) break
    if (Array.isArray(node?.children)) for (const child of node.children) stack.push([child as Node, level + 1])
  }
  return { nodes, depth }
}

type FieldLike = { name: string; type: string; hasMany?: boolean; relationTo?: string | string[]; options?: ({ value: string } | string)[] }

/** What Payload would otherwise turn into a 500 or silently coerce: the wrong JSON type for a field. */
function typeProblem(field: FieldLike, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined
  const isId = (item: unknown) => typeof item === 'number' || (typeof item === 'string' && item.length <= 64)
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'date':
      return typeof value === 'string' ? undefined : 'must be a string'
    case 'select': {
      const values = field.hasMany ? value : [value]
      if (!Array.isArray(values) || values.some((item) => typeof item !== 'string')) return field.hasMany ? 'must be a list of strings' : 'must be a string'
      if (field.name === '_status' && values.some((item) => item !== 'draft' && item !== 'published')) return 'must be "draft" or "published"'
      return undefined
    }
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : 'must be true or false'
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number'
    case 'relationship':
      if (Array.isArray(field.relationTo)) return undefined
      if (field.hasMany) return Array.isArray(value) && value.every(isId) ? undefined : 'must be a list of document ids'
      return isId(value) ? undefined : 'must be a document id'
    case 'array':
      // The admin sends an array field without rows as its row count, 0 (Payload reads it as none).
      return typeof value === 'object' || value === 0 ? undefined : 'must be an object or a list'
    case 'richText':
    case 'json':
      return typeof value === 'object' ? undefined : 'must be an object or a list'
    default:
      return undefined
  }
}

export const refuseBadInput: CollectionBeforeOperationHook = async ({ args, collection, operation, overrideAccess, req }) => {
  if (overrideAccess || (operation !== 'create' && operation !== 'update')) return args
  const data = (args as { data?: unknown }).data
  if (!data || typeof data !== 'object' || Array.isArray(data)) return args
  const fields = collection.flattenedFields
  const known = new Set(['id', ...fields.map((field) => field.name)])
  const unknown = Object.keys(data).filter((key) => !known.has(key))
  if (unknown.length) {
    throw new APIError(`Unknown field${unknown.length > 1 ? 's' : ''} for ${collection.slug}: ${unknown.slice(0, 10).join(', ')}`, 400, undefined, true)
  }
  for (const field of fields as unknown as FieldLike[]) {
    const problem = typeProblem(field, (data as Record<string, unknown>)[field.name])
    if (problem) throw new APIError(`${field.name}: ${problem}`, 400, undefined, true)
  }
  await refuseMissingRelations(fields as unknown as FieldLike[], data as Record<string, unknown>, req)
  for (const field of fields) {
    if (field.type !== 'richText') continue
    const { nodes, depth } = richTextSize((data as Record<string, unknown>)[field.name])
    if (nodes > MAX_RICH_TEXT_NODES || depth > MAX_RICH_TEXT_DEPTH) {
      const limits = `at most ${MAX_RICH_TEXT_NODES} nodes, nested at most ${MAX_RICH_TEXT_DEPTH} deep`
      throw new APIError(`${field.name}: rich text is too large (${limits})`, 400, undefined, true)
    }
  }
  return args
}

/**
 * Every related id must name a document the caller may read: a missing one would otherwise
 * surface as a database constraint error (500), a forbidden one as a quiet link to it.
 */
async function refuseMissingRelations(fields: FieldLike[], data: Record<string, unknown>, req: Parameters<CollectionBeforeOperationHook>[0]['req']) {
  for (const field of fields) {
    if (field.type !== 'relationship' || typeof field.relationTo !== 'string') continue
    const value = data[field.name]
    const ids = [...new Set((Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]).map(String))]
    if (ids.length === 0) continue
    // With numeric ids (SQL) a non-numeric one cannot exist; asking would be a database error.
    const numeric = req.payload.db.defaultIDType === 'number'
    const askable = numeric ? ids.filter((id) => /^\d{1,15}$/.test(id)) : ids
    const { docs } =
      askable.length === 0
        ? { docs: [] as { id: unknown }[] }
        : await req.payload.find({
            collection: field.relationTo as never,
            where: { id: { in: askable } },
            select: {} as never,
            depth: 0,
            limit: ids.length,
            pagination: false,
            draft: true,
            overrideAccess: false,
            user: req.user,
            req,
          })
    const found = new Set((docs as { id: unknown }[]).map((doc) => String(doc.id)))
    const missing = ids.filter((id) => !found.has(id))
    if (missing.length) {
      throw new APIError(`${field.name}: no ${field.relationTo} document with id ${missing.slice(0, 5).join(', ')} that you may use`, 400, undefined, true)
    }
  }
}
