/**
 * The review state of a report is written by the server only. The review workflow
 * (src/reports/review.ts) notes the new state in the request before its draft save; this hook
 * writes it. Publishing clears it: what was published needs no review. Any other save (an
 * editor's autosave included) keeps the state as it was, so a report stays "Klar för granskning"
 * while its editor corrects a typo; the publisher reviews the latest draft anyway. Restoring an
 * old version keeps today's state too, not the one stored with that version.
 */
import type { CollectionBeforeChangeHook } from 'payload'

import { requestState } from './request-state'

const CLEARED = { state: 'none', note: null, by: null, at: null }

export const applyReviewState: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  const state = requestState(req)
  if (state.review) {
    const { action: _action, ...review } = state.review
    data.review = review
  } else if (data._status === 'published' || operation === 'create') {
    data.review = CLEARED
  } else if (state.restoring) {
    data.review = originalDoc?.review ?? CLEARED
  }
  return data
}
