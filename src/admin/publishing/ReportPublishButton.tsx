'use client'
/**
 * The report's Publish button: Payload's publish (the same submit, the same document state
 * afterwards), after the publisher has seen which parts go with the report (PublishParts), with
 * our scheduling drawer in its menu instead of Payload's (see ScheduleDrawer). Shown only to
 * those who may publish; Payload decides that from the collection's access.
 */
import { FormSubmit, PopupList, useConfig, useDocumentInfo, useDocumentTitle, useForm, useFormModified, useModal, useTranslation } from '@payloadcms/ui'
import React, { useCallback } from 'react'

import { PublishParts } from './PublishParts'
import { ScheduleDrawer } from './ScheduleDrawer'

export function ReportPublishButton() {
  const {
    id,
    collectionSlug,
    hasPublishedDoc,
    hasPublishPermission,
    setHasPublishedDoc,
    setMostRecentVersionIsAutosaved,
    setUnpublishedVersionCount,
    unpublishedVersionCount,
  } = useDocumentInfo()
  const { config } = useConfig()
  const { title } = useDocumentTitle()
  const { submit } = useForm()
  const modified = useFormModified()
  const { t } = useTranslation()
  const { closeModal, isModalOpen, openModal } = useModal()
  const drawerSlug = `schedule-publishing-${id}`
  const partsSlug = `publish-parts-${id}`

  const publish = useCallback(async () => {
    const result = await submit({ action: `${config.routes.api}/${collectionSlug}/${id}?depth=0`, overrides: { _status: 'published' } })
    if (result) {
      setUnpublishedVersionCount(0)
      setMostRecentVersionIsAutosaved(false)
      setHasPublishedDoc(true)
    }
  }, [collectionSlug, config.routes.api, id, setHasPublishedDoc, setMostRecentVersionIsAutosaved, setUnpublishedVersionCount, submit])

  if (!hasPublishPermission || !collectionSlug) return null
  const canPublish = modified || unpublishedVersionCount > 0 || !hasPublishedDoc
  const canSchedule = id !== undefined && id !== null
  return (
    <>
      <FormSubmit
        buttonId="action-save"
        disabled={!canPublish}
        enableSubMenu={canSchedule}
        // A new report (no id yet) has no parts to show; otherwise the publisher confirms what goes with it.
        onClick={() => (canSchedule ? openModal(partsSlug) : void publish())}
        size="medium"
        SubMenuPopupContent={
          canSchedule
            ? ({ close }) => (
                <PopupList.ButtonGroup>
                  <PopupList.Button id="schedule-publish" onClick={() => [openModal(drawerSlug), close()]}>
                    {t('version:schedulePublish')}
                  </PopupList.Button>
                </PopupList.ButtonGroup>
              )
            : undefined
        }
        type="button"
      >
        {t('version:publishChanges')}
      </FormSubmit>
      {canSchedule && isModalOpen(partsSlug) && (
        <PublishParts
          id={id}
          onCancel={() => closeModal(partsSlug)}
          onConfirm={() => {
            closeModal(partsSlug)
            void publish()
          }}
          slug={partsSlug}
        />
      )}
      {canSchedule && isModalOpen(drawerSlug) && (
        <ScheduleDrawer
          collection={collectionSlug}
          defaultType={hasPublishedDoc && unpublishedVersionCount === 0 ? 'unpublish' : 'publish'}
          id={id}
          slug={drawerSlug}
          title={title}
        />
      )}
    </>
  )
}
