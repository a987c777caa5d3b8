'use client'
/**
 * A Lexical plugin for every rich-text field: registers its editor for SaveOnExit (open-editors)
 * and, when the editor loses focus, puts its state into the form at once. Clicking "Spara utkast"
 * blurs the editor first, so the save carries the last keystroke; without this, Payload's idle
 * callback delivered it during the save, and the form then counted it as saved (data loss).
 */
import { useLexicalComposerContext } from '@payloadcms/richtext-lexical/lexical/react/LexicalComposerContext'
import { createClientFeature, useEditorConfigContext } from '@payloadcms/richtext-lexical/client'
import { BLUR_COMMAND, COMMAND_PRIORITY_LOW } from '@payloadcms/richtext-lexical/lexical'
import { useDocumentForm, useForm } from '@payloadcms/ui'
import { useEffect } from 'react'

import { trackEditor } from './open-editors'

function KeepEditsPlugin() {
  const [editor] = useLexicalComposerContext()
  const { fieldProps } = useEditorConfigContext()
  const nearestForm = useForm()
  const form = useDocumentForm() ?? nearestForm
  const path = fieldProps.path

  useEffect(() => {
    const read = () => editor.getEditorState().toJSON()
    trackEditor(form, path, read)
    const unregisterBlur = editor.registerCommand(
      BLUR_COMMAND,
      () => {
        const latest = read()
        if (JSON.stringify(form.getDataByPath(path)) !== JSON.stringify(latest)) {
          form.dispatchFields({ type: 'UPDATE', path, value: latest })
          form.setModified(true)
        }
        return false // let Lexical's own blur handling run too
      },
      COMMAND_PRIORITY_LOW,
    )
    return unregisterBlur
  }, [editor, form, path])
  return null
}

export const KeepEditsFeatureClient = createClientFeature({ plugins: [{ Component: KeepEditsPlugin, position: 'normal' }] })
