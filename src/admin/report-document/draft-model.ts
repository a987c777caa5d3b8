/**
 * The report model of what the editor has in front of them: the report form's own values and the
 * latest drafts of its parts. Drafts may be unfinished (no title, no date, no body yet), so every
 * field has a fallback here; the rendering itself is the report format's (src/report-format).
 */
import { lexicalToBlocks } from '../../report-format/lexical'
import type { ReportModel, SectionKind } from '../../report-format/model'
import type { Words } from '../i18n'
import type { Id } from './order'
import type { Parts } from './use-parts'

type FormData = Record<string, any>

export function draftReportModel(data: FormData, ids: { sections: Id[]; spokespersons: Id[] }, parts: Parts, say: Words): ReportModel {
  const compiledAt = typeof data.compiledAt === 'string' && !Number.isNaN(Date.parse(data.compiledAt)) ? new Date(data.compiledAt).toISOString() : ''
  return {
    title: data.title || say.untitledReport,
    subject: data.subject ?? '',
    compiledAt,
    sections: ids.sections.map((id) => {
      const doc = parts.byId.sections.get(String(id))
      if (!doc) return { title: parts.pending ? '…' : `${say.partUnreadable} (${id})`, kind: 'other' as SectionKind, blocks: [] }
      return { title: doc.title || say.untitledSection, kind: (doc.kind ?? 'other') as SectionKind, blocks: lexicalToBlocks(doc.body) }
    }),
    // The view lists the actions itself, with their dates written out (ActionsList).
    communicationActions: [],
    // The form holds an array field's row count until it has rows: only an array has links.
    collectedInformation: (Array.isArray(data.collectedInformation) ? (data.collectedInformation as { label?: string; url?: string }[]) : [])
      .filter((row) => row?.label || row?.url)
      .map((row) => ({ label: row.label || row.url || '', url: row.url ?? '' })),
    spokespersons: ids.spokespersons.flatMap((id) => {
      const doc = parts.byId.spokespersons.get(String(id))
      return doc ? [{ name: doc.name ?? '', title: doc.title ?? '' }] : []
    }),
  }
}
