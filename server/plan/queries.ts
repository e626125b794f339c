import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { cache } from "react";
import { getDb, type Db } from "@/db/client";
import {
  actionDeadlineChanges,
  actionProjects,
  actions,
  actionThemes,
  contributionAnswers,
  contributions,
  contributionSupports,
  councils,
  meetingAgendaItems,
  meetings,
  planMilestones,
  plans,
  progressReportRevisions,
  progressReports,
  themes,
  users,
} from "@/db/schema";
import { cityDay } from "@/lib/dates";
import { deadlineView, isWithinMonths, type DeadlineFields, type DeadlineView } from "@/lib/deadlines";
import { answerStatsOf, emptyAnswerStats, type AnswerStats, type AnswerTally } from "@/lib/answer-stats";
import type { ActionStatus } from "@/lib/labels";
import { averageProgress, countByStatus, type StatusCounts } from "@/lib/rollup";
import type { AnswerState } from "@/lib/validation/answer";
import { answerDueAtSql, at, firstAnswerDelayDaysSql } from "@/server/answers/due-date";

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
  /** Original and current deadline, and « en retard » (past the current one and not done). */
  deadline: DeadlineView;
  /** Published avis and propositions of the fiche (never pending, rejected, hidden or drafts). */
  contributionCounts: ContributionCounts;
}

export interface ContributionCounts {
  feedback: number;
  proposals: number;
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
  /** Published avis and propositions of the whole plan. */
  contributionCounts: ContributionCounts;
  /** The City's answers to the plan's published proposals. */
  answerStats: AnswerStats;
  /** Fiches whose current deadline falls in the next six months, soonest first. */
  upcomingDeadlines: ActionSummary[];
  /** Fiches past their current deadline and not done, soonest deadline first. */
  lateActions: ActionSummary[];
}

/** How far ahead the home page lists deadlines. */
export const UPCOMING_DEADLINE_MONTHS = 6;

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
async function loadThemes(db: Db, planId: number, tallies: Promise<Tallies>, onlyThemeSlug?: string): Promise<ThemeSummary[]> {
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
  const counts = await tallies;
  return themeRows.map(({ id, ...theme }) => {
    const themeActions = links.filter((l) => l.themeId === id).map((l) => toActionSummary(l, counts.get(l.id)));
    return {
      ...theme,
      actions: themeActions,
      progress: averageProgress(themeActions.map((a) => a.progress)),
      statusCounts: countByStatus(themeActions),
    };
  });
}

function toActionSummary(
  row: { slug: string; title: string; status: ActionStatus | null; progress: number | null } & Omit<DeadlineFields, "status">,
  tally: ContributionTally | undefined,
): ActionSummary {
  return {
    slug: row.slug,
    title: row.title,
    status: row.status,
    progress: row.progress,
    timeframeLabel: row.timeframeLabel,
    // The City's calendar day: pages are re-rendered at least hourly, so « en retard » follows.
    deadline: deadlineView(row, cityDay(new Date())),
    contributionCounts: { feedback: tally?.feedback ?? 0, proposals: tally?.proposals ?? 0 },
  };
}

/*
 * Published contributions in figures, per fiche: avis and propositions, and the City's answers
 * (answered / waiting / late, delays). One query for the whole plan, whatever the number of rows.
 * `status = 'published'` is the only filter that makes a contribution public.
 */
interface ContributionTally extends AnswerTally {
  feedback: number;
  proposals: number;
}
type Tallies = Map<number, ContributionTally>;

