/**
 * The route a request was for, as a metrics label: `/api/reports/:id`, never `/api/reports/17`.
 * Labels must stay few (each distinct value is a time series kept forever), so an id becomes
 * `:id` and a path nobody knows becomes `other`, whatever callers send.
 */
const ACTIONS = [
  'access',
  'count',
  'export',
  'first-register',
  'forgot-password',
  'globals',
  'init',
  'login',
  'logout',
  'me',
  'refresh-token',
  'reset-password',
  'schedule',
  'run',
  'queue',
  'unlock',
  'verify',
  'versions',
]
const FIXED = new Set(['/healthz', '/readyz', '/metrics', '/favicon.ico', '/api/graphql', '/api/graphql-playground'])
/** Beyond this many segments after /api, the rest is `/*`. */
const MAX_SEGMENTS = 4

/** `slugs`: the collections' and globals' slugs, the only names an API path keeps. */
export function routePatterns(slugs: string[]): (url: string | undefined) => string {
  const known = new Set([...ACTIONS, ...slugs])
  return (url) => {
    const path = (url ?? '/').split('?')[0].replace(/\/+$/, '') || '/'
    if (FIXED.has(path)) return path
    if (path.startsWith('/api/')) {
      const segments = path.slice('/api/'.length).split('/')
      if (!known.has(segments[0])) return '/api/other'
      const kept = segments.slice(0, MAX_SEGMENTS).map((segment) => (known.has(segment) ? segment : ':id'))
      return `/api/${kept.join('/')}${segments.length > MAX_SEGMENTS ? '/*' : ''}`
    }
    if (/^\/reports\/[^/]+\/[^/]+$/.test(path)) return '/reports/:id/:view'
    if (path === '/admin' || path.startsWith('/admin/')) return '/admin/*'
    if (path.startsWith('/_next/')) return '/_next/*'
    return 'other'
  }
}
