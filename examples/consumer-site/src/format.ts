/** Dates as the reports write them, in Swedish time whatever the reader's time zone. */

// The CMS's TIME_ZONE (src/report-format/stockholm-time.ts); this site is a separate package, so it has its own copy.
const TIME_ZONE = 'Europe/Stockholm'

const numericParts = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
})

function parts(instant: string) {
  const all = numericParts.formatToParts(new Date(instant))
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(all.find((part) => part.type === type)?.value)
  return { year: value('year'), month: value('month'), day: value('day'), hour: value('hour'), minute: value('minute') }
}

const pad2 = (n: number) => String(n).padStart(2, '0')
const isValid = (instant: string | null | undefined): instant is string => !!instant && !Number.isNaN(Date.parse(instant))

/** "2025-04-03T07:00:00.000Z" -> "2025-04-03 klockan 09:00". */
export function formatCompiledAt(instant: string | null | undefined): string {
  if (!isValid(instant)) return ''
  const p = parts(instant)
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)} klockan ${pad2(p.hour)}:${pad2(p.minute)}`
}

const longDate = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' })

/** "2025-04-03T07:00:00.000Z" -> "3 april 2025". */
export function formatLongDate(instant: string | null | undefined): string {
  return isValid(instant) ? longDate.format(new Date(instant)) : ''
}

/**
 * An action's calendar date as the report writes it: day/month, no leading zeros, no year
 * ("2025-03-31T12:00:00.000Z" -> "31/3"). The CMS stores calendar dates at noon UTC, so the day
 * is the same in Stockholm.
 */
export function formatDayMonth(instant: string | null | undefined): string {
  if (!isValid(instant)) return ''
  const p = parts(instant)
  return `${p.day}/${p.month}`
}
