/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The CMS's base URL, e.g. https://cms.example.se (default http://localhost:3000). */
  readonly VITE_CMS_URL?: string
  /** A reader's API key, for internal reports: only on an intranet behind sign-in (see README). */
  readonly VITE_CMS_API_KEY?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
