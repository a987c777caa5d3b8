import { withPayload } from '@payloadcms/next/withPayload'

/** Next.js serves only the admin panel; the API is served by Express (src/server.ts). */
const nextConfig = {
  poweredByHeader: false,
  // Collections, access rules and seed code live beside src/, outside Next's app dir.
  outputFileTracingRoot: import.meta.dirname,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
