/** Lägesbild's mark, a white L on blue: the favicon (src/http/favicon.ts) and the admin's logo. */
export const MARK_COLOUR = '#1d3f6e'
export const MARK_PATH = 'M10 7v18h12v-4h-8V7z'
export const MARK_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${MARK_COLOUR}"/><path d="${MARK_PATH}" fill="#fff"/></svg>`
