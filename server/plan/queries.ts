import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import { cache } from "react";
import { getDb, type Db } from "@/db/client";
import {
  actionProjects,
  actions,
  actionThemes,
  contributions,
  councilMemberships,
  councils,
  meetingAgendaItems,
  meetings,
  planMilestones,
  plans,
  progressReports,
  themes,
  users,
} from "@/db/schema";
import type { ActionStatus } from "@/lib/labels";
import { averageProgress, countByStatus, type StatusCounts } from "@/lib/rollup";

/*
 * Public reads of the plan. Every function here returns only public fields, and each page's data
 * is loaded in a fixed number of queries whatever the number of rows (no query per item).
 * Functions take an optional `db` so integration tests can run them on their own database.
 */

export interface PlanInfo {
  title: string;
  cityName: string;
  periodStartYear: number;
  periodEndYear: number;
  summary: string;
  announcedActionCount: number | null;
  sourceTitle: string | null;
}

export interface ActionSummary {
  slug: string;
  title: string;
  status: ActionStatus | null;
  progress: number | null;
  timeframeLabel: string | null;
}

export interface ThemeSummary {
  number: number;
  slug: string;
  title: string;
  description: string | null;
  announcedActionCount: number | null;
  actions: ActionSummary[];
  progress: number | null;
  statusCounts: StatusCounts;
}

export interface Milestone {
  key: string;
  title: string;
  description: string | null;
  startsOn: string;
  endsOn: string | null;
  precision: "day" | "month" | "year";
}

export interface MeetingSummary {
  slug: string;
  title: string;
  startsAt: Date;
  place: string;
  isDemo: boolean;
  agenda: { position: number; label: string }[];
}

export interface PlanOverview {
  plan: PlanInfo;
  milestones: Milestone[];
  themes: ThemeSummary[];
  /** Distinct fiches (one fiche listed under two themes counts once). */
  actionCount: number;
  /** Entries as listed under the themes (a fiche under two themes counts twice). */
  listedEntryCount: number;
  statusCounts: StatusCounts;
  progress: number | null;
  nextMeeting: MeetingSummary | null;
}

const planColumns = {
  id: plans.id,
  title: plans.title,
  cityName: plans.cityName,
  periodStartYear: plans.periodStartYear,
  periodEndYear: plans.periodEndYear,
  summary: plans.summary,
  announcedActionCount: plans.announcedActionCount,
  sourceTitle: plans.sourceTitle,
};

const actionSummaryColumns = {
  id: actions.id,
  slug: actions.slug,
  title: actions.title,
  status: actions.status,
  progress: actions.progress,
  timeframeLabel: actions.timeframeLabel,
};

async function loadPlan(db: Db) {
  const [row] = await db.select(planColumns).from(plans).orderBy(asc(plans.id)).limit(1);
  if (!row) return null;
  const { id, ...plan } = row;
  return { id, plan: plan satisfies PlanInfo };
}

async function loadMilestones(db: Db, planId: number): Promise<Milestone[]> {
  return db
    .select({
      key: planMilestones.key,
      title: planMilestones.title,
      description: planMilestones.description,
      startsOn: planMilestones.startsOn,
      endsOn: planMilestones.endsOn,
      precision: planMilestones.precision,
    })
    .from(planMilestones)
    .where(eq(planMilestones.planId, planId))
    .orderBy(asc(planMilestones.position));
}

/** Themes with their fiches in source order: two queries for the whole plan. */
async function loadThemes(db: Db, planId: number, onlyThemeSlug?: string): Promise<ThemeSummary[]> {
  const themeRows = await db
    .select({
      id: themes.id,
      number: themes.number,
      slug: themes.slug,
      title: themes.title,
      description: themes.description,
      announcedActionCount: themes.announcedActionCount,
    })
    .from(themes)
    .where(onlyThemeSlug ? and(eq(themes.planId, planId), eq(themes.slug, onlyThemeSlug)) : eq(themes.planId, planId))
    .orderBy(asc(themes.number));
  if (themeRows.length === 0) return [];
  const links = await db
    .select({ themeId: actionThemes.themeId, ...actionSummaryColumns })
    .from(actionThemes)
    .innerJoin(actions, eq(actions.id, actionThemes.actionId))
    .where(inArray(actionThemes.themeId, themeRows.map((t) => t.id)))
    .orderBy(asc(actionThemes.position), asc(actions.id));
  return themeRows.map(({ id, ...theme }) => {
    const themeActions = links.filter((l) => l.themeId === id).map(toActionSummary);
    return {
      ...theme,
      actions: themeActions,
      progress: averageProgress(themeActions.map((a) => a.progress)),
      statusCounts: countByStatus(themeActions),
    };
  });
}