async function loadTallies(db: Db, planId: number, now: Date, onlyActionId?: number): Promise<Tallies> {
  const proposal = sql`${contributions.kind} = 'proposal'`;
  const unanswered = sql`${proposal} and ${contributions.firstAnsweredAt} is null`;
  const rows = await db
    .select({
      actionId: contributions.actionId,
      feedback: sql<number>`(count(*) filter (where ${contributions.kind} = 'feedback'))::int`,
      proposals: sql<number>`(count(*) filter (where ${proposal}))::int`,
      answered: sql<number>`(count(*) filter (where ${proposal} and ${contributions.firstAnsweredAt} is not null))::int`,
      waiting: sql<number>`(count(*) filter (where ${unanswered} and ${answerDueAtSql} >= ${at(now)}))::int`,
      late: sql<number>`(count(*) filter (where ${unanswered} and ${answerDueAtSql} < ${at(now)}))::int`,
      delays: sql<(number | string)[] | null>`array_agg(${firstAnswerDelayDaysSql}) filter (where ${proposal} and ${contributions.firstAnsweredAt} is not null)`,
    })
    .from(contributions)
    .innerJoin(actions, eq(actions.id, contributions.actionId))
    .where(
      and(
        eq(contributions.status, "published"),
        eq(actions.planId, planId),
        onlyActionId === undefined ? undefined : eq(contributions.actionId, onlyActionId),
      ),
    )
    .groupBy(contributions.actionId);
  return new Map(
    rows.map(({ actionId, delays, ...r }) => [
      actionId,
      { feedback: Number(r.feedback), proposals: Number(r.proposals), answered: Number(r.answered), waiting: Number(r.waiting), late: Number(r.late), delays: (delays ?? []).map(Number) },
    ]),
  );
}

