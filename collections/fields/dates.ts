/**
 * Dates are checked before Payload sees them: JavaScript would quietly read 2025-02-30 as
 * 2 March and accept year 0, and neither belongs in a situation report.
 */
import type { DateFieldValidation } from 'payload'
import { date as payloadDateValidation } from 'payload/shared'

const EARLIEST_YEAR = 1990
const LATEST_YEAR = 2100
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

function checkDate(value: unknown): true | string {
  if (value === null || value === undefined || value === '') return true
  const text = value instanceof Date ? value.toISOString() : String(value)
  const match = ISO_DATE.exec(text)
  if (!match) return `"${text.slice(0, 40)}" is not an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)`
  const [year, month, day] = match.slice(1, 4).map(Number)
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return `${match.slice(1, 4).join('-')} is not a date in the calendar`
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return `year ${year} is outside ${EARLIEST_YEAR}-${LATEST_YEAR}`
  return true
}

/** Our calendar check, then Payload's own (required, time zone). */
export const validateDate: DateFieldValidation = (value, options) => {
  const checked = checkDate(value)
  return checked === true ? payloadDateValidation(value, options as never) : checked
}
