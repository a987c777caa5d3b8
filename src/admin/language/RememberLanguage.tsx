'use client'
/**
 * Keeps the language a user picks in the account view (Payload's selector sets only a cookie in
 * this browser) in their preferences, so signing in anywhere gives them the same admin
 * (collections/Users/language.ts). A change of language while the same user stays signed in is
 * their choice; a change that comes with signing in is the stored choice coming back.
 */
import { useAuth, usePreferences, useTranslation } from '@payloadcms/ui'
import { type ReactNode, useEffect, useRef } from 'react'

import { isAdminLanguage, LANGUAGE_PREFERENCE } from './admin-language'

export function RememberLanguage({ children }: { children?: ReactNode }) {
  const { i18n } = useTranslation()
  const { user } = useAuth()
  const { setPreference } = usePreferences()
  const seen = useRef({ language: i18n.language, userId: user?.id })

  useEffect(() => {
    const previous = seen.current
    seen.current = { language: i18n.language, userId: user?.id }
    const chosenNow = user?.id !== undefined && user.id === previous.userId && i18n.language !== previous.language
    if (chosenNow && isAdminLanguage(i18n.language)) void setPreference(LANGUAGE_PREFERENCE, i18n.language)
  }, [i18n.language, user?.id, setPreference])

  return <>{children}</>
}
