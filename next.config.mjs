import { withPayload } from '@payloadcms/next/withPayload'

/** Next.js serves only the admin panel; the API is served by Express (src/server.ts). */
const nextConfig = {
  poweredByHeader: false,
  // Collections, access rules and seed code live beside src/, outside Next's app dir.
  outputFileTracingRoot: import.meta.dirname,
  // `npm run typecheck` checks the whole project (CI runs it); no second pass inside the build.
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
