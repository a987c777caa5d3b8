import type { CollectionSlug, FieldHook } from 'payload'

import { isStaffUser } from '../../access/roles'
import { documentDependency, noteDependency } from '../../src/cache/request-context'

type Related = number | string | { id: number | string }

/**
 * A published report must not reveal that it points at a draft section, an internal action
 * or an inactive spokesperson. Payload leaves an unreadable related document as its bare id;
 * for callers who are not staff this hook drops such ids (asking the related collection, with
 * the caller's own access, which of them it may see).
 */
export const onlyVisibleRelations =
  (relationTo: CollectionSlug): FieldHook =>
  async ({ value, req, overrideAccess }) => {
    if (!Array.isArray(value) || value.length === 0) return value
    // A cached response depends on every related document, hidden ones too: publishing one changes it.
    for (const item of value as Related[]) noteDependency(documentDependency(relationTo, typeof item === 'object' && item !== null ? item.id : item))
    if (overrideAccess || isStaffUser(req.user)) return value
    const bareIds = (value as Related[]).filter((item): item is number | string => typeof item !== 'object' || item === null)
    if (bareIds.length === 0) return value
    const { docs } = await req.payload.find({
      collection: relationTo,
      where: { id: { in: bareIds } },
      depth: 0,
      limit: bareIds.length,
      pagination: false,
      select: {},
      overrideAccess: false,
      user: req.user,
      req,
    })
    const visible = new Set(docs.map((doc) => String(doc.id)))
    return (value as Related[]).filter((item) => (typeof item === 'object' && item !== null ? true : visible.has(String(item))))
  }
