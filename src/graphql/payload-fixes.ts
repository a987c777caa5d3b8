/**
 * Repairs to the GraphQL schema Payload 3.90.2 builds, applied through the config's
 * `graphQL.queries` / `graphQL.mutations`, which see Payload's own fields before the schema is
 * assembled (a field returned here replaces Payload's of the same name):
 *
 * 1. `Access` and `docAccess<Collection>` return the compacted permissions of the REST API
 *    (payload/dist/utilities/sanitizePermissions.js: `true` stands for "all of this is allowed",
 *    what is refused is left out, and so is `canAccessAdmin: false`), while the schema declares
 *    the full shape with non-null booleans. Any refused or fully allowed entry then failed with
 *    "Cannot return null for non-nullable field", a 500: `{ Access { canAccessAdmin } }` did for
 *    every reader and anonymous caller. The answer is expanded back into the declared shape.
 * 2. A join field's resolver runs its own query and ignores the field's read access, which REST
 *    applies (Sections' `usedInReports` is for staff). A refused caller now gets null.
 * 3. `verifyEmail<Collection>` where e-mail is not verified: 404, as REST (collections/Users/hooks.ts).
 * 4. `forgotPassword<Collection>` answers at once and alike for every address, as REST does
 *    (src/email/forgot-password.ts): otherwise its timing told which addresses exist.
 */
import { APIError, type FieldAccess, type GraphQLExtension, type GraphQLInfo } from 'payload'

import { NO_EMAIL_VERIFICATION } from '../../collections/Users/hooks'
import { forgotPasswordLater } from '../email/forgot-password'

type GraphQLModule = Parameters<GraphQLExtension>[0]
type Resolver = (parent: any, args: any, context: any, info: any) => unknown

/** Payload's compacted permissions, spelled out in the shape `type` declares. */
function expand(graphql: GraphQLModule, type: any, value: unknown): unknown {
  const named = graphql.getNullableType(type)
  if (graphql.isObjectType(named)) {
    const child = (name: string) => (value === true ? true : value && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined)
    return Object.fromEntries(Object.entries(named.getFields()).map(([name, field]) => [name, expand(graphql, field.type, child(name))]))
  }
  if (named === graphql.GraphQLBoolean) return value === true
  return value && typeof value === 'object' ? value : null // `where`: a query, or none
}

export const fixPayloadQueries: GraphQLExtension = (graphql, { Query, collections }: GraphQLInfo) => {
  const permissionQueries = Object.entries(Query.fields).filter(([name]) => name === 'Access' || name.startsWith('docAccess'))
  for (const collection of Object.values(collections)) {
    for (const field of Object.values(collection.graphQL?.type.getFields() ?? {})) {
      const config = field.extensions?.field as { type?: string; access?: { read?: FieldAccess } } | undefined
      const read = config?.type === 'join' ? config.access?.read : undefined
      const resolve = field.resolve as Resolver | undefined
      if (!read || !resolve) continue
      field.resolve = async (parent, args, context, info) =>
        (await read({ req: context.req, doc: parent, data: parent, siblingData: parent, id: parent?.id })) ? resolve(parent, args, context, info) : null
    }
  }
  return Object.fromEntries(
    permissionQueries.map(([name, field]) => [
      name,
      { ...field, resolve: async (...args: Parameters<Resolver>) => expand(graphql, field.type, await (field.resolve as Resolver)(...args)) },
    ]),
  )
}

export const fixPayloadMutations: GraphQLExtension = (_graphql, { Mutation, collections }: GraphQLInfo) => {
  const auth = Object.values(collections).filter(({ config, graphQL }) => config.auth && graphQL)
  const fixes: [string, Resolver][] = []
  for (const { config, graphQL } of auth) {
    const name = graphQL!.type.name
    if (!config.auth.verify) fixes.push([`verifyEmail${name}`, () => Promise.reject(new APIError(NO_EMAIL_VERIFICATION, 404, undefined, true))])
    if (config.slug === 'users') {
      fixes.push([
        `forgotPassword${name}`,
        (_parent, args: { email?: string }, context) => {
          if (typeof args.email !== 'string' || !args.email.trim()) throw new APIError('Missing email.', 400, undefined, true)
          forgotPasswordLater(context.req, args.email)
          return true
        },
      ])
    }
  }
  return Object.fromEntries(fixes.filter(([name]) => name in Mutation.fields).map(([name, resolve]) => [name, { ...Mutation.fields[name], resolve }]))
}
