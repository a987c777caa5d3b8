/**
 * Stockholm wall-clock time as the admin shows and takes it (24-hour clock), at the boundaries
 * where clocks and calendars trip: midnight, month and year ends, and both daylight-saving
 * changes (last Sunday of March: 02:00 -> 03:00; last Sunday of October: 03:00 -> 02:00). The
 * picker conversions run in the browser's time zone, so they are proven in several.
 */
import { afterEach, describe, expect, it } from 'vitest'

import { instantToPicker, pickerToInstant } from '../../src/admin/publishing/picker-time'
import { formatStockholm, parseStockholm } from '../../src/report-format/stockholm-time'

const CASES: [string, string][] = [
  ['2026-12-01 14:30', '2026-12-01T13:30:00.000Z'], // an afternoon: the time Payload's 12-hour picker read as morning
  ['2026-12-01 00:00', '2026-11-30T23:00:00.000Z'], // midnight, the day before in UTC
  ['2026-12-31 23:59', '2026-12-31T22:59:00.000Z'], // the last minute of the year
  ['2027-01-01 00:00', '2026-12-31T23:00:00.000Z'], // the first
  ['2026-02-28 23:30', '2026-02-28T22:30:00.000Z'], // a month end
  ['2026-03-29 01:59', '2026-03-29T00:59:00.000Z'], // just before summer time
  ['2026-03-29 03:00', '2026-03-29T01:00:00.000Z'], // just after
  ['2026-06-15 12:00', '2026-06-15T10:00:00.000Z'], // summer
  ['2026-10-25 01:59', '2026-10-24T23:59:00.000Z'], // before the repeated hour
  ['2026-10-25 02:30', '2026-10-25T00:30:00.000Z'], // the repeated hour: its first (summer-time) instant
  ['2026-10-25 03:00', '2026-10-25T02:00:00.000Z'], // winter time again
]

describe('Stockholm time on the 24-hour clock', () => {
  it.each(CASES)('%s is %s, and back', (local, utc) => {
    expect(parseStockholm(local)?.toISOString()).toBe(utc)
    if (local !== '2026-10-25 02:30') expect(formatStockholm(new Date(utc))).toBe(local)
  })

  it('shows both instants of the repeated October hour as 02:30', () => {
    expect(formatStockholm(new Date('2026-10-25T00:30:00.000Z'))).toBe('2026-10-25 02:30')
    expect(formatStockholm(new Date('2026-10-25T01:30:00.000Z'))).toBe('2026-10-25 02:30')
  })

  it.each(['2026-03-29 02:30', '2026-02-29 10:00', '2026-12-01 24:00', '2026-12-01 2:30 em', '1 dec. 2026 14:30', ''])('refuses "%s"', (text) => {
    expect(parseStockholm(text)).toBeUndefined()
  })
})

describe('the schedule picker, in any browser time zone', () => {
  const original = process.env.TZ
  afterEach(() => {
    process.env.TZ = original
  })

  it.each(['Europe/Stockholm', 'UTC', 'America/New_York', 'Asia/Tokyo'])('in %s, what the picker shows is the Stockholm time that is scheduled', (zone) => {
    process.env.TZ = zone
    for (const [local, utc] of CASES) {
      if (local === '2026-10-25 02:30') continue
      const shown = instantToPicker(new Date(utc))
      const [date, time] = local.split(' ')
      const [year, month, day] = date.split('-').map(Number)
      const [hour, minute] = time.split(':').map(Number)
      // The picker's fields (its own time zone's wall clock) read as the Stockholm time...
      const fields = [shown.getFullYear(), shown.getMonth() + 1, shown.getDate(), shown.getHours(), shown.getMinutes()]
      expect(fields, `${zone} ${local}`).toEqual([year, month, day, hour, minute])
      // ...and what the editor picked there is scheduled at that Stockholm instant.
      expect(pickerToInstant(new Date(year, month - 1, day, hour, minute))?.toISOString(), `${zone} ${local}`).toBe(utc)
    }
  })
})
