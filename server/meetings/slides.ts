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
import { cityDay } from "@/lib/dates";
import { deadlineView, type DeadlineFields } from "@/lib/deadlines";
import type { ActionStatus } from "@/lib/labels";

/*
 * The slides of a meeting, built from live data as plain JSON: the same object is shown on the
 * projector, frozen in meeting_snapshots (« état au … ») and shown on the public page after the
 * meeting. It holds only what the public may see: published contributions and their answers,
 * progress reports, and never the presenter's notes (the presenter view reads those apart, by
 * agenda position).
 */

/** 2: every contribution shown carries its id, so a frozen deck can leave out what is no longer published. */
export const DECK_VERSION = 2;
/** How many items a list of « what changed » shows before « et N autres » (paginated over slides when drawn). */
const CHANGES_SHOWN = 8;
/** The most-supported proposals shown on a fiche's slide. */
const PROPOSALS_SHOWN = 3;

export type AvisCounts = { favorable: number; favorable_with_reservations: number; unfavorable: number };
export type AnswerState = "under_review" | "accepted" | "rejected" | "done";

export interface ActionLine {
  slug: string;
  title: string;
  status: ActionStatus | null;
  progress: number | null;
  /** The current deadline's words, the source's words when it was moved, past due (absent from decks frozen before). */
  timeframe?: string | null;
  originalTimeframe?: string | null;
  late?: boolean;
}

