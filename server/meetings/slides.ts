import "server-only";
import { and, asc, count, desc, eq, gt, inArray, isNotNull, lt, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  actionThemes,
  actions,
  contributionAnswers,
  contributionSupports,
  contributions,
  councils,
  meetingAgendaItems,
  meetings,
  plans,
  progressReports,
  themes,
} from "@/db/schema";
import type { ActionStatus } from "@/lib/labels";

/*
 * The slides of a meeting, built from live data as plain JSON: the same object is shown on the
 * projector, frozen in meeting_snapshots (« état au … ») and shown on the public page after the
 * meeting. It holds only what the public may see: published contributions and their answers,
 * progress reports, and never the presenter's notes (the presenter view reads those apart, by
 * agenda position).
 */

export const DECK_VERSION = 1;
/** How many items a list on the « what changed » slide shows before « et N autres ». */
const CHANGES_SHOWN = 4;
/** The most-supported proposals shown on a fiche's slide. */
const PROPOSALS_SHOWN = 3;

export type AvisCounts = { favorable: number; favorable_with_reservations: number; unfavorable: number };
export type AnswerState = "under_review" | "accepted" | "rejected" | "done";

export interface ActionLine {
  slug: string;
  title: string;
  status: ActionStatus | null;
  progress: number | null;
}

export type Slide =
  | { kind: "title"; heading: string; startsAt: string; place: string; planTitle: string }
  | {
      kind: "changes";
      heading: string;
      /** The previous meeting, if any: the changes are counted since its date. */
      since: { title: string; startsAt: string } | null;
      reports: { total: number; items: { actionTitle: string; title: string; status: ActionStatus | null; progress: number | null }[] };
      proposals: { total: number; items: { title: string; councilName: string; actionTitle: string }[] };
      answers: { total: number; items: { proposalTitle: string; state: AnswerState; councilName: string }[] };
    }
  | { kind: "section"; heading: string; agendaPosition: number }
  | { kind: "theme"; heading: string; agendaPosition: number; number: number; path: string; actions: ActionLine[] }
  | {
      kind: "action";
      heading: string;
      agendaPosition: number;
      path: string;
      status: ActionStatus | null;
      progress: number | null;
      timeframe: string | null;
      latestReport: { title: string; reportedOn: string | null; excerpt: string } | null;
      proposals: {
        title: string;
        councilName: string;
        supports: number;
        latestAnswer: { state: AnswerState; excerpt: string; signature: string } | null;
      }[];
      avis: AvisCounts;
    }
  | { kind: "closing"; heading: string; planTitle: string; path: string };

export interface Deck {
  version: typeof DECK_VERSION;
  /** When these data were read (ISO). For a frozen deck: the « état au ». */
  builtAt: string;
  meeting: { slug: string; title: string; startsAt: string; place: string };
  slides: Slide[];
}

/** Cuts a text at a word boundary, for a slide (the full text is on the public page). */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

/**
 * Reads a meeting's slides from the database as they are now. `now` bounds the « what changed »
 * slide (and so does the meeting's start, once it has passed). Null if there is no such meeting.
 */
export async function buildDeck(db: Db, meetingId: number, now: Date = new Date()): Promise<Deck | null> {
  const [meeting] = await db
    .select({ id: meetings.id, planId: meetings.planId, slug: meetings.slug, title: meetings.title, startsAt: meetings.startsAt, place: meetings.place, planTitle: plans.title })
    .from(meetings)
    .innerJoin(plans, eq(plans.id, meetings.planId))
    .where(eq(meetings.id, meetingId));
  if (!meeting) return null;

  // Changes are counted up to the meeting (or now, before it), since the last meeting held before.
  const until = meeting.startsAt < now ? meeting.startsAt : now;
  const [previous] = await db
    .select({ title: meetings.title, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.planId, meeting.planId), lt(meetings.startsAt, until)))
    .orderBy(desc(meetings.startsAt))
    .limit(1);
  const agenda = await db
    .select({ position: meetingAgendaItems.position, label: meetingAgendaItems.label, themeId: meetingAgendaItems.themeId, actionId: meetingAgendaItems.actionId })
    .from(meetingAgendaItems)
    .where(eq(meetingAgendaItems.meetingId, meeting.id))
    .orderBy(asc(meetingAgendaItems.position));

  const slides: Slide[] = [
    { kind: "title", heading: meeting.title, startsAt: meeting.startsAt.toISOString(), place: meeting.place, planTitle: meeting.planTitle },
    await changesSlide(db, meeting.planId, previous ?? null, until),
  ];
  for (const item of agenda) {
    if (item.actionId !== null) {
      const slide = await actionSlide(db, item.actionId, item.position);
      if (slide) {
        slides.push(slide);
        continue;
      }
    }
    if (item.themeId !== null) {
      const slide = await themeSlide(db, item.themeId, item.position);
      if (slide) {
        slides.push(slide);
        continue;
      }
    }
    slides.push({ kind: "section", heading: item.label, agendaPosition: item.position });
  }
  slides.push({ kind: "closing", heading: "Merci de votre attention", planTitle: meeting.planTitle, path: "/" });

  return {
    version: DECK_VERSION,
    builtAt: now.toISOString(),
    meeting: { slug: meeting.slug, title: meeting.title, startsAt: meeting.startsAt.toISOString(), place: meeting.place },
    slides,
  };
}

