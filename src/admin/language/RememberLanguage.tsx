'use client'
/**
 * Keeps the language a user picks in the account view (Payload's selector sets only a cookie in
 * this browser) in their preferences, so that signing in anywhere gives them the same admin: the
 * sign-in answer puts their language in the cookie (collections/Users/language.ts), and as the
 * admin moves on from the login page without reloading its frame, this redraws it in that language.
 * A change of language while the same user stays signed in is their choice, and is kept.
 */
import { useAuth, usePreferences, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { type ReactNode, useEffect, useRef } from 'react'

import { isAdminLanguage, LANGUAGE_PREFERENCE, languageFromCookies } from './admin-language'

export function RememberLanguage({ children }: { children?: ReactNode }) {
  const { i18n } = useTranslation()
  const { user } = useAuth()
  const { setPreference } = usePreferences()
  const router = useRouter()
  const seen = useRef({ language: i18n.language, userId: user?.id })

  useEffect(() => {
    const previous = seen.current
    seen.current = { language: i18n.language, userId: user?.id }
    if (user?.id === undefined) return
    if (user.id !== previous.userId) {
      // Just signed in: the cookie holds this user's language; the frame may still be in the last one's.
      if (languageFromCookies(document.cookie) !== i18n.language) router.refresh()
      return
    }
    if (i18n.language !== previous.language && isAdminLanguage(i18n.language)) void setPreference(LANGUAGE_PREFERENCE, i18n.language)
  }, [i18n.language, user?.id, setPreference, router])

  return <>{children}</>
}
