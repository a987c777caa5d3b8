/**
 * The date picker (react-datepicker) works in the browser's time zone; what an editor types is
 * Stockholm time. These move a time between the two by its wall-clock fields, so a browser
 * elsewhere (or a test machine in UTC) still schedules the Stockholm time it shows.
 */
import { fromStockholmLocal, toStockholmLocal } from '../../report-format/stockholm-time'

/** The picker's Date (browser wall clock) read as Stockholm wall clock: its instant, or undefined. */
export function pickerToInstant(picked: Date): Date | undefined {
  return fromStockholmLocal({
    year: picked.getFullYear(),
    month: picked.getMonth() + 1,
    day: picked.getDate(),
    hour: picked.getHours(),
    minute: picked.getMinutes(),
  })
}

/** An instant as a picker Date showing its Stockholm wall-clock time. */
export function instantToPicker(instant: Date): Date {
  const local = toStockholmLocal(instant)
  return new Date(local.year, local.month - 1, local.day, local.hour, local.minute)
}
