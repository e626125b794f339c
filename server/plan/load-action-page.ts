import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { cache } from "react";
import { getDb, type Db } from "@/db/client";
import {
  actionDeadlineChanges,
  actionLinks,
  actionProjects,
  actionRevisions,
  actionThemes,
  progressReportRevisions,
  progressReports,
  themes,
} from "@/db/schema";
import type { AnswerStats } from "@/lib/answer-stats";
import type { ActionStatus } from "@/lib/labels";
import { deadlineChangeColumns, reportColumns, reportRevisionColumns } from "./columns";
import { findAction, type OfficialInCharge } from "./find-action";
import { loadPlan } from "./load-plan";
import { loadPublishedContributions, type PublishedContribution } from "./load-published-contributions";
import { loadFigures } from "./load-tallies";
import { toActionSummary } from "./to-action-summary";
import type { ActionSummary, DeadlineChangeView, PlanInfo, ReportRevisionView } from "./types";

/*
 * A fiche's page (loadActionPage), with its request-scoped cached version for the page
 * (getActionPage: generateMetadata and the page share one load).
 */

export interface ProgressReportView {
  id: number;
  title: string;
  body: string;
  reportedOn: string | null;
  status: ActionStatus | null;
  progress: number | null;
  sourceLabel: string | null;
  /** Set when corrected (within 24 hours of publication); the earlier versions stay public. */
  correctedAt: Date | null;
  revisions: ReportRevisionView[];
}

export interface ActionPage {
  plan: PlanInfo;
  action: ActionSummary & {
    description: string | null;
    sourceWording: string | null;
    /** The full text and « En bref, en mots simples », written by staff. */
    body: string | null;
    plainSummary: string | null;
    /** Set when archived: the page stays and says so; the public lists leave it out. */
    archivedAt: Date | null;
    officials: OfficialInCharge[];
  };
  themes: { number: number; slug: string; title: string }[];
  projects: { name: string; detail: string | null }[];
  links: { label: string; url: string }[];
  /** The texts it had before each edit by staff, newest first (« Modifiée le … »). */
  revisions: ActionRevisionView[];
  /** Newest first; reports without a day keep their order of publication. */
  reports: ProgressReportView[];
  /** Every change of the fiche's deadline, newest first, with its reason. */
  deadlineChanges: DeadlineChangeView[];
  /** The first page of the published avis and propositions, newest first. */
  contributions: PublishedContribution[];
  /** How many pages of contributions there are (the fiche shows the first one). */
  contributionPageCount: number;
  /** The City's answers to this fiche's published proposals. */
  answerStats: AnswerStats;
}

export interface ActionRevisionView {
  id: number;
  title: string;
  description: string | null;
  body: string | null;
  plainSummary: string | null;
  timeframeLabel: string | null;
  projects: { name: string; detail: string | null }[];
  links: { label: string; url: string }[];
  replacedAt: Date;
}

/**
 * A fiche action with its themes, named projects and links, progress reports, the first page of its
 * published contributions and the City's answers in figures, corrections of reports, changes of
 * deadline and its earlier texts. Thirteen queries (in one parallel batch after the fiche),
 * whatever the number of rows.
 */
export async function loadActionPage(slug: string, db?: Db, now: Date = new Date()): Promise<ActionPage | null> {
  const database = db ?? (await getDb());
  const action = await findAction(database, "public", slug);
  if (!action) return null;
  const loaded = await loadPlan(database, { id: action.planId });
  if (!loaded) return null;
  const [themeRows, projects, reports, published, { feedback, proposals, ...answerStats }, revisions, deadlineChanges, links, actionTexts] =
    await Promise.all([
      database
        .select({ number: themes.number, slug: themes.slug, title: themes.title })
        .from(actionThemes)
        .innerJoin(themes, eq(themes.id, actionThemes.themeId))
        .where(eq(actionThemes.actionId, action.id))
        .orderBy(asc(themes.number)),
      database
        .select({ name: actionProjects.name, detail: actionProjects.detail })
        .from(actionProjects)
        .where(eq(actionProjects.actionId, action.id))
        .orderBy(asc(actionProjects.position)),
      database
        .select(reportColumns)
        .from(progressReports)
        .where(eq(progressReports.actionId, action.id))
        .orderBy(sql`${progressReports.reportedOn} desc nulls last`, desc(progressReports.createdAt), desc(progressReports.id)),
      loadPublishedContributions(database, { actionId: action.id }),
      loadFigures(database, { actionId: action.id }, now),
      database
        .select(reportRevisionColumns)
        .from(progressReportRevisions)
        .innerJoin(progressReports, eq(progressReports.id, progressReportRevisions.reportId))
        .where(eq(progressReports.actionId, action.id))
        .orderBy(desc(progressReportRevisions.replacedAt), desc(progressReportRevisions.id)),
      database
        .select(deadlineChangeColumns)
        .from(actionDeadlineChanges)
        .where(eq(actionDeadlineChanges.actionId, action.id))
        .orderBy(desc(actionDeadlineChanges.createdAt), desc(actionDeadlineChanges.id)),
      database
        .select({ label: actionLinks.label, url: actionLinks.url })
        .from(actionLinks)
        .where(eq(actionLinks.actionId, action.id))
        .orderBy(asc(actionLinks.position)),
      database
        .select({
          id: actionRevisions.id,
          title: actionRevisions.title,
          description: actionRevisions.description,
          body: actionRevisions.body,
          plainSummary: actionRevisions.plainSummary,
          timeframeLabel: actionRevisions.timeframeLabel,
          projects: actionRevisions.projects,
          links: actionRevisions.links,
          replacedAt: actionRevisions.replacedAt,
        })
        .from(actionRevisions)
        .where(eq(actionRevisions.actionId, action.id))
        .orderBy(desc(actionRevisions.replacedAt), desc(actionRevisions.id)),
    ]);
  const { id: _id, ...publicAction } = action;
  return {
    plan: loaded.plan,
    action: {
      ...toActionSummary(publicAction, { feedback, proposals }),
      description: publicAction.description,
      sourceWording: publicAction.sourceWording,
      body: publicAction.body,
      plainSummary: publicAction.plainSummary,
      archivedAt: publicAction.archivedAt,
      officials: publicAction.officials,
    },
    themes: themeRows,
    projects,
    links,
    revisions: actionTexts,
    reports: reports.map((r) => ({ ...r, revisions: revisions.filter((v) => v.reportId === r.id).map(({ reportId: _r, ...v }) => v) })),
    deadlineChanges,
    contributions: published.items,
    contributionPageCount: published.pageCount,
    answerStats,
  };
}

export const getActionPage = cache((slug: string) => loadActionPage(slug));
