/**
 * Which URLs the Markdown and HTML renderers may turn into clickable links. Defence in depth behind
 * the CMS's own URL validation: an exported report must never carry a javascript:, data:, vbscript:
 * or any other scheme's link, whatever ended up in the database.
 */

/** True for http(s) URLs, relative paths and "#..." anchors; false for every other scheme and "//host". */
export function isSafeLinkUrl(url: string): boolean {
  // Browsers drop tabs and newlines anywhere and leading control characters and spaces before
  // reading the scheme, so "java\tscript:" and " javascript:" must be judged as "javascript:".
  // eslint-disable-next-line no-control-regex -- control characters are exactly what browsers skip here
  const normalised = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '')
  if (normalised === '') return false
  if (/^[a-z][a-z0-9+.-]*:/i.test(normalised)) return /^https?:/i.test(normalised)
  // "//host" (and "/\host", which browsers read the same way) leaves the page: not a relative path.
  return !/^[\\/]{2}/.test(normalised)
}
