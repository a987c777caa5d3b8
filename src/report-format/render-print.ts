/**
 * ReportModel -> a page to read on screen and print on A4: the e-mail HTML (same structure as the
 * seed report) plus a print stylesheet: A4 margins, no page break inside a bullet or after a
 * heading, link targets written out after external links on paper.
 */
import type { ReportModel } from './model'
import { renderReportHtml } from './render-html'

const PRINT_CSS = `
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
@media print {
  body { background: #fff; }
  table { max-width: none !important; width: 100% !important; }
  h1, h2 { break-after: avoid; page-break-after: avoid; }
  li, p { break-inside: avoid; page-break-inside: avoid; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.8em; color: #555; word-break: break-all; }
}`

export function renderReportPrintHtml(report: ReportModel, options: { lang?: string; banner?: string } = {}): string {
  const html = renderReportHtml(report, options)
  const bannerStyle = 'font-family:Arial, Helvetica, sans-serif;background:#fff4ce;color:#5c4400;padding:8px 16px;font-size:14px;'
  const banner = options.banner ? `<div style="${bannerStyle}">${options.banner.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</div>` : ''
  return html.replace('</head>', `<style>${PRINT_CSS}</style></head>`).replace(/<body([^>]*)>/, `<body$1>${banner}`)
}
