/** Review in GraphQL, as in REST (POST /api/reports/:id/review): see src/reports/review.ts. */
import type { GraphQLExtension, GraphQLInfo } from 'payload'

import { reviewReport } from '../reports/review'

export const reviewMutations: GraphQLExtension = (graphql, { collections }: GraphQLInfo) => {
  const report = collections.reports!.graphQL!.type
  const id = { type: new graphql.GraphQLNonNull(graphql.GraphQLID) }
  return {
    markReportReadyForReview: {
      type: report,
      args: { id },
      resolve: (_parent: unknown, args: { id: string }, context: { req: any }) => reviewReport(context.req, args.id, { action: 'ready' }),
    },
    sendReportBack: {
      type: report,
      args: { id, note: { type: new graphql.GraphQLNonNull(graphql.GraphQLString) } },
      resolve: (_parent: unknown, args: { id: string; note: string }, context: { req: any }) =>
        reviewReport(context.req, args.id, { action: 'sendBack', note: args.note }),
    },
  }
}
