/**
 * Building the page from CMS content without ever parsing CMS strings as HTML: every string
 * becomes a Text node (the browser escapes it), and hrefs are checked by isSafeHref first.
 * There is no innerHTML anywhere in this site.
 */

type Child = Node | string | null | undefined | false
type Attributes = Record<string, string | undefined>

/** An element with attributes (undefined ones left out) and children (strings become Text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, value)
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue
    element.append(typeof child === 'string' ? document.createTextNode(child) : child)
  }
  return element
}

/**
 * http(s) URLs, relative paths and "#..." anchors; nothing else (no javascript:, data:, "//host").
 * The same rule as the CMS's own (src/report-format/link-url.ts), as a second line of defence.
 */
export function isSafeHref(url: string): boolean {
  // Browsers ignore tabs/newlines and leading control characters and spaces when reading a scheme.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what browsers skip here
  const normalised = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '')
  if (normalised === '') return false
  if (/^[a-z][a-z0-9+.-]*:/i.test(normalised)) return /^https?:/i.test(normalised)
  return !/^[\\/]{2}/.test(normalised)
}

/** A link when the URL is safe; otherwise just its text. */
export function link(url: string | null | undefined, text: Child | Child[], options: { newTab?: boolean } = {}): Node {
  if (!url || !isSafeHref(url)) return h('span', {}, text)
  return h('a', { href: url, ...(options.newTab ? { target: '_blank', rel: 'noopener noreferrer' } : {}) }, text)
}
