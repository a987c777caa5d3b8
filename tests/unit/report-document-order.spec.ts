/** Where the admin's document view adds and moves sections and actions (src/admin/report-document/order.ts). */
import { describe, expect, it } from 'vitest'

import { actionPosition, endOfOthers, idsOf, insertAt, neighbours, swap } from '../../src/admin/report-document/order'
import { formatStockholmDay } from '../../src/report-format/stockholm-time'

describe('the document view’s order', () => {
  it('reads the ids of a relationship value in any of its shapes', () => {
    expect(idsOf([1, { id: 2 }, { relationTo: 'sections', value: 3 }, 'abc', null])).toEqual([1, 2, 3, 'abc'])
    expect(idsOf(undefined)).toEqual([])
  })

  it('inserts at a position and swaps two', () => {
    expect(insertAt([1, 2, 3], 1, 9)).toEqual([1, 9, 2, 3])
    expect(insertAt([], 0, 9)).toEqual([9])
    expect(swap([1, 2, 3], 2, 1)).toEqual([1, 3, 2])
  })

  it('moves a section past its neighbour of the same kind, as the layout shows them', () => {
    // The seed's order: three sections, then the two "about" texts.
    expect(neighbours(['situationSummary', 'communicationSituation', 'organisationComment', 'about', 'about'])).toEqual([
      { up: undefined, down: 1 },
      { up: 0, down: 2 },
      { up: 1, down: undefined },
      { up: undefined, down: 4 },
      { up: 3, down: undefined },
    ])
    // An "about" text stored between others is shown after them: its neighbours are about texts only.
    expect(neighbours(['other', 'about', 'other'])).toEqual([{ up: undefined, down: 2 }, {}, { up: 0, down: undefined }])
  })

  it('adds after the last other section, before the about texts', () => {
    expect(endOfOthers(['other', 'other', 'about'])).toBe(2)
    expect(endOfOthers(['about', 'other', 'about'])).toBe(2)
    expect(endOfOthers(['about'])).toBe(0)
    expect(endOfOthers([])).toBe(0)
  })

  it('places a new action by its date, newest first; one without a date at the top', () => {
    const dates = ['2025-04-03T12:00:00.000Z', '2025-04-02T12:00:00.000Z', '2025-03-28T12:00:00.000Z']
    expect(actionPosition(dates, '2025-04-05T12:00:00.000Z')).toBe(0)
    expect(actionPosition(dates, '2025-03-31T12:00:00.000Z')).toBe(2)
    expect(actionPosition(dates, '2025-01-01T12:00:00.000Z')).toBe(3)
    expect(actionPosition(dates, undefined)).toBe(0)
  })

  it('writes an action’s day in Swedish, on the Stockholm calendar', () => {
    expect(formatStockholmDay(new Date('2025-04-03T12:00:00.000Z'))).toBe('3 april 2025')
    expect(formatStockholmDay(new Date('2025-03-31T22:30:00.000Z'))).toBe('1 april 2025')
  })
})
