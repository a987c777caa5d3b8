/** The export formats: the report text format, CommonMark Markdown, e-mail HTML and the model as JSON. */
import type { ReportModel } from './model'
import { renderReportHtml } from './render-html'
import { renderReportMarkdown } from './render-markdown'
import { renderReportText } from './render-text'

export const EXPORT_FORMATS = {
  text: { extension: 'txt', contentType: 'text/plain; charset=utf-8', render: renderReportText },
  markdown: { extension: 'md', contentType: 'text/markdown; charset=utf-8', render: renderReportMarkdown },
  html: { extension: 'html', contentType: 'text/html; charset=utf-8', render: (report: ReportModel) => renderReportHtml(report) },
  json: { extension: 'json', contentType: 'application/json; charset=utf-8', render: (report: ReportModel) => `${JSON.stringify(report, null, 2)}\n` },
} as const

export type ExportFormat = keyof typeof EXPORT_FORMATS

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && Object.hasOwn(EXPORT_FORMATS, value)
}

export function exportReport(report: ReportModel, format: ExportFormat): string {
  return EXPORT_FORMATS[format].render(report)
}
