import type { Payload } from 'payload'

/**
 * In production without SMTP_URL, mailings would only be written to the local capture file. That
 * is a configuration mistake, not a reason to refuse to serve reports: say so loudly at start-up.
 */
export async function warnIfMailGoesNowhere(payload: Payload, settings: { NODE_ENV: string; SMTP_URL?: string }): Promise<void> {
  if (settings.NODE_ENV !== 'production' || settings.SMTP_URL) return
  try {
    const { totalDocs } = await payload.count({ collection: 'distribution-lists', where: { active: { equals: true } }, overrideAccess: true })
    if (totalDocs === 0) return
    payload.logger.warn(
      `e-mail: SMTP_URL is not set, but ${totalDocs} active distribution list(s) exist: published editions will NOT be mailed to anyone, only written to the local capture file. Set SMTP_URL (and MAIL_FROM).`,
    )
  } catch (error) {
    payload.logger.warn({ err: error, msg: 'e-mail: SMTP_URL is not set; could not count distribution lists' })
  }
}
