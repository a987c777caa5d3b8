import { TIME_ZONE } from './report-format/stockholm-time'

/** URL-safe slugs: lower case ASCII, Swedish letters folded (å ä -> a, ö -> o), words joined by "-". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** A report's slug: its title and the Stockholm calendar day it was compiled. */
export function reportSlug(title: string, compiledAt: string | Date): string {
  const day = new Intl.DateTimeFormat('sv-SE', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(compiledAt))
  return `${slugify(title)}-${day}`
}
