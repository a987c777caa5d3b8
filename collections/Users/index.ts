import type { CollectionConfig } from 'payload'

import { adminOrSelf, fieldIsAdmin, fieldNobody, isAdmin, staffPanel } from '../../access/predicates'
import { ROLES } from '../../access/roles'
import { bi, bilingualOptions, textField } from '../fields'
import { rememberedApiKey } from '../../src/auth/remembered-api-key'
import { env } from '../../src/env'
import { auditHooks } from '../AuditLog/hooks'
import { firstUserIsAdmin, forgetCallers, noEmailVerification, onlyAdminsChangeRoles } from './hooks'
import { restoreAdminLanguage } from './language'
import { signInSucceeded, throttleSignIn, unlockLiftsThrottle } from './sign-in'

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
  admin: { useAsTitle: 'email', defaultColumns: ['name', 'email', 'roles', 'apiKeyLastUsedAt'] },
  auth: {
    // No account lock: anyone could lock anyone out with five wrong passwords, and the lock told
    // which addresses have accounts. Failed sign-ins are throttled per client instead (./sign-in.ts).
    maxLoginAttempts: 0,
    tokenExpiration: 8 * 60 * 60,
    // Consumer sites authenticate with a key that carries its user's roles (e.g. a reader).
    useAPIKey: true,
    // Runs before Payload's own API-key lookup and answers repeat callers from memory.
    strategies: [rememberedApiKey],
    cookies: { secure: env().NODE_ENV === 'production', sameSite: 'Lax' },
  },
  access: {
    admin: staffPanel,
    read: adminOrSelf,
    create: isAdmin,
    update: adminOrSelf,
    delete: isAdmin,
    // Payload's default lets any signed-in user unlock any account. Unlock lifts the sign-in throttle.
    unlock: isAdmin,
  },
  hooks: {
    beforeOperation: [throttleSignIn, onlyAdminsChangeRoles],
    beforeChange: [firstUserIsAdmin],
    afterChange: [...auditHooks.afterChange, forgetCallers],
    afterDelete: [...auditHooks.afterDelete, forgetCallers],
    afterLogin: [signInSucceeded, restoreAdminLanguage],
    afterOperation: [unlockLiftsThrottle],
  },
  endpoints: [noEmailVerification],
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
    {
      // Payload's own API-key fields, with our access: keys are for consumer sites' service
      // accounts, so only an admin enables, sets or replaces one (Payload's default lets anyone
      // who may enter the admin panel give themselves a key). Payload applies this field's
      // create/update access to `enableAPIKey` too.
      name: 'apiKey',
      type: 'text',
      // Without a label Payload shows the name, "Api Key", in both languages.
      label: bi('API-nyckel', 'API key'),
      access: { create: fieldIsAdmin, update: fieldIsAdmin },
    },
    {
      // Payload's compatibility flag (to be removed in Payload 4): a key works whenever it is set,
      // whatever this says (only setting it to false over the API removes the key). Payload's form
      // never renders it; here it is kept out of the list's columns, filters and bulk edit too,
      // where "Aktivera API-nyckel" showed unticked for users whose key works.
      name: 'enableAPIKey',
      type: 'checkbox',
      admin: { disableListColumn: true, disableListFilter: true, disableBulkEdit: true },
    },
    {
      // Written by src/auth/remembered-api-key.ts, at most once a minute per user.
      name: 'apiKeyLastUsedAt',
      type: 'date',
      label: bi('API-nyckel senast använd', 'API key last used'),
      access: { read: fieldIsAdmin, create: fieldNobody, update: fieldNobody },
      admin: {
        position: 'sidebar',
        readOnly: true,
        date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' },
        description: bi('Uppdateras högst en gång i minuten.', 'Updated at most once a minute.'),
      },
    },
  ],
}
