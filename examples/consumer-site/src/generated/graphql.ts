/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type CommunicationAction_Audience =
  | 'internal'
  | 'public';

export type CommunicationAction_Channel =
  | 'externalSite'
  | 'intranetArticle'
  | 'newsArticle'
  | 'other'
  | 'pressRelease'
  | 'socialMedia';

export type Report_Audience =
  | 'internal'
  | 'public';

export type Report_Distribution =
  | 'intranet'
  | 'managers'
  | 'politicalLeadership'
  | 'publicWebsite';

export type Section_Kind =
  | 'about'
  | 'communicationSituation'
  | 'organisationComment'
  | 'other'
  | 'situationSummary';

export type LatestReportQueryVariables = Exact<{ [key: string]: never; }>;


export type LatestReportQuery = { Reports: { docs: Array<{ id: number, title: string | null, slug: string | null, subject: string | null, compiledAt: string | null, audience: Report_Audience | null, distribution: Array<Report_Distribution> | null, compiledBy: string | null, commissionedBy: string | null, sections: Array<{ id: number, title: string | null, kind: Section_Kind | null, body: unknown }> | null, communicationActions: Array<{ id: number, date: string | null, title: string | null, url: string | null, channel: CommunicationAction_Channel | null, audience: CommunicationAction_Audience | null, summary: string | null }> | null, spokespersons: Array<{ id: number, name: string | null, title: string | null, organisation: string | null, email: string | null, phone: string | null, active: boolean | null }> | null, collectedInformation: Array<{ label: string | null, url: string | null }> | null, edition: { number: number | null, publishedAt: string | null, sha256: string | null } | null }> } | null };

export type ReportBySlugQueryVariables = Exact<{
  slug: string;
}>;


export type ReportBySlugQuery = { Reports: { docs: Array<{ id: number, title: string | null, slug: string | null, subject: string | null, compiledAt: string | null, audience: Report_Audience | null, distribution: Array<Report_Distribution> | null, compiledBy: string | null, commissionedBy: string | null, sections: Array<{ id: number, title: string | null, kind: Section_Kind | null, body: unknown }> | null, communicationActions: Array<{ id: number, date: string | null, title: string | null, url: string | null, channel: CommunicationAction_Channel | null, audience: CommunicationAction_Audience | null, summary: string | null }> | null, spokespersons: Array<{ id: number, name: string | null, title: string | null, organisation: string | null, email: string | null, phone: string | null, active: boolean | null }> | null, collectedInformation: Array<{ label: string | null, url: string | null }> | null, edition: { number: number | null, publishedAt: string | null, sha256: string | null } | null }> } | null };

export type ReportChangesQueryVariables = Exact<{
  id: string | number;
}>;


export type ReportChangesQuery = { ReportChanges: unknown };

export type ReportListQueryVariables = Exact<{
  page?: number | null | undefined;
  limit?: number | null | undefined;
}>;


export type ReportListQuery = { Reports: { totalDocs: number, page: number, totalPages: number, hasNextPage: boolean, hasPrevPage: boolean, docs: Array<{ id: number, title: string | null, slug: string | null, subject: string | null, compiledAt: string | null, audience: Report_Audience | null }> } | null };