async function changesSlide(db: Db, plan: number, previous: { title: string; startsAt: Date } | null, until: Date): Promise<Slide> {
  const since = previous?.startsAt ?? null;
  const inRange = (column: typeof progressReports.createdAt | typeof contributions.publishedAt | typeof contributionAnswers.createdAt) =>
    since ? and(gt(column, since), lte(column, until)) : lte(column, until);

  const reportWhere = and(eq(actions.planId, plan), inRange(progressReports.createdAt), or(isNotNull(progressReports.status), isNotNull(progressReports.progress)));
  const [reportTotal, reportItems] = await Promise.all([
    db.select({ n: count() }).from(progressReports).innerJoin(actions, eq(actions.id, progressReports.actionId)).where(reportWhere),
    db
      .select({ actionTitle: actions.title, title: progressReports.title, status: progressReports.status, progress: progressReports.progress })
      .from(progressReports)
      .innerJoin(actions, eq(actions.id, progressReports.actionId))
      .where(reportWhere)
      .orderBy(desc(progressReports.createdAt), desc(progressReports.id))
      .limit(CHANGES_SHOWN),
  ]);

  // Only published proposals are ever public: the one filter is status = 'published'.
  const proposalWhere = and(eq(actions.planId, plan), eq(contributions.kind, "proposal"), eq(contributions.status, "published"), inRange(contributions.publishedAt));
  const [proposalTotal, proposalItems] = await Promise.all([
    db.select({ n: count() }).from(contributions).innerJoin(actions, eq(actions.id, contributions.actionId)).where(proposalWhere),
    db
      .select({ title: contributions.title, councilName: councils.name, actionTitle: actions.title })
      .from(contributions)
      .innerJoin(actions, eq(actions.id, contributions.actionId))
      .innerJoin(councils, eq(councils.id, contributions.councilId))
      .where(proposalWhere)
      .orderBy(desc(contributions.publishedAt), desc(contributions.id))
      .limit(CHANGES_SHOWN),
  ]);

  const answerWhere = and(eq(actions.planId, plan), eq(contributions.status, "published"), eq(contributions.kind, "proposal"), inRange(contributionAnswers.createdAt));
  const [answerTotal, answerItems] = await Promise.all([
    db
      .select({ n: count() })
      .from(contributionAnswers)
      .innerJoin(contributions, eq(contributions.id, contributionAnswers.contributionId))
      .innerJoin(actions, eq(actions.id, contributions.actionId))
      .where(answerWhere),
    db
      .select({ proposalTitle: contributions.title, state: contributionAnswers.state, councilName: councils.name })
      .from(contributionAnswers)
      .innerJoin(contributions, eq(contributions.id, contributionAnswers.contributionId))
      .innerJoin(actions, eq(actions.id, contributions.actionId))
      .innerJoin(councils, eq(councils.id, contributions.councilId))
      .where(answerWhere)
      .orderBy(desc(contributionAnswers.createdAt), desc(contributionAnswers.id))
      .limit(CHANGES_SHOWN),
  ]);

  return {
    kind: "changes",
    heading: previous ? "Ce qui a changé depuis la dernière réunion" : "Ce qui a changé depuis le début du suivi",
    since: previous ? { title: previous.title, startsAt: previous.startsAt.toISOString() } : null,
    reports: { total: reportTotal[0]?.n ?? 0, items: reportItems },
    proposals: { total: proposalTotal[0]?.n ?? 0, items: proposalItems.map((p) => ({ ...p, title: p.title ?? "" })) },
    answers: { total: answerTotal[0]?.n ?? 0, items: answerItems.map((a) => ({ ...a, proposalTitle: a.proposalTitle ?? "" })) },
  };
}

async function themeSlide(db: Db, themeId: number, agendaPosition: number): Promise<Slide | null> {
  const [theme] = await db.select({ number: themes.number, slug: themes.slug, title: themes.title }).from(themes).where(eq(themes.id, themeId));
  if (!theme) return null;
  const rows = await db
    .select({ slug: actions.slug, title: actions.title, status: actions.status, progress: actions.progress })
    .from(actionThemes)
    .innerJoin(actions, eq(actions.id, actionThemes.actionId))
    .where(eq(actionThemes.themeId, themeId))
    .orderBy(asc(actionThemes.position), asc(actions.id));
  return { kind: "theme", heading: `Thématique ${theme.number} : ${theme.title}`, agendaPosition, number: theme.number, path: `/thematiques/${theme.slug}`, actions: rows };
}

