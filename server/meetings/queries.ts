import "server-only";
import { and, asc, count, desc, eq, getTableColumns, gte, inArray, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actionThemes, actions, contributions, meetingAgendaItems, meetingSnapshots, meetings, plans, themes } from "@/db/schema";
import { publicPlanId } from "@/server/plan/load-plan";
import { forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { cityDay } from "@/lib/dates";
import { can, type MaybeActor } from "@/lib/permissions";
import { cityDateTime, type MeetingInput } from "@/lib/validation/meeting";
import { buildDeck, deckContributionIds, deckFromSnapshot, presenterNotes, withoutUnpublished, type Deck } from "./slides";

export interface MeetingListItem {
  id: number;
  slug: string;
  title: string;
  startsAt: Date;
  place: string;
  isDemo: boolean;
  hasMinutes: boolean;
  /** Its last change (date, place, title, minutes): the calendars' DTSTAMP. */
  updatedAt: Date;
}

/** A meeting's public fields (never the presenter's notes): its pages, and the calendars (server/calendars/). */
export const listColumns = {
  id: meetings.id,
  slug: meetings.slug,
  title: meetings.title,
  startsAt: meetings.startsAt,
  place: meetings.place,
  isDemo: meetings.isDemo,
  minutes: meetings.minutes,
  updatedAt: meetings.updatedAt,
};
export const toListItem = ({ minutes, ...m }: { minutes: string | null } & Omit<MeetingListItem, "hasMinutes">): MeetingListItem => ({
  ...m,
  hasMinutes: minutes !== null,
});

/** Meetings shown per page: the upcoming ones (soonest first), then a page of past ones (newest first). */
export const MEETINGS_PER_PAGE = 20;

export interface MeetingsPage {
  /** Page 1 only: the soonest upcoming meetings, at most MEETINGS_PER_PAGE. */
  upcoming: MeetingListItem[];
  /** More are announced than shown (the calendar file holds them all). */
  moreUpcoming: boolean;
  /** This page of past meetings, newest first. */
  past: MeetingListItem[];
  page: number;
  /** Pages of past meetings (at least 1). */
  pageCount: number;
}

/**
 * Public: /reunions (page 1: upcoming meetings, then the latest past ones) and
 * /reunions/passees/<n> (older past meetings). Bounded at any number of meetings: three queries.
 * Null for a page past the last one.
 */
export async function listPublicMeetings(db: Db, page = 1, now: Date = new Date()): Promise<MeetingsPage | null> {
  const [upcoming, past, [counted]] = await Promise.all([
    page === 1
      ? db
          .select(listColumns)
          .from(meetings)
          .where(gte(meetings.startsAt, now))
          .orderBy(asc(meetings.startsAt), asc(meetings.id))
          .limit(MEETINGS_PER_PAGE + 1)
      : [],
    db
      .select(listColumns)
      .from(meetings)
      .where(lt(meetings.startsAt, now))
      .orderBy(desc(meetings.startsAt), desc(meetings.id))
      .limit(MEETINGS_PER_PAGE)
      .offset((page - 1) * MEETINGS_PER_PAGE),
    db.select({ n: count() }).from(meetings).where(lt(meetings.startsAt, now)),
  ]);
  const pageCount = Math.max(1, Math.ceil((counted?.n ?? 0) / MEETINGS_PER_PAGE));
  if (page > pageCount) return null;
  return {
    upcoming: upcoming.slice(0, MEETINGS_PER_PAGE).map(toListItem),
    moreUpcoming: upcoming.length > MEETINGS_PER_PAGE,
    past: past.map(toListItem),
    page,
    pageCount,
  };
}

export interface PublicMeeting extends MeetingListItem {
  minutes: string | null;
  /** Labels only: the presenter's notes never leave the server for a public page. */
  agenda: { position: number; label: string; path: string | null }[];
  hasTakenPlace: boolean;
  /** The plan its agenda points into (decision 0027): an earlier meeting may belong to a plan now over. */
  plan: { slug: string; title: string; state: "draft" | "current" | "closed"; periodStartYear: number; periodEndYear: number };
}

/** Public: a meeting's date, place, agenda labels and minutes. Null if there is none. */
export async function getPublicMeeting(db: Db, slug: string, now: Date = new Date()): Promise<PublicMeeting | null> {
  const [meeting] = await db
    .select({
      ...listColumns,
      plan: {
        slug: plans.slug,
        title: plans.title,
        state: plans.state,
        periodStartYear: plans.periodStartYear,
        periodEndYear: plans.periodEndYear,
      },
    })
    .from(meetings)
    .innerJoin(plans, eq(plans.id, meetings.planId))
    .where(eq(meetings.slug, slug));
  if (!meeting) return null;
  const agenda = await db
    .select({ position: meetingAgendaItems.position, label: meetingAgendaItems.label, themeSlug: themes.slug, actionSlug: actions.slug })
    .from(meetingAgendaItems)
    .leftJoin(themes, eq(themes.id, meetingAgendaItems.themeId))
    .leftJoin(actions, eq(actions.id, meetingAgendaItems.actionId))
    .where(eq(meetingAgendaItems.meetingId, meeting.id))
    .orderBy(asc(meetingAgendaItems.position));
  const { plan, ...listed } = meeting;
  return {
    ...toListItem(listed),
    plan,
    minutes: meeting.minutes,
    agenda: agenda.map((a) => ({
      position: a.position,
      label: a.label,
      path: a.actionSlug ? `/fiches/${a.actionSlug}` : a.themeSlug ? `/thematiques/${a.themeSlug}` : null,
    })),
    hasTakenPlace: meeting.startsAt < now,
  };
}

/** Public: the slides once the meeting has taken place: the frozen ones if any, else live data. No notes. */
export async function getPublicDeck(db: Db, slug: string, now: Date = new Date()): Promise<{ deck: Deck; frozenAt: Date | null } | null> {
  const [meeting] = await db.select({ id: meetings.id, startsAt: meetings.startsAt }).from(meetings).where(eq(meetings.slug, slug));
  if (!meeting || meeting.startsAt >= now) return null;
  return currentDeck(db, meeting.id, now);
}

/**
 * The deck shown for a meeting: its frozen snapshot if any — never showing what is not published
 * now (docs/decisions/0011) — else live data, which only ever reads published items.
 */
async function currentDeck(db: Db, meetingId: number, now: Date): Promise<{ deck: Deck; frozenAt: Date | null } | null> {
  const [snapshot] = await db
    .select({ takenAt: meetingSnapshots.takenAt, data: meetingSnapshots.data })
    .from(meetingSnapshots)
    .where(eq(meetingSnapshots.meetingId, meetingId));
  const frozen = snapshot ? deckFromSnapshot(snapshot.data) : null;
  if (frozen) {
    const ids = deckContributionIds(frozen);
    const published = ids.length
      ? await db
          .select({ id: contributions.id })
          .from(contributions)
          .where(and(inArray(contributions.id, ids), eq(contributions.status, "published")))
      : [];
    return { deck: withoutUnpublished(frozen, new Set(published.map((r) => r.id))), frozenAt: snapshot!.takenAt };
  }
  const live = await buildDeck(db, meetingId, now);
  return live ? { deck: live, frozenAt: null } : null;
}

export interface Presentation {
  meetingId: number;
  deck: Deck;
  frozenAt: Date | null;
  notes: (string | null)[];
  /** Before the meeting: the presenter may go back to live data. */
  canUnfreeze: boolean;
  /** Until the end of the meeting's day. */
  canFreeze: boolean;
}

/** For officials, staff and admins: the slides (frozen or live) and the presenter's notes. */
export async function getPresentation(
  db: Db,
  actor: MaybeActor,
  slug: string,
  now: Date = new Date(),
): Promise<ActionResult<Presentation>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "meeting.present")) return forbidden();
  const [meeting] = await db.select({ id: meetings.id, startsAt: meetings.startsAt }).from(meetings).where(eq(meetings.slug, slug));
  if (!meeting) return notFound("Réunion");
  const current = await currentDeck(db, meeting.id, now);
  if (!current) return notFound("Réunion");
  return ok({
    meetingId: meeting.id,
    ...current,
    notes: await presenterNotes(db, meeting.id, current.deck),
    canUnfreeze: current.frozenAt !== null && meeting.startsAt > now,
    canFreeze: cityDay(now) <= cityDay(meeting.startsAt),
  });
}

