/** Every label and description exists in Swedish (the default) and English. */
export type Bilingual = { sv: string; en: string }

export const bi = (sv: string, en: string): Bilingual => ({ sv, en })

/** Select options with bilingual labels, from [value, sv, en] triples. */
export function bilingualOptions(options: readonly (readonly [string, string, string])[]) {
  return options.map(([value, sv, en]) => ({ value, label: bi(sv, en) }))
}