function countsOf(tallies: Iterable<ContributionTally>): ContributionCounts {
  const total = { feedback: 0, proposals: 0 };
  for (const t of tallies) {
    total.feedback += t.feedback;
    total.proposals += t.proposals;
  }
  return total;
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

/** The home page: the plan at a glance. Seven queries at most. */
export async function loadPlanOverview(db?: Db, now: Date = new Date()): Promise<PlanOverview | null> {
  const database = db ?? (await getDb());
  const loaded = await loadPlan(database);
  if (!loaded) return null;
  const tallies = loadTallies(database, loaded.id, now);
  const [milestones, themeList, nextMeeting, counts] = await Promise.all([
    loadMilestones(database, loaded.id),
    loadThemes(database, loaded.id, tallies),
    loadNextMeeting(database, loaded.id, now),
    tallies,
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
    contributionCounts: countsOf(counts.values()),
    answerStats: answerStatsOf(counts.values()),
    upcomingDeadlines: [...distinct.values()]
      .filter((a) => isWithinMonths(a.deadline.currentDeadline, cityDay(now), UPCOMING_DEADLINE_MONTHS) && a.status !== "done")
      .sort((a, b) => a.deadline.currentDeadline!.localeCompare(b.deadline.currentDeadline!)),
    lateActions: [...distinct.values()]
      .filter((a) => a.deadline.late)
      .sort((a, b) => (a.deadline.currentDeadline ?? "").localeCompare(b.deadline.currentDeadline ?? "")),
  };
}

export interface ThemePage {
  plan: PlanInfo;
  theme: ThemeSummary;
  /** For each fiche of this theme that also belongs to other themes: those themes. */
  otherThemesByAction: Record<string, { number: number; slug: string; title: string }[]>;
}

/** A theme and its fiches (with their published avis and propositions counted). Five queries. */
export async function loadThemePage(slug: string, db?: Db, now: Date = new Date()): Promise<ThemePage | null> {
  const database = db ?? (await getDb());
  const loaded = await loadPlan(database);
  if (!loaded) return null;
  const tallies = loadTallies(database, loaded.id, now);
  const [[theme]] = await Promise.all([loadThemes(database, loaded.id, tallies, slug), tallies]);
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

/** An earlier version of a corrected progress report. */
export interface ReportRevisionView {
  id: number;
  title: string;
  body: string;
  reportedOn: string | null;
  status: ActionStatus | null;
  progress: number | null;
  replacedAt: Date;
}

/** A change of a fiche's deadline, with its reason (public). */
export interface DeadlineChangeView {
  id: number;
  previousLabel: string | null;
  previousDeadline: string | null;
  newLabel: string;
  newDeadline: string;
  reason: string;
  createdAt: Date;
}

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
  action: ActionSummary & { description: string | null; sourceWording: string | null };
  themes: { number: number; slug: string; title: string }[];
  projects: { name: string; detail: string | null }[];
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

/** One answer of the City, as the public reads it: the signature was copied when it was written. */
export interface AnswerView {
  id: number;
  state: AnswerState;
  body: string;
  signatureName: string;
  signatureTitle: string | null;
  createdAt: Date;
}

export interface PublishedContribution {
  id: number;
  kind: "feedback" | "proposal";
  position: "favorable" | "favorable_with_reservations" | "unfavorable" | null;
  title: string | null;
  body: string;
  councilName: string;
  /** The council's public page; null when the council is archived (its page is gone). */
  councilSlug: string | null;
  actionSlug: string;
  actionTitle: string;
  /** The author's display name (they are told so on the form); null if the account was removed. */
  authorName: string | null;
  publishedAt: Date;
  /** Demo data written by the development seed (shown with a marker). */
  isDemo: boolean;
  /** Proposals: the City's answers, oldest first (the last one is the current state). */
  answers: AnswerView[];
  /** Proposals: the councils that support it, in the order they did. */
  supporters: { name: string; slug: string | null }[];
}

/** The City's answers matching `where` (of one proposal, of a page of them), oldest first. One query. */
export function selectAnswers(db: Db, where: SQL): Promise<(AnswerView & { contributionId: number })[]> {
  return db
    .select({
      contributionId: contributionAnswers.contributionId,
      id: contributionAnswers.id,
      state: contributionAnswers.state,
      body: contributionAnswers.body,
      signatureName: contributionAnswers.signatureName,
      signatureTitle: contributionAnswers.signatureTitle,
      createdAt: contributionAnswers.createdAt,
    })
    .from(contributionAnswers)
    .where(where)
    .orderBy(asc(contributionAnswers.createdAt), asc(contributionAnswers.id));
}

export const CONTRIBUTIONS_PER_PAGE = 10;

export interface ContributionList {
  items: PublishedContribution[];
  page: number;
  pageCount: number;
  total: number;
}

type ContributionScope = { actionId: number } | { councilId: number };

const pageCountOf = (total: number) => Math.max(1, Math.ceil(total / CONTRIBUTIONS_PER_PAGE));

/**
 * One page of published contributions (of a fiche or of a council), newest first, with their
 * answers and supporting councils. The one public read of contributions: `status = 'published'`
 * is written here once, so draft, pending, rejected and hidden items never come out (nor their
 * answers or supports). Three queries, whatever the number of items.
 */
export async function loadPublishedContributions(db: Db, scope: ContributionScope, page = 1): Promise<ContributionList> {
  const where: SQL = and(
    eq(contributions.status, "published"),
    "actionId" in scope ? eq(contributions.actionId, scope.actionId) : eq(contributions.councilId, scope.councilId),
  )!;
  const order = [desc(contributions.publishedAt), desc(contributions.id)];
  const offset = (page - 1) * CONTRIBUTIONS_PER_PAGE;
  const pageIds = db.select({ id: contributions.id }).from(contributions).where(where).orderBy(...order).limit(CONTRIBUTIONS_PER_PAGE).offset(offset);
  const [rows, answers, supports] = await Promise.all([
    db
      .select({
        id: contributions.id,
        kind: contributions.kind,
        position: contributions.position,
        title: contributions.title,
        body: contributions.body,
        councilName: councils.name,
        councilSlug: sql<string | null>`case when ${councils.archivedAt} is null then ${councils.slug} end`,
        actionSlug: actions.slug,
        actionTitle: actions.title,
        authorName: users.displayName,
        publishedAt: contributions.publishedAt,
        isDemo: contributions.isDemo,
        total: sql<number>`(count(*) over ())::int`,
      })
      .from(contributions)
      .innerJoin(councils, eq(councils.id, contributions.councilId))
      .innerJoin(actions, eq(actions.id, contributions.actionId))
      .leftJoin(users, eq(users.id, contributions.authorId))
      .where(where)
      .orderBy(...order)
      .limit(CONTRIBUTIONS_PER_PAGE)
      .offset(offset),
    selectAnswers(db, inArray(contributionAnswers.contributionId, pageIds)),
    db
      .select({
        contributionId: contributionSupports.contributionId,
        name: councils.name,
        slug: sql<string | null>`case when ${councils.archivedAt} is null then ${councils.slug} end`,
      })
      .from(contributionSupports)
      .innerJoin(councils, eq(councils.id, contributionSupports.councilId))
      .where(inArray(contributionSupports.contributionId, pageIds))
      .orderBy(asc(contributionSupports.createdAt), asc(councils.name)),
  ]);
  const total = rows[0] ? Number(rows[0].total) : 0;
  const items = rows.map(({ total: _total, publishedAt, ...r }) => ({
    ...r,
    publishedAt: publishedAt ?? new Date(0),
    answers: answers.filter((a) => a.contributionId === r.id).map(({ contributionId: _c, ...a }) => a),
    supporters: supports.filter((s) => s.contributionId === r.id).map(({ contributionId: _c, ...s }) => s),
  }));
  return { items, page, pageCount: pageCountOf(total), total };
}

async function findAction(db: Db, planId: number, slug: string) {
  const [action] = await db
    .select({ ...actionSummaryColumns, description: actions.description, sourceWording: actions.sourceWording })
    .from(actions)
    .where(and(eq(actions.planId, planId), eq(actions.slug, slug)));
  return action;
}

/**
 * A fiche action with its themes, named projects, progress reports, the first page of its
 * published contributions and the City's answers in figures, corrections of reports and changes of
 * deadline. Eleven queries (in one parallel batch after the fiche), whatever the number of rows.
 */
export async function loadActionPage(slug: string, db?: Db, now: Date = new Date()): Promise<ActionPage | null> {
  const database = db ?? (await getDb());
  const loaded = await loadPlan(database);
  if (!loaded) return null;
  const action = await findAction(database, loaded.id, slug);
  if (!action) return null;
  const [themeRows, projects, reports, published, tallies, revisions, deadlineChanges] = await Promise.all([
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
        correctedAt: progressReports.correctedAt,
      })
      .from(progressReports)
      .where(eq(progressReports.actionId, action.id))
      .orderBy(sql`${progressReports.reportedOn} desc nulls last`, desc(progressReports.createdAt), desc(progressReports.id)),
    loadPublishedContributions(database, { actionId: action.id }),
    loadTallies(database, loaded.id, now, action.id),
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
  ]);
  const { id: _id, ...publicAction } = action;
  const tally = tallies.get(action.id);
  return {
    plan: loaded.plan,
    action: { ...toActionSummary(publicAction, tally), description: publicAction.description, sourceWording: publicAction.sourceWording },
    themes: themeRows,
    projects,
    reports: reports.map((r) => ({ ...r, revisions: revisions.filter((v) => v.reportId === r.id).map(({ reportId: _r, ...v }) => v) })),
    deadlineChanges,
    contributions: published.items,
    contributionPageCount: published.pageCount,
    answerStats: tally ? answerStatsOf([tally]) : emptyAnswerStats,
  };
}

export interface ActionContributionsPage {
  action: { slug: string; title: string };
  contributions: ContributionList;
}

/**
 * Page `page` (from 1) of a fiche's published contributions; null for an unknown fiche or a page
 * past the last one. Five queries.
 */
export async function loadActionContributionsPage(slug: string, page: number, db?: Db): Promise<ActionContributionsPage | null> {
  if (!Number.isInteger(page) || page < 1) return null;
  const database = db ?? (await getDb());
  const loaded = await loadPlan(database);
  if (!loaded) return null;
  const action = await findAction(database, loaded.id, slug);
  if (!action) return null;
  const list = await loadPublishedContributions(database, { actionId: action.id }, page);
  if (list.items.length === 0 && page > 1) return null;
  return { action: { slug: action.slug, title: action.title }, contributions: list };
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
export const getActionContributionsPage = cache((slug: string, page: number) => loadActionContributionsPage(slug, page));
export const getDemarchePage = cache(() => loadDemarchePage());
export const getCouncils = cache(() => loadCouncils());