/** Staff who prepare or present meetings: every meeting, newest first, MEETINGS_PER_PAGE at a time. */
export async function listMeetingsForStaff(
  db: Db,
  actor: MaybeActor,
  page = 1,
): Promise<ActionResult<{ items: MeetingListItem[]; page: number; pageCount: number }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "meeting.manage") && !can(actor, "meeting.present")) return forbidden();
  const [rows, [counted]] = await Promise.all([
    db
      .select(listColumns)
      .from(meetings)
      .orderBy(desc(meetings.startsAt), desc(meetings.id))
      .limit(MEETINGS_PER_PAGE)
      .offset((page - 1) * MEETINGS_PER_PAGE),
    db.select({ n: count() }).from(meetings),
  ]);
  const pageCount = Math.max(1, Math.ceil((counted?.n ?? 0) / MEETINGS_PER_PAGE));
  return ok({ items: rows.map(toListItem), page, pageCount });
}

export interface MeetingForEdit {
  id: number;
  /** The plan its agenda points into: the current one when it was created (decision 0027). */
  planId: number;
  slug: string;
  title: string;
  startsAt: Date;
  minutes: string | null;
  isDemo: boolean;
  frozenAt: Date | null;
  values: Required<MeetingInput>;
}

/** Staff: a meeting as the edit form shows it (date and time in the City's time zone, notes included). */
export async function getMeetingForEdit(db: Db, actor: MaybeActor, slug: string): Promise<ActionResult<MeetingForEdit>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "meeting.manage")) return forbidden();
  const [meeting] = await db
    .select({ ...getTableColumns(meetings), frozenAt: meetingSnapshots.takenAt })
    .from(meetings)
    .leftJoin(meetingSnapshots, eq(meetingSnapshots.meetingId, meetings.id))
    .where(eq(meetings.slug, slug));
  if (!meeting) return notFound("Réunion");
  const agenda = await db
    .select({ label: meetingAgendaItems.label, notes: meetingAgendaItems.notes, themeSlug: themes.slug, actionSlug: actions.slug })
    .from(meetingAgendaItems)
    .leftJoin(themes, eq(themes.id, meetingAgendaItems.themeId))
    .leftJoin(actions, eq(actions.id, meetingAgendaItems.actionId))
    .where(eq(meetingAgendaItems.meetingId, meeting.id))
    .orderBy(asc(meetingAgendaItems.position));
  const { date, time } = cityDateTime(meeting.startsAt);
  return ok({
    id: meeting.id,
    planId: meeting.planId,
    slug: meeting.slug,
    title: meeting.title,
    startsAt: meeting.startsAt,
    minutes: meeting.minutes,
    isDemo: meeting.isDemo,
    frozenAt: meeting.frozenAt,
    values: {
      title: meeting.title,
      date,
      time,
      place: meeting.place,
      agenda: agenda.map((a) => ({
        ref: a.actionSlug ? `action:${a.actionSlug}` : a.themeSlug ? `theme:${a.themeSlug}` : "",
        label: a.label,
        notes: a.notes ?? "",
      })),
    },
  });
}

export interface AgendaChoices {
  themes: { slug: string; number: number; title: string; actions: { slug: string; title: string }[] }[];
}

/**
 * The themes and fiches an agenda item may point at, in the plan's order: the current plan's for a
 * new meeting, the meeting's own plan's for an existing one (a past meeting keeps its items).
 */
export async function agendaChoices(db: Db, planId?: number): Promise<AgendaChoices> {
  const plan = planId ?? publicPlanId;
  const themeRows = await db
    .select({ id: themes.id, slug: themes.slug, number: themes.number, title: themes.title })
    .from(themes)
    .where(eq(themes.planId, plan))
    .orderBy(asc(themes.number));
  const links = await db
    .select({ themeId: actionThemes.themeId, slug: actions.slug, title: actions.title })
    .from(actionThemes)
    .innerJoin(actions, eq(actions.id, actionThemes.actionId))
    .where(eq(actions.planId, plan))
    .orderBy(asc(actionThemes.position), asc(actions.id));
  return {
    themes: themeRows.map((t) => ({
      slug: t.slug,
      number: t.number,
      title: t.title,
      actions: links.filter((l) => l.themeId === t.id).map(({ slug, title }) => ({ slug, title })),
    })),
  };
}