async function actionSlide(db: Db, actionId: number, agendaPosition: number): Promise<Slide | null> {
  const [action] = await db
    .select({ slug: actions.slug, title: actions.title, status: actions.status, progress: actions.progress, timeframe: actions.timeframeLabel })
    .from(actions)
    .where(eq(actions.id, actionId));
  if (!action) return null;

  const [latest] = await db
    .select({ title: progressReports.title, reportedOn: progressReports.reportedOn, body: progressReports.body })
    .from(progressReports)
    .where(eq(progressReports.actionId, actionId))
    .orderBy(desc(progressReports.createdAt), desc(progressReports.id))
    .limit(1);

  const supports = db
    .select({ contributionId: contributionSupports.contributionId, n: count().as("n") })
    .from(contributionSupports)
    .groupBy(contributionSupports.contributionId)
    .as("supports");
  const proposals = await db
    .select({ id: contributions.id, title: contributions.title, councilName: councils.name, supports: sql<number>`coalesce(${supports.n}, 0)::int` })
    .from(contributions)
    .innerJoin(councils, eq(councils.id, contributions.councilId))
    .leftJoin(supports, eq(supports.contributionId, contributions.id))
    .where(and(eq(contributions.actionId, actionId), eq(contributions.kind, "proposal"), eq(contributions.status, "published")))
    .orderBy(sql`coalesce(${supports.n}, 0) desc`, desc(contributions.publishedAt), desc(contributions.id))
    .limit(PROPOSALS_SHOWN);
  const answers = proposals.length
    ? await db
        .select({ contributionId: contributionAnswers.contributionId, state: contributionAnswers.state, body: contributionAnswers.body, signatureName: contributionAnswers.signatureName, signatureTitle: contributionAnswers.signatureTitle })
        .from(contributionAnswers)
        .where(inArray(contributionAnswers.contributionId, proposals.map((p) => p.id)))
        .orderBy(desc(contributionAnswers.createdAt), desc(contributionAnswers.id))
    : [];
  const latestAnswer = new Map<number, (typeof answers)[number]>();
  for (const answer of answers) if (!latestAnswer.has(answer.contributionId)) latestAnswer.set(answer.contributionId, answer);

  const avisRows = await db
    .select({ position: contributions.position, n: count() })
    .from(contributions)
    .where(and(eq(contributions.actionId, actionId), eq(contributions.kind, "feedback"), eq(contributions.status, "published")))
    .groupBy(contributions.position);
  const avis: AvisCounts = { favorable: 0, favorable_with_reservations: 0, unfavorable: 0 };
  for (const row of avisRows) if (row.position) avis[row.position] = row.n;

  return {
    kind: "action",
    heading: action.title,
    agendaPosition,
    path: `/fiches/${action.slug}`,
    status: action.status,
    progress: action.progress,
    timeframe: action.timeframe,
    latestReport: latest ? { title: latest.title, reportedOn: latest.reportedOn, excerpt: excerpt(latest.body, 240) } : null,
    proposals: proposals.map((p) => {
      const answer = latestAnswer.get(p.id);
      return {
        title: p.title ?? "",
        councilName: p.councilName,
        supports: Number(p.supports),
        latestAnswer: answer
          ? { state: answer.state, excerpt: excerpt(answer.body, 140), signature: [answer.signatureName, answer.signatureTitle].filter(Boolean).join(", ") }
          : null,
      };
    }),
    avis,
  };
}

/** The presenter's notes of each slide (by index), from the agenda as it is now. Never public. */
export async function presenterNotes(db: Db, meetingId: number, deck: Deck): Promise<(string | null)[]> {
  const rows = await db
    .select({ position: meetingAgendaItems.position, notes: meetingAgendaItems.notes })
    .from(meetingAgendaItems)
    .where(eq(meetingAgendaItems.meetingId, meetingId));
  const byPosition = new Map(rows.map((r) => [r.position, r.notes]));
  return deck.slides.map((slide) => ("agendaPosition" in slide ? (byPosition.get(slide.agendaPosition) ?? null) : null));
}

/** A deck read back from a snapshot, if it has the shape this code writes. */
export function deckFromSnapshot(data: unknown): Deck | null {
  if (!data || typeof data !== "object") return null;
  const deck = data as Partial<Deck>;
  return deck.version === DECK_VERSION && Array.isArray(deck.slides) && deck.meeting ? (deck as Deck) : null;
}
