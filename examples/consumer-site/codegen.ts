import type { CodegenConfig } from '@graphql-codegen/cli'

/**
 * Types for the persisted queries this site calls, from the CMS's committed schema.
 * src/queries/*.graphql are copies of the CMS's own query texts (npm run check:queries).
 */
const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: 'src/queries/*.graphql',
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript-operations'],
      config: {
        enumType: 'string-literal',
        // Payload's custom scalars as they arrive in JSON.
        scalars: {
          DateTime: 'string',
          EmailAddress: 'string',
          JSON: 'unknown',
          JSONObject: 'Record<string, unknown>',
        },
        avoidOptionals: false,
        useTypeImports: true,
      },
    },
  },
}

export default config
