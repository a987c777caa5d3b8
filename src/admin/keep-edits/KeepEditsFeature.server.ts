import { createServerFeature } from '@payloadcms/richtext-lexical'

/** Server half of KeepEditsFeature.client.tsx: adds the plugin to an editor's features. */
export const KeepEditsFeature = createServerFeature({
  feature: { ClientFeature: '/admin/keep-edits/KeepEditsFeature.client#KeepEditsFeatureClient' },
  key: 'keepEdits',
})
