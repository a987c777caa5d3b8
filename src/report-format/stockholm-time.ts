/**
 * Europe/Stockholm wall-clock time <-> UTC instants, using only Intl (no date library).
 * Report text gives local Swedish time; the model stores UTC, so both directions must honour DST.
 */

/** The one time zone of the product: every date an editor or reader sees is Stockholm time. */
export const TIME_ZONE = 'Europe/Stockholm'
const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

interface LocalDateTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

// h23 so midnight is "00", not "24" as some engines print with hour12: false.
const stockholmParts = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
})

function partsAt(instantMs: number): LocalDateTime & { second: number } {
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(stockholmParts.formatToParts(instantMs).find((part) => part.type === type)?.value)
  return {
    year: value('year'),
    month: value('month'),
    day: value('day'),
    hour: value('hour'),
    minute: value('minute'),
    second: value('second'),
  }
}

/** Stockholm's offset from UTC (ms) at an instant: +1 h in winter, +2 h in summer. */
function offsetAt(instantMs: number): number {
  const local = partsAt(instantMs)
  const localAsUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second)
  return localAsUtc - (instantMs - (((instantMs % 1000) + 1000) % 1000))
}

export function toStockholmLocal(instant: Date): LocalDateTime {
  const { second: _second, ...local } = partsAt(instant.getTime())
  return local
}

/**
 * The UTC instant of a Stockholm wall-clock time, or undefined when that time does not exist
 * (the hour skipped when clocks go forward). For the repeated hour in autumn, the earlier instant wins.
 */
export function fromStockholmLocal(local: LocalDateTime): Date | undefined {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute)
  // The offset is one of those in force a day either side; try each and keep those that map back.
  const candidates = [offsetAt(naive - DAY_MS), offsetAt(naive + DAY_MS)]
    .map((offset) => naive - offset)
    .filter((instant) => sameLocalTime(toStockholmLocal(new Date(instant)), local))
    .sort((a, b) => a - b)
  return candidates.length > 0 ? new Date(candidates[0]) : undefined
}

function sameLocalTime(a: LocalDateTime, b: LocalDateTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute
}

/** True when year-month-day is a real calendar date (rejects 2025-02-30). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

export const pad2 = (n: number): string => String(n).padStart(2, '0')

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`
}

/** "2026-12-01 22:34": an instant as Stockholm wall-clock time, 24-hour clock (lists, logs, messages). */
export function formatStockholm(instant: Date): string {
  const local = toStockholmLocal(instant)
  return `${isoDate(local.year, local.month, local.day)} ${pad2(local.hour)}:${pad2(local.minute)}`
}

/** Parses "YYYY-MM-DD HH:MM" (Stockholm time) to its instant; undefined if malformed or non-existent. */
export function parseStockholm(text: string): Date | undefined {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})\s*$/.exec(text)
  if (!match) return undefined
  const [year, month, day, hour, minute] = match.slice(1).map(Number)
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59) return undefined
  return fromStockholmLocal({ year, month, day, hour, minute })
}

const swedishDay = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' })

/** "3 april 2025": the Stockholm calendar day of an instant, written out in Swedish (the admin's dated lists). */
export const formatStockholmDay = (instant: Date): string => swedishDay.format(instant)
