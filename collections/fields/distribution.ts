import { bilingualOptions } from './labels'

/** Who a report is for: the report's `distribution` values, and what each distribution list serves. */
export const DISTRIBUTION_OPTIONS = bilingualOptions([
  ['politicalLeadership', 'Politisk ledning', 'Political leadership'],
  ['managers', 'Chefer', 'Managers'],
  ['intranet', 'Intranätet', 'Intranet'],
  ['publicWebsite', 'Externa webbplatsen', 'Public website'],
])
