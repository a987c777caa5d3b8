/**
 * Words our own admin components use that Payload's translations lack, in the admin's two
 * languages. Pick with `words(i18n.language)`; Swedish is the default.
 */
const sv = {
  time: 'Tid (svensk tid)',
  timeHint: 'Skriv datum och tid som 2026-12-01 14:30, 24-timmarsklocka.',
  publishAction: 'Publicera',
  unpublishAction: 'Avpublicera',
  cancel: 'Ta bort',
  pastTime: 'Tiden har redan passerat. Välj en tid framåt.',
  notAllowed: 'Bara en ansvarig utgivare kan schemalägga eller ta bort schemaläggning.',
  unsavedNotStored: 'Ändringarna kunde inte sparas. Kopiera din text och försök igen.',
  unsavedLeave: 'Det finns ändringar som inte har sparats.',
  stockholm: 'Stockholm',
}

const en: typeof sv = {
  time: 'Time (Swedish time)',
  timeHint: 'Type date and time as 2026-12-01 14:30, 24-hour clock.',
  publishAction: 'Publish',
  unpublishAction: 'Unpublish',
  cancel: 'Remove',
  pastTime: 'That time has already passed. Choose a time ahead.',
  notAllowed: 'Only a publisher can schedule or remove scheduled publishing.',
  unsavedNotStored: 'Your changes could not be saved. Copy your text and try again.',
  unsavedLeave: 'There are changes that have not been saved.',
  stockholm: 'Stockholm',
}

export type Words = typeof sv
export const words = (language: string): Words => (language === 'en' ? en : sv)
