/**
 * Texts Payload composes from our labels, put right (ComposedLabels.tsx applies them in the page).
 */

/**
 * The list's search placeholder: Payload writes each searchable field's label as it is, capital
 * and all, and joins the last with its capitalised "Eller": "Sök efter Rubrik Eller Länk (URL)".
 * A phrase reads "Sök efter rubrik eller länk (URL)": after `prefix` ("Sök efter "), a capital that
 * starts a word of lower-case letters ("Rubrik", "E-post") becomes lower case; abbreviations (URL, ID) stay.
 */
export function searchPlaceholder(placeholder: string, prefix: string, language: string): string {
  if (!placeholder.startsWith(prefix)) return placeholder
  return prefix + inPhrase(placeholder.slice(prefix.length), language)
}

/** Labels as words inside a phrase: "Länk (URL)" → "länk (URL)", "E-post" → "e-post", "ID" stays. */
export function inPhrase(labels: string, language: string): string {
  return labels.replace(/(^|[\s,(/-])(\p{Lu})(?=-?\p{Ll})/gu, (_, before: string, capital: string) => before + capital.toLocaleLowerCase(language))
}

/** The dashboard cards' "+" links to /collections/<slug>/create: Payload labels them "Skapa ny [object Object]" for a bilingual collection label. */
export function createLinkSlug(href: string | null): string | undefined {
  return href ? /\/collections\/([^/?#]+)\/create$/.exec(href)?.[1] : undefined
}
