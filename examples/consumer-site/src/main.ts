/**
 * Two views, chosen by the URL hash:
 *   #/ (or nothing)      the latest published report, then the earlier ones
 *   #/rapport/<slug>     that report, then the others
 * <main data-state> says what is shown: loading, ready, empty (nothing published), missing, error.
 */
import './style.css'

import { latestReport, reportBySlug, reportChanges, reportList } from './api'
import { CMS_URL } from './config'
import { renderChanges, renderMessage, renderReport, renderReportList } from './render'

const app = document.querySelector<HTMLElement>('#app')!

type State = 'loading' | 'ready' | 'empty' | 'missing' | 'error'

function show(state: State, ...content: Node[]) {
  app.dataset.state = state
  app.replaceChildren(...content)
}

function slugFromHash(hash: string): string | undefined {
  const match = /^#\/rapport\/([^/?#]+)$/.exec(hash)
  if (!match?.[1]) return undefined
  try {
    return decodeURIComponent(match[1])
  } catch {
    return undefined
  }
}

let renderCount = 0

async function route() {
  const current = ++renderCount
  const slug = slugFromHash(location.hash)
  show('loading', renderMessage('Hämtar rapporten …'))
  try {
    const [report, list] = await Promise.all([slug ? reportBySlug(slug) : latestReport(), reportList(20)])
    // A newer navigation started while this one waited: let it draw the page.
    if (current !== renderCount) return
    const others = list.filter((item) => item.id !== report?.id)
    const listTitle = slug ? 'Fler rapporter' : 'Tidigare rapporter'
    if (!report) {
      show(
        slug ? 'missing' : 'empty',
        renderMessage(slug ? 'Rapporten finns inte eller är inte publicerad.' : 'Det finns ingen publicerad rapport att visa.', 'status', 'h1'),
        renderReportList(listTitle, others),
      )
      return
    }
    // What is new since last time is a help, not the report: without it the report still shows.
    const changes = await reportChanges(report.id).catch(() => undefined)
    if (current !== renderCount) return
    document.title = `${report.title ?? 'Rapport'} – Lägesbild`
    const news = changes ? renderChanges(changes) : undefined
    show('ready', ...(news ? [news] : []), renderReport(report), renderReportList(listTitle, others))
    if (slug) window.scrollTo(0, 0)
  } catch (error) {
    if (current !== renderCount) return
    console.error(error)
    show('error', renderMessage(`Rapporterna kunde inte hämtas från ${CMS_URL}. Försök igen om en stund.`, 'status status--error', 'h1'))
  }
}

window.addEventListener('hashchange', () => void route())
void route()
