import "server-only";
import { actionDeadlineChanges, actions, plans, progressReportRevisions, progressReports, themes } from "@/db/schema";

/*
 * The column sets shared by the loaders of server/plan/ and by the staff's progress pages
 * (server/progress/), the open data (server/open-data/) and the feeds (server/feeds/): the public
 * fields of a plan, of a fiche's summary, of a point d'étape, of a deadline change and of a
 * report's earlier version, written once.
 */

export const planColumns = {
  id: plans.id,
  slug: plans.slug,
  state: plans.state,
  closedAt: plans.closedAt,
  title: plans.title,
  cityName: plans.cityName,
  periodStartYear: plans.periodStartYear,
  periodEndYear: plans.periodEndYear,
  summary: plans.summary,
  announcedActionCount: plans.announcedActionCount,
  sourceTitle: plans.sourceTitle,
  demarche: plans.demarche,
};

/** A theme's public fields: the pages and the open data. */
export const themeColumns = {
  number: themes.number,
  slug: themes.slug,
  title: themes.title,
  description: themes.description,
  announcedActionCount: themes.announcedActionCount,
  archivedAt: themes.archivedAt,
};

/** A point d'étape's public fields: a fiche's page, the feeds and the open data. Its author is not one. */
export const reportColumns = {
  id: progressReports.id,
  title: progressReports.title,
  body: progressReports.body,
  reportedOn: progressReports.reportedOn,
  status: progressReports.status,
  progress: progressReports.progress,
  sourceLabel: progressReports.sourceLabel,
  correctedAt: progressReports.correctedAt,
};

/** The public columns of a deadline change and of a report's earlier version (staff pages use them too). */
export const deadlineChangeColumns = {
  id: actionDeadlineChanges.id,
  previousLabel: actionDeadlineChanges.previousLabel,
  previousDeadline: actionDeadlineChanges.previousDeadline,
  newLabel: actionDeadlineChanges.newLabel,
  newDeadline: actionDeadlineChanges.newDeadline,
  reason: actionDeadlineChanges.reason,
  createdAt: actionDeadlineChanges.createdAt,
};

export const reportRevisionColumns = {
  id: progressReportRevisions.id,
  reportId: progressReportRevisions.reportId,
  title: progressReportRevisions.title,
  body: progressReportRevisions.body,
  reportedOn: progressReportRevisions.reportedOn,
  status: progressReportRevisions.status,
  progress: progressReportRevisions.progress,
  replacedAt: progressReportRevisions.replacedAt,
};

/** A fiche's columns for summaries, with those of its deadline (lib/deadlines.ts). */
export const actionSummaryColumns = {
  id: actions.id,
  slug: actions.slug,
  title: actions.title,
  status: actions.status,
  progress: actions.progress,
  timeframeLabel: actions.timeframeLabel,
  timeframeEndYear: actions.timeframeEndYear,
  currentTimeframeLabel: actions.currentTimeframeLabel,
  deadline: actions.deadline,
};