export type Slide =
  | { kind: "title"; heading: string; startsAt: string; place: string; planTitle: string }
  | {
      kind: "changes";
      heading: string;
      /** The previous meeting, if any: the changes are counted since its date. */
      since: { title: string; startsAt: string } | null;
      reports: { total: number; items: { actionTitle: string; title: string; status: ActionStatus | null; progress: number | null }[] };
      proposals: { total: number; items: { contributionId: number; title: string; councilName: string; actionTitle: string }[] };
      answers: { total: number; items: { contributionId: number; proposalTitle: string; state: AnswerState; councilName: string }[] };
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
      /** The current deadline's words (moved deadlines included). */
      timeframe: string | null;
      /** The source's words, when the deadline was moved (absent from decks frozen before). */
      originalTimeframe?: string | null;
      /** Past its current deadline and not done, on the day the deck was built. */
      late?: boolean;
      /** A short text in plain words (« En bref »), when the fiche has one (optional: absent from older decks). */
      summary?: string | null;
      latestReport: { title: string; reportedOn: string | null; excerpt: string } | null;
      proposals: {
        contributionId: number;
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
 * A fixed number of queries whatever the length of the agenda: the meeting, then one parallel
 * batch (the previous meeting, the agenda), then one batch for the « what changed » slide and
 * every theme and fiche of the agenda at once (agendaData).
 */
export async function buildDeck(db: Db, meetingId: number, now: Date = new Date()): Promise<Deck | null> {
  const [meeting] = await db
    .select({
      id: meetings.id,
      planId: meetings.planId,
      slug: meetings.slug,
      title: meetings.title,
      startsAt: meetings.startsAt,
      place: meetings.place,
      planTitle: plans.title,
    })
    .from(meetings)
    .innerJoin(plans, eq(plans.id, meetings.planId))
    .where(eq(meetings.id, meetingId));
  if (!meeting) return null;

  // Changes are counted up to the meeting (or now, before it), since the last meeting held before.
  const until = meeting.startsAt < now ? meeting.startsAt : now;
  const [[previous], agenda] = await Promise.all([
    db
      .select({ title: meetings.title, startsAt: meetings.startsAt })
      .from(meetings)
      .where(and(eq(meetings.planId, meeting.planId), lt(meetings.startsAt, until)))
      .orderBy(desc(meetings.startsAt))
      .limit(1),
    db
      .select({
        position: meetingAgendaItems.position,
        label: meetingAgendaItems.label,
        themeId: meetingAgendaItems.themeId,
        actionId: meetingAgendaItems.actionId,
      })
      .from(meetingAgendaItems)
      .where(eq(meetingAgendaItems.meetingId, meeting.id))
      .orderBy(asc(meetingAgendaItems.position)),
  ]);

  const [changes, data] = await Promise.all([
    changesSlide(db, meeting.planId, previous ?? null, until),
    agendaData(
      db,
      agenda.flatMap((i) => (i.actionId === null ? [] : [i.actionId])),
      agenda.flatMap((i) => (i.themeId === null ? [] : [i.themeId])),
    ),
  ]);
  const slides: Slide[] = [
    { kind: "title", heading: meeting.title, startsAt: meeting.startsAt.toISOString(), place: meeting.place, planTitle: meeting.planTitle },
    changes,
  ];
  for (const item of agenda) {
    const slide =
      (item.actionId !== null ? actionSlide(data, item.actionId, item.position, cityDay(now)) : null) ??
      (item.themeId !== null ? themeSlide(data, item.themeId, item.position, cityDay(now)) : null);
    slides.push(slide ?? { kind: "section", heading: item.label, agendaPosition: item.position });
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

  const reportWhere = and(
    eq(actions.planId, plan),
    inRange(progressReports.createdAt),
    or(isNotNull(progressReports.status), isNotNull(progressReports.progress)),
  );
  const [reportTotal, reportItems] = await Promise.all([
    db.select({ n: count() }).from(progressReports).innerJoin(actions, eq(actions.id, progressReports.actionId)).where(reportWhere),
    db
      .select({
        actionTitle: actions.title,
        title: progressReports.title,
        status: progressReports.status,
        progress: progressReports.progress,
      })
      .from(progressReports)
      .innerJoin(actions, eq(actions.id, progressReports.actionId))
      .where(reportWhere)
      .orderBy(desc(progressReports.createdAt), desc(progressReports.id))
      .limit(CHANGES_SHOWN),
  ]);

  // Only published proposals are ever public: the one filter is status = 'published'.
  const proposalWhere = and(
    eq(actions.planId, plan),
    eq(contributions.kind, "proposal"),
    eq(contributions.status, "published"),
    inRange(contributions.publishedAt),
  );
  const [proposalTotal, proposalItems] = await Promise.all([
    db.select({ n: count() }).from(contributions).innerJoin(actions, eq(actions.id, contributions.actionId)).where(proposalWhere),
    db
      .select({ contributionId: contributions.id, title: contributions.title, councilName: councils.name, actionTitle: actions.title })
      .from(contributions)
      .innerJoin(actions, eq(actions.id, contributions.actionId))
      .innerJoin(councils, eq(councils.id, contributions.councilId))
      .where(proposalWhere)
      .orderBy(desc(contributions.publishedAt), desc(contributions.id))
      .limit(CHANGES_SHOWN),
  ]);

  const answerWhere = and(
    eq(actions.planId, plan),
    eq(contributions.status, "published"),
    eq(contributions.kind, "proposal"),
    inRange(contributionAnswers.createdAt),
  );
  const [answerTotal, answerItems] = await Promise.all([
    db
      .select({ n: count() })
      .from(contributionAnswers)
      .innerJoin(contributions, eq(contributions.id, contributionAnswers.contributionId))
      .innerJoin(actions, eq(actions.id, contributions.actionId))
      .where(answerWhere),
    db
      .select({
        contributionId: contributions.id,
        proposalTitle: contributions.title,
        state: contributionAnswers.state,
        councilName: councils.name,
      })
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

type AgendaData = Awaited<ReturnType<typeof agendaData>>;

/*
 * What the theme and fiche slides show, for every theme and fiche of the agenda at once, grouped
 * in memory by theme or fiche: seven queries in one parallel batch whatever the number of items
 * (none for a kind of item the agenda does not have).
 */
async function agendaData(db: Db, actionIds: number[], themeIds: number[]) {
  const [themeData, ficheData] = await Promise.all([
    themeIds.length ? themesOf(db, themeIds) : { themes: [], themeActions: [] },
    actionIds.length ? fichesOf(db, actionIds) : { actions: [], latestReports: [], proposals: [], latestAnswers: [], avis: [] },
  ]);
  return {
    themes: new Map(themeData.themes.map((t) => [t.id, t])),
    themeActions: themeData.themeActions,
    actions: new Map(ficheData.actions.map((a) => [a.id, a])),
    latestReports: new Map(ficheData.latestReports.map((r) => [r.actionId, r])),
    proposals: ficheData.proposals,
    latestAnswers: new Map(ficheData.latestAnswers.map((a) => [a.contributionId, a])),
    avis: ficheData.avis,
  };
}

/** The themes and their fiches in source order. Two queries. */
async function themesOf(db: Db, themeIds: number[]) {
  const [themeRows, themeActions] = await Promise.all([
    db
      .select({ id: themes.id, number: themes.number, slug: themes.slug, title: themes.title })
      .from(themes)
      .where(inArray(themes.id, themeIds)),
    db
      .select({
        themeId: actionThemes.themeId,
        slug: actions.slug,
        title: actions.title,
        status: actions.status,
        progress: actions.progress,
        timeframeLabel: actions.timeframeLabel,
        timeframeEndYear: actions.timeframeEndYear,
        currentTimeframeLabel: actions.currentTimeframeLabel,
        deadline: actions.deadline,
      })
      .from(actionThemes)
      .innerJoin(actions, eq(actions.id, actionThemes.actionId))
      .where(inArray(actionThemes.themeId, themeIds))
      .orderBy(asc(actionThemes.position), asc(actions.id)),
  ]);
  return { themes: themeRows, themeActions };
}

/**
 * The fiches, the latest report of each, their most-supported published proposals with the
 * latest answer of each, and their published avis by position. Five queries.
 */
async function fichesOf(db: Db, actionIds: number[]) {
  const shown = rankedProposals(db, actionIds).as("shown");
  const shownIds = rankedProposals(db, actionIds).as("shown_ids");
  const [actionRows, latestReports, proposals, latestAnswers, avis] = await Promise.all([
    db
      .select({
        id: actions.id,
        slug: actions.slug,
        title: actions.title,
        status: actions.status,
        progress: actions.progress,
        timeframeLabel: actions.timeframeLabel,
        timeframeEndYear: actions.timeframeEndYear,
        currentTimeframeLabel: actions.currentTimeframeLabel,
        deadline: actions.deadline,
        plainSummary: actions.plainSummary,
      })
      .from(actions)
      .where(inArray(actions.id, actionIds)),
    db
      .selectDistinctOn([progressReports.actionId], {
        actionId: progressReports.actionId,
        title: progressReports.title,
        reportedOn: progressReports.reportedOn,
        body: progressReports.body,
      })
      .from(progressReports)
      .where(inArray(progressReports.actionId, actionIds))
      .orderBy(progressReports.actionId, desc(progressReports.createdAt), desc(progressReports.id)),
    db
      .select({ id: shown.id, actionId: shown.actionId, title: shown.title, councilName: shown.councilName, supports: shown.supports })
      .from(shown)
      .where(lte(shown.rank, PROPOSALS_SHOWN))
      .orderBy(asc(shown.rank)),
    db
      .selectDistinctOn([contributionAnswers.contributionId], {
        contributionId: contributionAnswers.contributionId,
        state: contributionAnswers.state,
        body: contributionAnswers.body,
        signatureName: contributionAnswers.signatureName,
        signatureTitle: contributionAnswers.signatureTitle,
      })
      .from(contributionAnswers)
      .where(
        inArray(
          contributionAnswers.contributionId,
          db.select({ id: shownIds.id }).from(shownIds).where(lte(shownIds.rank, PROPOSALS_SHOWN)),
        ),
      )
      .orderBy(contributionAnswers.contributionId, desc(contributionAnswers.createdAt), desc(contributionAnswers.id)),
    db
      .select({ actionId: contributions.actionId, position: contributions.position, n: count() })
      .from(contributions)
      .where(and(inArray(contributions.actionId, actionIds), eq(contributions.kind, "feedback"), eq(contributions.status, "published")))
      .groupBy(contributions.actionId, contributions.position),
  ]);
  return { actions: actionRows, latestReports, proposals, latestAnswers, avis };
}

/**
 * The published proposals of these fiches, ranked within each fiche: most supported first, then
 * the newest. Only published proposals are ever public: the one filter is status = 'published'.
 */
function rankedProposals(db: Db, actionIds: number[]) {
  const supports = db
    .select({ contributionId: contributionSupports.contributionId, n: count().as("n") })
    .from(contributionSupports)
    .groupBy(contributionSupports.contributionId)
    .as("supports");
  return db
    .select({
      id: contributions.id,
      actionId: contributions.actionId,
      title: contributions.title,
      councilName: sql<string>`${councils.name}`.as("council_name"),
      supports: sql<number>`coalesce(${supports.n}, 0)::int`.as("supports"),
      rank: sql<number>`row_number() over (partition by ${contributions.actionId} order by coalesce(${supports.n}, 0) desc, ${contributions.publishedAt} desc, ${contributions.id} desc)`.as(
        "rank",
      ),
    })
    .from(contributions)
    .innerJoin(councils, eq(councils.id, contributions.councilId))
    .leftJoin(supports, eq(supports.contributionId, contributions.id))
    .where(and(inArray(contributions.actionId, actionIds), eq(contributions.kind, "proposal"), eq(contributions.status, "published")));
}

/**
 * A fiche's deadline as its slide and its theme's slide say it, as the fiche page does: the current
 * words (a moved deadline replaces the source's), the source's words once moved, past due on `today`.
 */
function slideDeadline(fields: DeadlineFields, today: string) {
  const deadline = deadlineView(fields, today);
  return { timeframe: deadline.currentLabel, originalTimeframe: deadline.changed ? deadline.originalLabel : null, late: deadline.late };
}

function themeSlide(data: AgendaData, themeId: number, agendaPosition: number, today: string): Slide | null {
  const theme = data.themes.get(themeId);
  if (!theme) return null;
  const rows = data.themeActions
    .filter((a) => a.themeId === themeId)
    .map((a): ActionLine => ({ slug: a.slug, title: a.title, status: a.status, progress: a.progress, ...slideDeadline(a, today) }));
  return {
    kind: "theme",
    heading: `Thématique ${theme.number} : ${theme.title}`,
    agendaPosition,
    number: theme.number,
    path: `/thematiques/${theme.slug}`,
    actions: rows,
  };
}

function actionSlide(data: AgendaData, actionId: number, agendaPosition: number, today: string): Slide | null {
  const action = data.actions.get(actionId);
  if (!action) return null;
  const latest = data.latestReports.get(actionId);
  const avis: AvisCounts = { favorable: 0, favorable_with_reservations: 0, unfavorable: 0 };
  for (const row of data.avis) if (row.actionId === actionId && row.position) avis[row.position] = row.n;

  return {
    kind: "action",
    heading: action.title,
    agendaPosition,
    path: `/fiches/${action.slug}`,
    status: action.status,
    progress: action.progress,
    ...slideDeadline(action, today),
    summary: action.plainSummary,
    latestReport: latest ? { title: latest.title, reportedOn: latest.reportedOn, excerpt: excerpt(latest.body, 240) } : null,
    proposals: data.proposals
      .filter((p) => p.actionId === actionId)
      .map((p) => {
        const answer = data.latestAnswers.get(p.id);
        return {
          contributionId: p.id,
          title: p.title ?? "",
          councilName: p.councilName,
          supports: Number(p.supports),
          latestAnswer: answer
            ? {
                state: answer.state,
                excerpt: excerpt(answer.body, 140),
                signature: [answer.signatureName, answer.signatureTitle].filter(Boolean).join(", "),
              }
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

/** The contributions a deck shows (proposals, and the proposals of the answers shown). */
export function deckContributionIds(deck: Deck): number[] {
  const ids = new Set<number>();
  for (const slide of deck.slides) {
    if (slide.kind === "changes") for (const item of [...slide.proposals.items, ...slide.answers.items]) ids.add(item.contributionId);
    if (slide.kind === "action") for (const proposal of slide.proposals) ids.add(proposal.contributionId);
  }
  return [...ids];
}

/**
 * The deck without the contributions that are not in `published`: what a frozen deck shows once
 * an item it holds was hidden (or otherwise unpublished) after the freeze. Counts drop with them.
 */
export function withoutUnpublished(deck: Deck, published: ReadonlySet<number>): Deck {
  const keep = <T extends { contributionId: number }>(items: T[]) => items.filter((item) => published.has(item.contributionId));
  const slides = deck.slides.map((slide): Slide => {
    if (slide.kind === "changes") {
      const proposals = keep(slide.proposals.items);
      const answers = keep(slide.answers.items);
      return {
        ...slide,
        proposals: { total: slide.proposals.total - (slide.proposals.items.length - proposals.length), items: proposals },
        answers: { total: slide.answers.total - (slide.answers.items.length - answers.length), items: answers },
      };
    }
    if (slide.kind === "action") return { ...slide, proposals: keep(slide.proposals) };
    return slide;
  });
  return { ...deck, slides };
}

/** A deck read back from a snapshot, if it has the shape this code writes. */
export function deckFromSnapshot(data: unknown): Deck | null {
  if (!data || typeof data !== "object") return null;
  const deck = data as Partial<Deck>;
  return deck.version === DECK_VERSION && Array.isArray(deck.slides) && deck.meeting ? (deck as Deck) : null;
}
