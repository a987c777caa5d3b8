/** A GraphQL validation rule that refuses documents nested deeper than `maxDepth` fields. */
import { GraphQLError, Kind, type ASTNode, type ValidationContext } from 'graphql'

export function depthLimit(maxDepth: number) {
  return (context: ValidationContext) => {
    const fragments = new Map(context.getDocument().definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])))
    const depthOf = (node: ASTNode, depth: number, seen: Set<string>): number => {
      if (depth > maxDepth) return depth
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(node.name.value)
        if (!fragment || seen.has(node.name.value)) return depth
        return depthOf(fragment.selectionSet, depth, new Set([...seen, node.name.value]))
      }
      if (node.kind === Kind.FIELD && node.selectionSet) return depthOf(node.selectionSet, depth + 1, seen)
      if ((node.kind === Kind.SELECTION_SET || node.kind === Kind.INLINE_FRAGMENT) && 'selections' in node) {
        return Math.max(depth, ...node.selections.map((selection) => depthOf(selection, depth, seen)))
      }
      if (node.kind === Kind.INLINE_FRAGMENT) return depthOf(node.selectionSet, depth, seen)
      return depth
    }
    return {
      OperationDefinition(operation: { selectionSet: ASTNode; name?: { value: string } }) {
        const depth = depthOf(operation.selectionSet, 0, new Set())
        if (depth > maxDepth) {
          context.reportError(new GraphQLError(`Query is nested deeper than the limit of ${maxDepth} levels.`))
        }
      },
    }
  }
}