function toActionSummary(row: { slug: string; title: string; status: ActionStatus | null; progress: number | null; timeframeLabel: string | null }): ActionSummary {
  return { slug: row.slug, title: row.title, status: row.status, progress: row.progress, timeframeLabel: row.timeframeLabel };
}

async function loadNextMeeting(db: Db, planId: number, now: Date): Promise<MeetingSummary | null> {
  const [meeting] = await db
    .select({ id: meetings.id, slug: meetings.slug, title: meetings.title, startsAt: meetings.startsAt, place: meetings.place, isDemo: meetings.isDemo })
    .from(meetings)
    .where(and(eq(meetings.planId, planId), gte(meetings.startsAt, now)))
    .orderBy(asc(meetings.startsAt))
    .limit(1);
  if (!meeting) return null;
  const agenda = await db
    .select({ position: meetingAgendaItems.position, label: meetingAgendaItems.label })
    .from(meetingAgendaItems)
    .where(eq(meetingAgendaItems.meetingId, meeting.id))
    .orderBy(asc(meetingAgendaItems.position));
  const { id: _id, ...rest } = meeting;
  return { ...rest, agenda };
}

/** The home page: the plan at a glance. Six queries at most. */
export async function loadPlanOverview(db?: Db, now: Date = new Date()): Promise<PlanOverview | null> {
  const database = db ?? (await getDb());
  const loaded = await loadPlan(database);
  if (!loaded) return null;
  const [milestones, themeList, nextMeeting] = await Promise.all([
    loadMilestones(database, loaded.id),
    loadThemes(database, loaded.id),
    loadNextMeeting(database, loaded.id, now),
  ]);
  const distinct = new Map<string, ActionSummary>();
  for (const theme of themeList) for (const a of theme.actions) distinct.set(a.slug, a);
  return {
    plan: loaded.plan,
    milestones,
    themes: themeList,
    actionCount: distinct.size,
    listedEntryCount: themeList.reduce((n, t) => n + t.actions.length, 0),
    statusCounts: countByStatus([...distinct.values()]),
    progress: averageProgress(themeList.map((t) => t.progress)),
    nextMeeting,
  };
}

export interface ThemePage {
  plan: PlanInfo;
  theme: ThemeSummary;
  /** For each fiche of this theme that also belongs to other themes: those themes. */
  otherThemesByAction: Record<string, { number: number; slug: string; title: string }[]>;
}

/** A theme and its fiches. Four queries. */
export async function loadThemePage(slug: string, db?: Db): Promise<ThemePage | null> {
  const database = db ?? (await getDb());
  const loaded = await loadPlan(database);
  if (!loaded) return null;
  const [theme] = await loadThemes(database, loaded.id, slug);
  if (!theme) return null;
  const otherLinks =
    theme.actions.length === 0
      ? []
      : await database
          .select({ actionSlug: actions.slug, number: themes.number, slug: themes.slug, title: themes.title })
          .from(actionThemes)
          .innerJoin(actions, eq(actions.id, actionThemes.actionId))
          .innerJoin(themes, eq(themes.id, actionThemes.themeId))
          .where(and(inArray(actions.slug, theme.actions.map((a) => a.slug)), sql`${themes.slug} <> ${slug}`))
          .orderBy(asc(themes.number));
  const otherThemesByAction: ThemePage["otherThemesByAction"] = {};
  for (const { actionSlug, ...other } of otherLinks) (otherThemesByAction[actionSlug] ??= []).push(other);
  return { plan: loaded.plan, theme, otherThemesByAction };
}

export interface ProgressReportView {
  id: number;
  title: string;
  body: string;
  reportedOn: string | null;
  status: ActionStatus | null;
  progress: number | null;
  sourceLabel: string | null;
}

export interface ActionPage {
  plan: PlanInfo;
  action: ActionSummary & { description: string | null; sourceWording: string | null };
  themes: { number: number; slug: string; title: string }[];
  projects: { name: string; detail: string | null }[];
  /** Newest first; reports without a day keep their order of publication. */
  reports: ProgressReportView[];
  /** Published avis and propositions, newest first. */
  contributions: PublishedContribution[];
}

