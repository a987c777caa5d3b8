/** Build-time configuration (Vite inlines import.meta.env.VITE_* when it builds the site). */

/** Where the CMS is; its /api/graphql must list this site's origin in CORS_ORIGINS. */
export const CMS_URL = (import.meta.env.VITE_CMS_URL || 'http://localhost:3000').replace(/\/+$/, '')

/**
 * A reader's API key makes internal reports visible. Whatever Vite builds is public: anyone who
 * can load the page can read the key. Only for an intranet site that is itself behind sign-in.
 */
export const CMS_API_KEY = import.meta.env.VITE_CMS_API_KEY || undefined
