// @ts-check
/**
 * ESLint for lagesbild (`npm run lint`). Shaped like Payload's templates (typescript-eslint's recommended
 * rules, unused-vars with `_` escapes, payload-types.ts ignored) without Next's preset: Next serves only
 * Payload's admin here, so its page/link rules have nothing to check; react-hooks covers our admin components.
 * Not type-aware on purpose: `npm run typecheck` already runs tsc, and a second type-checked pass would double
 * CI time on two cores. Line length is Prettier's job (printWidth 160 in .prettierrc.json), not a rule here.
 */
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '.next/',
    'data/',
    'tests/.artifacts/',
    'test-results/',
    // Generated: by `npm run generate` (checked against the config by tests/generated-files.spec.ts) and by migrate:create.
    'src/payload-types.ts',
    'src/app/(payload)/admin/importMap.js',
    'src/migrations/**',
    'schema.graphql',
    'next-env.d.ts',
    // The example site's build output and its graphql-codegen output (`npm run codegen:check` there).
    'examples/consumer-site/dist/',
    'examples/consumer-site/src/generated/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    languageOptions: {
      sourceType: 'module',
      // Server, CLI, tests and bench run in Node; the admin components get the browser's globals below.
      globals: { ...globals.node },
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'warn',
    },
    rules: {
      // TypeScript reports undefined names itself, and knows type-only globals (React, NodeJS) that this rule does not.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrors: 'all',
          caughtErrorsIgnorePattern: '^_',
          // `const { password, ...rest } = user`: leaving fields out by destructuring them away.
          ignoreRestSiblings: true,
        },
      ],
      // A warning, not an error: `any` marks the places that cross untyped boundaries on purpose — documents as
      // Payload's hooks hand them over (`Record<string, any>`), GraphQL resolver signatures (src/graphql/), database
      // adapter internals (src/sqlite-transactions.ts, src/cache/database-events.ts) and JSON bodies in tests. Warnings
      // keep each new one visible in review without failing CI; `unknown` is the better choice where it fits.
      '@typescript-eslint/no-explicit-any': 'warn',
      // `import type` keeps type-only imports out of the server bundle and out of Next's client graph.
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
    },
  },

  // The admin's React components (Payload renders them in Next's admin app, most of them client components).
  {
    files: ['src/admin/**/*.tsx'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: {
      globals: { ...globals.browser },
    },
    rules: {
      // A warning until the plugin stops flagging setState that runs after an `await` (facebook/react#34905): our
      // panels load with `const load = useCallback(async () => { const r = await fetch(…); setX(…) })` and
      // `useEffect(() => void load(), [load])`, which is not the synchronous cascade the rule is about.
      'react-hooks/set-state-in-effect': 'warn',
    },
  },

  // The example consumer site runs in the browser (Vite); its scripts run in Node.
  {
    files: ['examples/consumer-site/src/**/*.ts'],
    languageOptions: {
      globals: { ...globals.browser },
    },
  },

  // CommonJS: a preload script for `node --require` (bench/trace-requests.cjs).
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { ...globals.node, ...globals.commonjs },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
)
