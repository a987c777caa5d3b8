/**
 * Editions in GraphQL, as in REST:
 * - a reader's published report shows its latest edition's sections, actions and spokespersons:
 *   Payload's relationship resolvers would load the parts as they are now, so for a report the
 *   read hook laid an edition over (src/editions/read.ts) they return the edition's parts;
 * - `ReportChanges(id, since, edition)`: what changed (REST /api/reports/:id/changes);
 * - `nextReport(id)`: "Ny rapport utifrån denna" (REST POST /api/reports/:id/next).
 */
import { GraphQLJSON } from '@payloadcms/graphql/types'
import { APIError, type GraphQLExtension, type GraphQLInfo } from 'payload'

import { isStaffUser } from '../../access/roles'
import { reportChanges } from '../editions/endpoints'
import { EditionRequestError } from '../editions/lookup'
import { startNextReport } from '../editions/next-report'
import { editionShownIn } from '../editions/read'

type Resolver = (parent: any, args: any, context: any, info: any) => unknown

const PART_FIELDS = ['sections', 'communicationActions', 'spokespersons'] as const

/** Our request errors as Payload's, so GraphQL reports them with their status. */
const asApiError = (error: unknown) => (error instanceof EditionRequestError ? new APIError(error.message, error.status, undefined, true) : error)

export const editionQueries: GraphQLExtension = (graphql, { collections }: GraphQLInfo) => {
  const report = collections.reports?.graphQL?.type
  for (const name of PART_FIELDS) {
    const field = report?.getFields()[name]
    const resolve = field?.resolve as Resolver | undefined
    if (!field || !resolve) continue
    field.resolve = (parent, args, context, info) => {
      const edition = parent && editionShownIn(parent)
      return edition ? edition[name] : resolve(parent, args, context, info)
    }
  }
  return {
    ReportChanges: {
      type: GraphQLJSON,
      args: {
        id: { type: new graphql.GraphQLNonNull(graphql.GraphQLID) },
        since: { type: graphql.GraphQLString, defaultValue: 'previous-edition' },
        edition: { type: graphql.GraphQLInt },
      },
      resolve: (_parent: unknown, args: { id: string; since: string; edition?: number }, context: { req: never }) =>
        reportChanges(context.req, args.id, args.since, args.edition ?? undefined).catch((error) => Promise.reject(asApiError(error))),
    },
  }
}

export const editionMutations: GraphQLExtension = (graphql, { collections }: GraphQLInfo) => ({
  nextReport: {
    type: collections.reports!.graphQL!.type,
    args: { id: { type: new graphql.GraphQLNonNull(graphql.GraphQLID) } },
    resolve: async (_parent: unknown, args: { id: string }, context: { req: any }) => {
      if (!isStaffUser(context.req.user))
        throw new APIError('Only editors, publishers and admins may start a report.', context.req.user ? 403 : 401, undefined, true)
      return startNextReport(context.req, args.id)
    },
  },
})
