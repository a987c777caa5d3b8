import { ReviewPanel as ReviewPanel_b4754b6b73392de12a889a26212fa1fa } from '../../../admin/review/ReviewPanel'
import { ReportDocument as ReportDocument_4ec8b63918cab2ecd856da7615b384cc } from '../../../admin/report-document/ReportDocument'
import { LinkRowLabel as LinkRowLabel_63d4995c9ff7960815eacbfc39411908 } from '../../../admin/fields/LinkRowLabel'
import { EditionsPanel as EditionsPanel_c14a7a2c047fcf719d3943cc9f889fad } from '../../../admin/editions/EditionsPanel'
import { DeliveriesPanel as DeliveriesPanel_34c61f987f5b7566173895bd52901788 } from '../../../admin/sending/DeliveriesPanel'
import { SaveOnExit as SaveOnExit_c4b8ad73fea356bab72f6988f3c32a12 } from '../../../admin/keep-edits/SaveOnExit'
import { ReportViewLinks as ReportViewLinks_b86a21e861a9927d6d10cb4bd7525119 } from '../../../admin/report-document/ReportViewLinks'
import { NextReportMenuItem as NextReportMenuItem_f9daef033264339d54c0bf0e0845b1e3 } from '../../../admin/editions/NextReportMenuItem'
import { SendTestMenuItem as SendTestMenuItem_5a8a6cc41d2d053638bf42f55efe191c } from '../../../admin/sending/SendTestMenuItem'
import { ReportPublishButton as ReportPublishButton_10bf5d346fec2216175f4b892d3d0515 } from '../../../admin/publishing/ReportPublishButton'
import { NewDocumentView as NewDocumentView_0e178d0f15996dc30e5dab81bac95def } from '../../../admin/new-document/NewDocumentView'
import { RepublishNotice as RepublishNotice_505036ffd8a6f472f1400a09003de49d } from '../../../admin/editions/RepublishNotice'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { FixedToolbarFeatureClient as FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UsedInReports as UsedInReports_5378c106db3798d88c1ec674fa48fba1 } from '../../../admin/fields/UsedInReports'
import { Icon as Icon_f1306b7f4e702a7de15080a9800f6496 } from '../../../admin/branding/Icon'
import { Logo as Logo_a41d5e6efd03cf45e56fd4cc78df7359 } from '../../../admin/branding/Logo'
import { Desk as Desk_a0d032022a7f539790a8506187a35120 } from '../../../admin/desk/Desk'
import { NavBrand as NavBrand_3975251db1b9ac9c6d2edd73ac81cb56 } from '../../../admin/branding/NavBrand'
import { RememberLanguage as RememberLanguage_a36cf4f1ec85aee890ab351a35b6be88 } from '../../../admin/language/RememberLanguage'
import { HardCodedEnglish as HardCodedEnglish_a1650a927627bc99877094afeaf67702 } from '../../../admin/language/HardCodedEnglish'
import { ComposedLabels as ComposedLabels_9b1691673e5f09dba5d2d0cd18d23d3c } from '../../../admin/language/ComposedLabels'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/admin/review/ReviewPanel#ReviewPanel": ReviewPanel_b4754b6b73392de12a889a26212fa1fa,
  "/admin/report-document/ReportDocument#ReportDocument": ReportDocument_4ec8b63918cab2ecd856da7615b384cc,
  "/admin/fields/LinkRowLabel#LinkRowLabel": LinkRowLabel_63d4995c9ff7960815eacbfc39411908,
  "/admin/editions/EditionsPanel#EditionsPanel": EditionsPanel_c14a7a2c047fcf719d3943cc9f889fad,
  "/admin/sending/DeliveriesPanel#DeliveriesPanel": DeliveriesPanel_34c61f987f5b7566173895bd52901788,
  "/admin/keep-edits/SaveOnExit#SaveOnExit": SaveOnExit_c4b8ad73fea356bab72f6988f3c32a12,
  "/admin/report-document/ReportViewLinks#ReportViewLinks": ReportViewLinks_b86a21e861a9927d6d10cb4bd7525119,
  "/admin/editions/NextReportMenuItem#NextReportMenuItem": NextReportMenuItem_f9daef033264339d54c0bf0e0845b1e3,
  "/admin/sending/SendTestMenuItem#SendTestMenuItem": SendTestMenuItem_5a8a6cc41d2d053638bf42f55efe191c,
  "/admin/publishing/ReportPublishButton#ReportPublishButton": ReportPublishButton_10bf5d346fec2216175f4b892d3d0515,
  "/admin/new-document/NewDocumentView#NewDocumentView": NewDocumentView_0e178d0f15996dc30e5dab81bac95def,
  "/admin/editions/RepublishNotice#RepublishNotice": RepublishNotice_505036ffd8a6f472f1400a09003de49d,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#FixedToolbarFeatureClient": FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/admin/fields/UsedInReports#UsedInReports": UsedInReports_5378c106db3798d88c1ec674fa48fba1,
  "/admin/branding/Icon#Icon": Icon_f1306b7f4e702a7de15080a9800f6496,
  "/admin/branding/Logo#Logo": Logo_a41d5e6efd03cf45e56fd4cc78df7359,
  "/admin/desk/Desk#Desk": Desk_a0d032022a7f539790a8506187a35120,
  "/admin/branding/NavBrand#NavBrand": NavBrand_3975251db1b9ac9c6d2edd73ac81cb56,
  "/admin/language/RememberLanguage#RememberLanguage": RememberLanguage_a36cf4f1ec85aee890ab351a35b6be88,
  "/admin/language/HardCodedEnglish#HardCodedEnglish": HardCodedEnglish_a1650a927627bc99877094afeaf67702,
  "/admin/language/ComposedLabels#ComposedLabels": ComposedLabels_9b1691673e5f09dba5d2d0cd18d23d3c,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
