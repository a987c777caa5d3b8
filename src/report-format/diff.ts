/**
 * What changed between two reports (two editions of one report, or an edition and the previous
 * report on the same subject): per section, at bullet granularity (added, removed and changed
 * bullets and paragraphs), plus added and removed communication actions. Pure TypeScript.
 *
 * Sections are matched by title (in order, when a title repeats). Within a section, bullets are
 * compared by their text and nesting depth (longest common subsequence); a removed bullet
 * followed by an added one in the same place counts as that bullet changed.
 */
import type { Block, CommunicationActionModel, ListItem, ReportModel } from './model'
import { renderInlines } from './render-text'

/** A bullet (depth >= 1: its nesting level) or a paragraph (depth 0), with its text as the report format writes it. */
export interface Entry {
  depth: number
  text: string
}

export interface SectionChanges {
  title: string
  status: 'added' | 'removed' | 'changed' | 'unchanged'
  added: Entry[]
  removed: Entry[]
  changed: { before: Entry; after: Entry }[]
}

export interface ReportChanges {
  sections: SectionChanges[]
  communicationActions: { added: CommunicationActionModel[]; removed: CommunicationActionModel[] }
  /** True when nothing at all differs. */
  unchanged: boolean
}

function itemEntries(items: ListItem[], depth: number): Entry[] {
  return items.flatMap((item) => [{ depth, text: renderInlines(item.inlines) }, ...itemEntries(item.children, depth + 1)])
}

export function entriesOf(blocks: Block[]): Entry[] {
  return blocks.flatMap((block) => (block.type === 'list' ? itemEntries(block.items, 1) : [{ depth: 0, text: renderInlines(block.inlines) }]))
}

const sameEntry = (a: Entry, b: Entry) => a.depth === b.depth && a.text === b.text

/** Added, removed and changed entries from `before` to `after`. */
export function diffEntries(before: Entry[], after: Entry[]): Pick<SectionChanges, 'added' | 'removed' | 'changed'> {
  // lengths[i][j]: the longest common subsequence of before[i..] and after[j..].
  const lengths = Array.from({ length: before.length + 1 }, () => new Array<number>(after.length + 1).fill(0))
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      lengths[i][j] = sameEntry(before[i], after[j]) ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1])
    }
  }
  const result: Pick<SectionChanges, 'added' | 'removed' | 'changed'> = { added: [], removed: [], changed: [] }
  let removedRun: Entry[] = []
  let addedRun: Entry[] = []
  const closeRun = () => {
    const paired = Math.min(removedRun.length, addedRun.length)
    for (let k = 0; k < paired; k++) result.changed.push({ before: removedRun[k], after: addedRun[k] })
    result.removed.push(...removedRun.slice(paired))
    result.added.push(...addedRun.slice(paired))
    removedRun = []
    addedRun = []
  }
  let i = 0
  let j = 0
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && sameEntry(before[i], after[j])) {
      closeRun()
      i++
      j++
    } else if (j >= after.length || (i < before.length && lengths[i + 1][j] >= lengths[i][j + 1])) {
      removedRun.push(before[i++])
    } else {
      addedRun.push(after[j++])
    }
  }
  closeRun()
  return result
}

const actionKey = (action: CommunicationActionModel) => `${action.date}|${action.title}`
const titleKey = (title: string) => title.trim().toLowerCase()

export function diffReports(before: ReportModel, after: ReportModel): ReportChanges {
  const unmatched = before.sections.map((section) => ({ section, used: false }))
  const sections: SectionChanges[] = after.sections.map((section) => {
    const match = unmatched.find((candidate) => !candidate.used && titleKey(candidate.section.title) === titleKey(section.title))
    if (!match) return { title: section.title, status: 'added', added: entriesOf(section.blocks), removed: [], changed: [] }
    match.used = true
    const changes = diffEntries(entriesOf(match.section.blocks), entriesOf(section.blocks))
    const status = changes.added.length + changes.removed.length + changes.changed.length > 0 ? 'changed' : 'unchanged'
    return { title: section.title, status, ...changes }
  })
  for (const { section, used } of unmatched) {
    if (!used) sections.push({ title: section.title, status: 'removed', added: [], removed: entriesOf(section.blocks), changed: [] })
  }
  const beforeActions = new Set(before.communicationActions.map(actionKey))
  const afterActions = new Set(after.communicationActions.map(actionKey))
  const communicationActions = {
    added: after.communicationActions.filter((action) => !beforeActions.has(actionKey(action))),
    removed: before.communicationActions.filter((action) => !afterActions.has(actionKey(action))),
  }
  const unchanged =
    sections.every((section) => section.status === 'unchanged') && communicationActions.added.length === 0 && communicationActions.removed.length === 0
  return { sections, communicationActions, unchanged }
}
