import "server-only";
import { and, asc, eq, gte } from "drizzle-orm";
import { cache } from "react";
import { getDb, type Db } from "@/db/client";
import { meetingAgendaItems, meetings } from "@/db/schema";
import type { AnswerStats } from "@/lib/answer-stats";
import { cityDay } from "@/lib/dates";
import { isWithinMonths } from "@/lib/deadlines";
import { averageProgress, countByStatus, coverageOf, type Coverage, type StatusCounts } from "@/lib/rollup";
import { loadMilestones } from "./load-milestones";
import { loadPlan, type PlanSelector } from "./load-plan";
import { loadFigures, loadTallies } from "./load-tallies";
import { loadThemes } from "./load-themes";
import type { ActionSummary, ContributionCounts, Milestone, PlanInfo, ThemeSummary } from "./types";

/*
 * The home page's data (loadPlanOverview), with its request-scoped cached version for the page
 * (getPlanOverview: generateMetadata and the page share one load). The next meeting and the
 * plan-wide figures are read only here, so their helpers stay in this file.
 */

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
  progressCoverage: Coverage;
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

async function loadNextMeeting(db: Db, planId: number, now: Date): Promise<MeetingSummary | null> {
  const [meeting] = await db
    .select({
      id: meetings.id,
      slug: meetings.slug,
      title: meetings.title,
      startsAt: meetings.startsAt,
      place: meetings.place,
      isDemo: meetings.isDemo,
    })
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

/**
 * The home page: the plan at a glance. Eight queries at most. `which`: the current plan (the home
 * page), an earlier one by its slug (/plans/<slug>), or a draft by id (staff's preview).
 */
export async function loadPlanOverview(db?: Db, now: Date = new Date(), which: PlanSelector = "current"): Promise<PlanOverview | null> {
  const database = db ?? (await getDb());
  const loaded = await loadPlan(database, which);
  if (!loaded) return null;
  const tallies = loadTallies(database, loaded.id);
  const [milestones, themeList, nextMeeting, { feedback, proposals, ...answerStats }] = await Promise.all([
    loadMilestones(database, loaded.id),
    loadThemes(database, loaded.id, tallies),
    loadNextMeeting(database, loaded.id, now),
    loadFigures(database, { planId: loaded.id }, now),
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
    // Coverage over distinct fiches: a fiche under two themes is one fiche of the plan.
    progressCoverage: coverageOf([...distinct.values()].map((a) => a.progress)),
    nextMeeting,
    contributionCounts: { feedback, proposals },
    answerStats,
    upcomingDeadlines: [...distinct.values()]
      .filter((a) => isWithinMonths(a.deadline.currentDeadline, cityDay(now), UPCOMING_DEADLINE_MONTHS) && a.status !== "done")
      .sort((a, b) => a.deadline.currentDeadline!.localeCompare(b.deadline.currentDeadline!)),
    lateActions: [...distinct.values()]
      .filter((a) => a.deadline.late)
      .sort((a, b) => (a.deadline.currentDeadline ?? "").localeCompare(b.deadline.currentDeadline ?? "")),
  };
}

export const getPlanOverview = cache(() => loadPlanOverview());

/** A plan's own page (/plans/<slug>): the current one or an earlier one, never a draft. */
export const getPlanOverviewBySlug = cache((slug: string) => loadPlanOverview(undefined, new Date(), { slug }));
