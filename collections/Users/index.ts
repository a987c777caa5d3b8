import type { CollectionConfig } from 'payload'

import { adminOrSelf, fieldIsAdmin, isAdmin, staffPanel } from '../../access/predicates'
import { ROLES } from '../../access/roles'
import { bi, bilingualOptions, textField } from '../fields'
import { rememberedApiKey } from '../../src/auth/remembered-api-key'
import { auditHooks } from '../AuditLog/hooks'
import { firstUserIsAdmin, forgetCallers, onlyAdminsChangeRoles } from './hooks'

const ROLE_OPTIONS = bilingualOptions(
  ROLES.map((role) => {
    const labels = {
      admin: ['Administratör', 'Administrator'],
      publisher: ['Ansvarig utgivare', 'Publisher'],
      editor: ['Redaktör', 'Editor'],
      reader: ['Läsare', 'Reader'],
    }[role]
    return [role, labels[0], labels[1]] as const
  }),
)

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: bi('Användare', 'User'), plural: bi('Användare', 'Users') },
  admin: { useAsTitle: 'email', defaultColumns: ['name', 'email', 'roles'] },
  auth: {
    // Five wrong passwords lock the account for ten minutes; only an admin can unlock it sooner.
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    // Consumer sites authenticate with a key that carries its user's roles (e.g. a reader).
    useAPIKey: true,
    // Runs before Payload's own API-key lookup and answers repeat callers from memory.
    strategies: [rememberedApiKey],
    cookies: { secure: process.env.NODE_ENV === 'production', sameSite: 'Lax' },
  },
  access: {
    admin: staffPanel,
    read: adminOrSelf,
    create: isAdmin,
    update: adminOrSelf,
    delete: isAdmin,
    // Payload's default lets any signed-in user unlock any account.
    unlock: isAdmin,
  },
  hooks: {
    beforeOperation: [onlyAdminsChangeRoles],
    beforeChange: [firstUserIsAdmin],
    afterChange: [...auditHooks.afterChange, forgetCallers],
    afterDelete: [...auditHooks.afterDelete, forgetCallers],
  },
  fields: [
    textField('name', bi('Namn', 'Name')),
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      label: bi('Roller', 'Roles'),
      options: ROLE_OPTIONS,
      defaultValue: ['reader'],
      required: true,
      saveToJWT: true,
      access: { create: fieldIsAdmin, update: fieldIsAdmin },
      admin: {
        position: 'sidebar',
        description: bi('Bara administratörer kan ändra roller.', 'Only administrators can change roles.'),
      },
    },
  ],
}