export interface PublishedContribution {
  id: number;
  kind: "feedback" | "proposal";
  position: "favorable" | "favorable_with_reservations" | "unfavorable" | null;
  title: string | null;
  body: string;
  councilName: string;
  /** The author's display name (they are told so on the form); null if the account was removed. */
  authorName: string | null;
  publishedAt: Date;
}

/**
 * The published contributions of one fiche, newest first. The one public read of contributions:
 * never returns draft, pending, rejected or hidden items. One query.
 */
export async function loadPublishedContributions(db: Db, actionId: number): Promise<PublishedContribution[]> {
  const rows = await db
    .select({
      id: contributions.id,
      kind: contributions.kind,
      position: contributions.position,
      title: contributions.title,
      body: contributions.body,
      councilName: councils.name,
      authorName: users.displayName,
      publishedAt: contributions.publishedAt,
    })
    .from(contributions)
    .innerJoin(councils, eq(councils.id, contributions.councilId))
    .leftJoin(users, eq(users.id, contributions.authorId))
    .where(and(eq(contributions.actionId, actionId), eq(contributions.status, "published")))
    .orderBy(desc(contributions.publishedAt), desc(contributions.id));
  return rows.map(({ publishedAt, ...r }) => ({ ...r, publishedAt: publishedAt ?? new Date(0) }));
}

/** A fiche action with its themes, named projects, progress reports and published contributions. Six queries. */
export async function loadActionPage(slug: string, db?: Db): Promise<ActionPage | null> {
  const database = db ?? (await getDb());
  const loaded = await loadPlan(database);
  if (!loaded) return null;
  const [action] = await database
    .select({ ...actionSummaryColumns, description: actions.description, sourceWording: actions.sourceWording })
    .from(actions)
    .where(and(eq(actions.planId, loaded.id), eq(actions.slug, slug)));
  if (!action) return null;
  const [themeRows, projects, reports, published] = await Promise.all([
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
      .select({
        id: progressReports.id,
        title: progressReports.title,
        body: progressReports.body,
        reportedOn: progressReports.reportedOn,
        status: progressReports.status,
        progress: progressReports.progress,
        sourceLabel: progressReports.sourceLabel,
      })
      .from(progressReports)
      .where(eq(progressReports.actionId, action.id))
      .orderBy(sql`${progressReports.reportedOn} desc nulls last`, desc(progressReports.createdAt), desc(progressReports.id)),
    loadPublishedContributions(database, action.id),
  ]);
  const { id: _id, ...publicAction } = action;
  return {
    plan: loaded.plan,
    action: { ...toActionSummary(publicAction), description: publicAction.description, sourceWording: publicAction.sourceWording },
    themes: themeRows,
    projects,
    reports,
    contributions: published,
  };
}

/** The démarche page. Two queries. */
export async function loadDemarchePage(db?: Db): Promise<{ plan: PlanInfo; milestones: Milestone[] } | null> {
  const database = db ?? (await getDb());
  const loaded = await loadPlan(database);
  if (!loaded) return null;
  return { plan: loaded.plan, milestones: await loadMilestones(database, loaded.id) };
}

export interface CouncilSummary {
  slug: string;
  number: number | null;
  name: string;
  area: string | null;
  description: string | null;
  isDemo: boolean;
}

/** Councils that are not archived, public fields only. One query. */
export async function loadCouncils(db?: Db): Promise<CouncilSummary[]> {
  const database = db ?? (await getDb());
  return database
    .select({
      slug: councils.slug,
      number: councils.number,
      name: councils.name,
      area: councils.area,
      description: councils.description,
      isDemo: councils.isDemo,
    })
    .from(councils)
    .where(isNull(councils.archivedAt))
    .orderBy(sql`${councils.number} asc nulls last`, asc(councils.name));
}

/*
 * Request-scoped memoised versions for pages: generateMetadata and the page share one load.
 */
export const getPlanOverview = cache(() => loadPlanOverview());
export const getThemePage = cache((slug: string) => loadThemePage(slug));
export const getActionPage = cache((slug: string) => loadActionPage(slug));
export const getDemarchePage = cache(() => loadDemarchePage());
export const getCouncils = cache(() => loadCouncils());
