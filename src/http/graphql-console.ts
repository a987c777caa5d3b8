/**
 * GET /api/graphql-playground: a small GraphQL page served entirely by this server (one HTML
 * document, its script and styles inline, nothing from another host), so it works offline.
 * Payload's playground loaded its scripts and fonts from public CDNs and stayed blank without
 * internet. Outside production only (Payload's `disablePlaygroundInProduction`), like introspection.
 * Queries run as the browser's admin session, or as the Authorization header typed in the page
 * (`users API-Key …` to see what a consumer site sees).
 */
import { randomBytes } from 'node:crypto'
import type { RequestHandler } from 'express'

const EXAMPLE_QUERY = `# Ctrl+Enter runs the query. Schema: schema.graphql in the repository.
{
  Reports(limit: 5, sort: "-compiledAt") {
    docs {
      id
      title
      slug
      compiledAt
      audience
      edition { number publishedAt }
    }
  }
}
`

export function graphqlConsole(options: { production: boolean; endpoint?: string }): RequestHandler {
  const endpoint = options.endpoint ?? '/api/graphql'
  return (_req, res) => {
    if (options.production) return void res.status(404).json({ errors: [{ message: 'Not found (the GraphQL page is for development)' }] })
    const nonce = randomBytes(16).toString('base64')
    res
      .set('cache-control', 'no-store')
      // Only this page's own inline code, and requests to this server.
      .set(
        'content-security-policy',
        `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'`,
      )
      .type('html')
      .send(page(endpoint, nonce))
  }
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function page(endpoint: string, nonce: string): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphQL · lagesbild</title>
<style nonce="${nonce}">
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #f6f6f4; color: #1b1b1b; }
  header { padding: 8px 16px; background: #1b2a3a; color: #fff; display: flex; gap: 16px; align-items: center; }
  header h1 { font-size: 16px; margin: 0; font-weight: 600; }
  header input { flex: 1; max-width: 420px; font: inherit; padding: 4px 6px; }
  main { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; padding: 12px 16px; height: calc(100vh - 70px); box-sizing: border-box; }
  section { display: flex; flex-direction: column; min-height: 0; }
  label { font-weight: 600; margin: 4px 0; }
  textarea, pre { font: 13px/1.45 ui-monospace, monospace; border: 1px solid #c8c8c8; border-radius: 4px; padding: 8px; background: #fff; margin: 0; }
  #query { flex: 3; resize: none; } #variables { flex: 1; resize: none; }
  pre { flex: 1; overflow: auto; white-space: pre-wrap; }
  button { font: inherit; padding: 4px 14px; }
</style>
</head>
<body>
<header>
  <h1>GraphQL · lagesbild</h1>
  <button id="run" type="button">Kör (Ctrl+Enter)</button>
  <input id="authorization" placeholder="Authorization (tomt: din inloggning i admin), t.ex. users API-Key …" aria-label="Authorization">
  <span id="status" role="status"></span>
</header>
<main>
  <section>
    <label for="query">Fråga</label>
    <textarea id="query" spellcheck="false">${escapeHtml(EXAMPLE_QUERY)}</textarea>
    <label for="variables">Variabler (JSON)</label>
    <textarea id="variables" spellcheck="false">{}</textarea>
  </section>
  <section>
    <label for="result">Svar</label>
    <pre id="result" tabindex="0"></pre>
  </section>
</main>
<script nonce="${nonce}">
  const endpoint = ${JSON.stringify(endpoint)}
  const $ = (id) => document.getElementById(id)
  for (const id of ['query', 'variables', 'authorization']) {
    const saved = localStorage.getItem('lagesbild-graphql-' + id)
    if (saved !== null) $(id).value = saved
    $(id).addEventListener('input', () => localStorage.setItem('lagesbild-graphql-' + id, $(id).value))
  }
  async function run() {
    let variables
    try {
      variables = JSON.parse($('variables').value || '{}')
    } catch (error) {
      $('result').textContent = 'Variablerna är inte giltig JSON: ' + error.message
      return
    }
    const headers = { 'content-type': 'application/json' }
    if ($('authorization').value.trim()) headers.authorization = $('authorization').value.trim()
    $('status').textContent = '…'
    const started = performance.now()
    try {
      const response = await fetch(endpoint, { method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify({ query: $('query').value, variables }) })
      const text = await response.text()
      let shown = text
      try { shown = JSON.stringify(JSON.parse(text), null, 2) } catch {}
      $('result').textContent = shown
      $('status').textContent = response.status + ' · ' + Math.round(performance.now() - started) + ' ms'
    } catch (error) {
      $('result').textContent = String(error)
      $('status').textContent = ''
    }
  }
  $('run').addEventListener('click', run)
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault()
      run()
    }
  })
</script>
</body>
</html>
`
}
