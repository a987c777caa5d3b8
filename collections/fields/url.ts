/**
 * Link URLs: http(s) on the web, a path inside our own sites, or an anchor ("#" is the
 * placeholder the report format uses for a link not yet known). Everything else
 * (javascript:, data:, mailto: ...) is refused: a link must never run code.
 */
const SAFE_URL = /^(https?:\/\/[^\s/$.?#][^\s]*|\/(?!\/)[^\s]*|#[^\s]*)$/i

export function validateLinkUrl(value: unknown): true | string {
  if (typeof value !== 'string' || value.trim() === '') return 'URL is required / URL krävs'
  if (!SAFE_URL.test(value)) {
    return `"${value.slice(0, 80)}" is not an http(s) URL, an internal path (/...) or an anchor (#...)`
  }
  return true
}
