/**
 * The admin's dates in Swedish form on the 24-hour clock: a document's "1 december 2026 08:45",
 * a list's "2026-12-01 08:45", through Payload's own formatter and date-fns locale, at midnight and
 * on both daylight-saving days. And the one date Payload 3.90 hard-codes as American English
 * (the "document locked" dialog), read back in any browser time zone so it can be rewritten.
 */
import { importDateFNSLocale } from '@payloadcms/translations'
import { formatDate } from '@payloadcms/ui/shared'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import { DOCUMENT_DATE_FORMAT, LIST_DATE_FORMAT, parseAmericanDateTime } from '../../src/admin/date-formats'
import { TIME_ZONE } from '../../src/report-format/stockholm-time'

const originalZone = process.env.TZ
afterEach(() => {
  process.env.TZ = originalZone
})

/** [instant, document form, list form] in Stockholm time. */
const CASES: [string, string, string][] = [
  ['2026-12-01T07:45:00.000Z', '1 december 2026 08:45', '2026-12-01 08:45'],
  ['2026-12-01T19:45:00.000Z', '1 december 2026 20:45', '2026-12-01 20:45'], // evening: no "em"
  ['2026-11-30T23:00:00.000Z', '1 december 2026 00:00', '2026-12-01 00:00'], // midnight: the day before in UTC
  ['2026-12-31T22:59:00.000Z', '31 december 2026 23:59', '2026-12-31 23:59'],
  ['2026-03-29T00:59:00.000Z', '29 mars 2026 01:59', '2026-03-29 01:59'], // just before summer time
  ['2026-03-29T01:00:00.000Z', '29 mars 2026 03:00', '2026-03-29 03:00'], // just after: 02:00 never happened
  ['2026-10-25T00:30:00.000Z', '25 oktober 2026 02:30', '2026-10-25 02:30'], // the repeated hour, first time
  ['2026-10-25T01:30:00.000Z', '25 oktober 2026 02:30', '2026-10-25 02:30'], // and second
  ['2026-10-25T02:00:00.000Z', '25 oktober 2026 03:00', '2026-10-25 03:00'],
]

describe('Payload formats admin dates in Swedish form', () => {
  let i18n: { dateFNS: unknown; t: (key: string) => string }
  let english: typeof i18n
  beforeAll(async () => {
    i18n = { dateFNS: await importDateFNSLocale('sv'), t: (key) => key }
    english = { dateFNS: await importDateFNSLocale('en-US'), t: (key) => key }
  })

  it.each(CASES)('%s: "%s" in a document, "%s" in a list', (instant, documentForm, listForm) => {
    // The server runs in Stockholm time (src/server.ts); so does a browser in Sweden.
    process.env.TZ = TIME_ZONE
    expect(formatDate({ date: instant, i18n: i18n as never, pattern: DOCUMENT_DATE_FORMAT })).toBe(documentForm)
    expect(formatDate({ date: instant, i18n: i18n as never, pattern: LIST_DATE_FORMAT })).toBe(listForm)
  })

  it('writes the same form with English month names in the English admin', () => {
    process.env.TZ = TIME_ZONE
    expect(formatDate({ date: '2026-12-01T19:45:00.000Z', i18n: english as never, pattern: DOCUMENT_DATE_FORMAT })).toBe('1 December 2026 20:45')
  })
})

describe('the American date Payload hard-codes, read back', () => {
  /** As Payload's DocumentLocked writes it (ui/dist/elements/DocumentLocked). */
  const american = (instant: Date) =>
    new Intl.DateTimeFormat('en-US', { day: 'numeric', hour: 'numeric', hour12: true, minute: 'numeric', month: 'short', year: 'numeric' }).format(instant)

  const wallClock = (date: Date | undefined) => date && [date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes()]

  it.each(['Europe/Stockholm', 'UTC', 'America/New_York', 'Asia/Tokyo'])('in %s, gives back the wall-clock minute it was written from', (zone) => {
    process.env.TZ = zone
    for (const [instant] of CASES) {
      const written = american(new Date(instant))
      // The repeated October hour reads as its first instant: the same wall-clock time either way.
      expect(wallClock(parseAmericanDateTime(written)), `${zone}: ${written}`).toEqual(wallClock(new Date(instant)))
    }
  })

  it.each([
    ['Dec 1, 2026, 8:45 PM', [2026, 11, 1, 20, 45]],
    ['Dec 1, 2026, 8:45 AM', [2026, 11, 1, 8, 45]],
    ['Dec 1, 2026, 12:05 AM', [2026, 11, 1, 0, 5]], // midnight is 12 AM
    ['Dec 1, 2026, 12:30 PM', [2026, 11, 1, 12, 30]], // noon is 12 PM
    ['Jan 31, 2027, 11:59\u202fPM', [2027, 0, 31, 23, 59]], // newer ICU puts a narrow no-break space before PM
  ] as const)('reads "%s"', (text, [year, month, day, hour, minute]) => {
    process.env.TZ = TIME_ZONE
    expect(wallClock(parseAmericanDateTime(text))).toEqual([year, month, day, hour, minute])
  })

  it.each(['Feb 30, 2026, 1:00 PM', 'Dec 1, 2026, 13:00 PM', 'Dec 1, 2026, 0:30 AM', 'Revoke API key', '2026-12-01 08:45', 'Foo 1, 2026, 1:00 PM'])(
    'leaves "%s" alone',
    (text) => {
      expect(parseAmericanDateTime(text)).toBeUndefined()
    },
  )
})
