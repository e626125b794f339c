import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, isNotNull, or } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createCouncil, createMeeting as insertMeeting } from "@/db/factories";
import { countQueries } from "@/db/query-count";
import {
  actionThemes,
  actions,
  auditLog,
  contributionAnswers,
  contributionSupports,
  meetingAgendaItems,
  progressReports,
  themes,
} from "@/db/schema";
import { createMeeting } from "@/server/meetings/create-meeting";
import { getPresentation, getPublicDeck, getPublicMeeting } from "@/server/meetings/queries";
import { buildDeck, presenterNotes, type Deck, type Slide } from "@/server/meetings/slides";
import { freezeMeeting, unfreezeMeeting } from "@/server/meetings/snapshot";
import { hideContribution } from "@/server/moderation/hide";
import { changeDeadline } from "@/server/progress/change-deadline";
import { postProgressReport } from "@/server/progress/post-report";
import { createCast, type Cast } from "../support/actors";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { insertItem } from "./answers-helpers";

/*
 * The slides of a meeting, from seeded data and items put in every state: what each slide says,
 * that only published contributions reach a deck, that the presenter's notes never do, and that
 * a frozen deck does not move while the live one does.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
beforeAll(async () => {
  testDb = await createTestDatabase("meetings_slides");
  database = await testDb.openPrepared({ demo: true });
  db = database.db;
  cast = await createCast(db);
});
afterAll(() => testDb.drop());

const DAY = 24 * 3600 * 1000;
const FICHE = "logements-plus-precaires";
const SECRET = `NOTE-SECRETE-${randomUUID()}`;

const ofKind = <K extends Slide["kind"]>(deck: Deck, kind: K) =>
  deck.slides.filter((s): s is Extract<Slide, { kind: K }> => s.kind === kind);

async function meetingWithAgenda(startsAt: Date) {
  const result = await createMeeting(db, cast.actors.official, {
    title: `Réunion ${randomUUID().slice(0, 6)}`,
    date: startsAt.toISOString().slice(0, 10),
    time: "18:00",
    place: "Salle du conseil municipal",
    agenda: [
      { ref: "", label: "Ouverture", notes: SECRET },
      { ref: "theme:habitat-cadre-de-vie", label: null, notes: null },
      { ref: `action:${FICHE}`, label: null, notes: `${SECRET}-fiche` },
    ],
  });
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

describe("the deck built from live data", () => {
  it("has a title, a « what changed » slide, one slide per agenda item and a closing slide, from seeded data", async () => {
    const meeting = await meetingWithAgenda(new Date(Date.now() + 40 * DAY));
    const deck = (await buildDeck(db, meeting.id))!;
    expect(deck.slides.map((s) => s.kind)).toEqual(["title", "changes", "section", "theme", "action", "closing"]);
    expect(deck.slides[0]).toMatchObject({
      kind: "title",
      place: "Salle du conseil municipal",
      planTitle: expect.stringContaining("Projet social communal"),
    });
    expect(deck.slides[2]).toMatchObject({ kind: "section", heading: "Ouverture", agendaPosition: 1 });

    const [theme] = ofKind(deck, "theme");
    const [themeRow] = await db.select({ id: themes.id }).from(themes).where(eq(themes.slug, "habitat-cadre-de-vie"));
    expect(theme).toMatchObject({ number: 3, heading: "Thématique 3 : Habitat / Cadre de vie", path: "/thematiques/habitat-cadre-de-vie" });
    expect(theme!.actions.map((a) => a.slug)).toContain(FICHE);
    expect(themeRow).toBeDefined();

    const [fiche] = ofKind(deck, "action");
    expect(fiche).toMatchObject({
      heading: "Rééquilibrer l'offre de logements pour les plus précaires",
      path: `/fiches/${FICHE}`,
      status: "in_progress",
      timeframe: "jusqu'en 2020",
      latestReport: { title: "Premier point d'étape" },
    });
    expect(ofKind(deck, "closing")[0]).toMatchObject({ path: "/" });
    // JSON all the way: the same object can be frozen.
    expect(JSON.parse(JSON.stringify(deck))).toEqual(deck);
  });

  it("a fiche slide and its theme's slide show the current deadline once it was moved, the original one beside it, and « en retard » from the deck's day", async () => {
    const slug = "restructuration-centre-ville";
    const [theme] = await db
      .select({ slug: themes.slug })
      .from(themes)
      .innerJoin(actionThemes, eq(actionThemes.themeId, themes.id))
      .innerJoin(actions, eq(actions.id, actionThemes.actionId))
      .where(eq(actions.slug, slug))
      .limit(1);
    const result = await createMeeting(db, cast.actors.official, {
      title: `Réunion ${randomUUID().slice(0, 6)}`,
      date: new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10),
      time: "18:00",
      place: "Salle du conseil municipal",
      agenda: [
        { ref: `action:${slug}`, label: null, notes: null },
        { ref: `theme:${theme!.slug}`, label: null, notes: null },
      ],
    });
    if (!result.ok) throw new Error(result.message);
    const ficheSlide = async (now?: Date) => ofKind((await buildDeck(db, result.data.id, now))!, "action")[0]!;
    const themeLine = async (now?: Date) =>
      ofKind((await buildDeck(db, result.data.id, now))!, "theme")[0]!.actions.find((a) => a.slug === slug);

    const before = await ficheSlide();
    expect(before).toMatchObject({ timeframe: "jusqu'en 2020", originalTimeframe: null, late: true });
    expect(await themeLine()).toMatchObject({ timeframe: "jusqu'en 2020", originalTimeframe: null, late: true });
    const moved = await changeDeadline(db, cast.actors.moderator, {
      actionSlug: slug,
      deadline: { date: "2027-06-30", label: "juin 2027", reason: "Travaux décalés par le chantier du pont." },
    });
    expect(moved).toMatchObject({ ok: true });
    expect(await ficheSlide(new Date("2026-11-30T12:00:00Z"))).toMatchObject({
      timeframe: "juin 2027",
      originalTimeframe: "jusqu'en 2020",
      late: false,
    });
    expect(await themeLine(new Date("2026-11-30T12:00:00Z"))).toMatchObject({
      timeframe: "juin 2027",
      originalTimeframe: "jusqu'en 2020",
      late: false,
    });
    // A day after the new deadline, the same fiche is late again.
    expect(await ficheSlide(new Date("2027-07-01T12:00:00Z"))).toMatchObject({ timeframe: "juin 2027", late: true });
    expect(await themeLine(new Date("2027-07-01T12:00:00Z"))).toMatchObject({ timeframe: "juin 2027", late: true });
  });

  it("shows the 3 most-supported published proposals with their latest answer, counts published avis by position, and nothing unpublished", async () => {
    const council = await createCouncil(db);
    const supporters = await Promise.all([1, 2, 3].map(() => createCouncil(db)));
    const marker = randomUUID().slice(0, 8);
    const published = await Promise.all(
      [0, 1, 2, 3].map((n) => insertItem(db, council.id, FICHE, { title: `Publiée ${n} ${marker}`, publishedDaysAgo: 1 + n })),
    );
    for (const [n, id] of published.entries()) {
      for (const supporter of supporters.slice(0, n))
        await db.insert(contributionSupports).values({ contributionId: id, councilId: supporter.id });
    }
    const answer = (contributionId: number, body: string, state: "under_review" | "accepted", minutesAgo: number) =>
      db.insert(contributionAnswers).values({
        contributionId,
        state,
        body,
        signatureName: "Élue",
        clientRequestId: randomUUID(),
        createdAt: new Date(Date.now() - minutesAgo * 60_000),
      });
    await answer(published[3]!, "Première réponse", "under_review", 30);
    await answer(published[3]!, "La Ville retient cette proposition.", "accepted", 5);
    const hiddenTexts: string[] = [];
    for (const status of ["draft", "pending", "rejected", "hidden"] as const) {
      const title = `Cachée ${status} ${marker}`;
      const body = `Texte ${status} ${marker}`;
      hiddenTexts.push(title, body);
      const id = await insertItem(db, council.id, FICHE, { status, title, body });
      for (const supporter of supporters) await db.insert(contributionSupports).values({ contributionId: id, councilId: supporter.id });
      await insertItem(db, council.id, FICHE, { kind: "feedback", status, body: `Avis ${status} ${marker}` });
      hiddenTexts.push(`Avis ${status} ${marker}`);
    }
    await insertItem(db, council.id, FICHE, { kind: "feedback" });
    await insertItem(db, council.id, FICHE, { kind: "feedback" });

    const meeting = await meetingWithAgenda(new Date(Date.now() + 41 * DAY));
    const deck = (await buildDeck(db, meeting.id))!;
    const [fiche] = ofKind(deck, "action");
    expect(fiche!.proposals.map((p) => [p.title, p.supports])).toEqual([
      [`Publiée 3 ${marker}`, 3],
      [`Publiée 2 ${marker}`, 2],
      [`Publiée 1 ${marker}`, 1],
    ]);
    expect(fiche!.proposals[0]!.latestAnswer).toMatchObject({
      state: "accepted",
      excerpt: "La Ville retient cette proposition.",
      signature: "Élue",
    });
    expect(fiche!.proposals[1]!.latestAnswer).toBeNull();
    expect(fiche!.avis.favorable).toBeGreaterThanOrEqual(2);
    const text = JSON.stringify(deck);
    for (const hidden of hiddenTexts) expect(text).not.toContain(hidden);
    // The « what changed » slide counts the new published proposals, never the others.
    const [changes] = ofKind(deck, "changes");
    expect(JSON.stringify(changes)).not.toContain("Cachée");
  });

  it("counts on the « what changed » slide only what happened since the previous meeting", async () => {
    const previousAt = new Date(Date.now() - 3 * DAY);
    const previous = await insertMeeting(db, { startsAt: previousAt, title: `Réunion précédente ${randomUUID().slice(0, 6)}` });
    const [fiche] = await db.select({ id: actions.id }).from(actions).where(eq(actions.slug, FICHE));
    const before = `Avant la réunion ${randomUUID()}`;
    const after = `Après la réunion ${randomUUID()}`;
    await db.insert(progressReports).values({
      actionId: fiche!.id,
      title: before,
      body: "x",
      status: "in_progress",
      progress: 20,
      createdAt: new Date(previousAt.getTime() - DAY),
    });
    await db
      .insert(progressReports)
      .values({ actionId: fiche!.id, title: after, body: "x", status: "in_progress", progress: 45, createdAt: new Date() });
    const council = await createCouncil(db);
    await insertItem(db, council.id, FICHE, { title: `Proposition ancienne ${before}`, publishedDaysAgo: 4 });
    await insertItem(db, council.id, FICHE, { title: `Proposition nouvelle ${after}`, publishedDaysAgo: 1 });
    await insertItem(db, council.id, FICHE, { status: "hidden", title: `Proposition masquée ${after}`, publishedDaysAgo: 1 });

    const meeting = await insertMeeting(db, { startsAt: new Date(Date.now() + 2 * DAY) });
    const deck = (await buildDeck(db, meeting.id, new Date(Date.now() + 1000)))!;
    const [changes] = ofKind(deck, "changes");
    expect(changes!.since).toMatchObject({ title: previous.title, startsAt: previousAt.toISOString() });
    expect(changes!.heading).toBe("Ce qui a changé depuis la dernière réunion");
    const text = JSON.stringify(changes);
    expect(text).toContain(`Proposition nouvelle ${after}`);
    expect(text).not.toContain(`Proposition ancienne ${before}`);
    expect(text).not.toContain("Proposition masquée");
    expect(changes!.proposals.total).toBeGreaterThanOrEqual(1);
    // The newest report comes first; the one before the previous meeting is not counted.
    expect(changes!.reports.items[0]).toMatchObject({ title: after, progress: 45 });
    const counted = await db
      .select({ title: progressReports.title })
      .from(progressReports)
      .where(and(gt(progressReports.createdAt, previousAt), or(isNotNull(progressReports.status), isNotNull(progressReports.progress))));
    expect(changes!.reports.total).toBe(counted.length);
    expect(counted.map((r) => r.title)).not.toContain(before);
  });
});

describe("the presenter's notes", () => {
  it("are never in a deck, a frozen deck, the public slides or the public page; the presenter view gets them by slide", async () => {
    const meeting = await meetingWithAgenda(new Date(Date.now() + 1 * DAY));
    const deck = (await buildDeck(db, meeting.id))!;
    expect(JSON.stringify(deck)).not.toContain(SECRET);
    expect(await presenterNotes(db, meeting.id, deck)).toEqual([null, null, SECRET, null, `${SECRET}-fiche`, null]);

    expect(await freezeMeeting(db, cast.actors.moderator, { meetingId: meeting.id })).toMatchObject({ ok: true });
    const presentation = await getPresentation(db, cast.actors.moderator, meeting.slug);
    if (!presentation.ok) throw new Error(presentation.message);
    expect(JSON.stringify(presentation.data.deck)).not.toContain(SECRET);
    expect(presentation.data.notes[2]).toBe(SECRET);

    const later = new Date(Date.now() + 3 * DAY);
    const publicDeck = await getPublicDeck(db, meeting.slug, later);
    expect(publicDeck).not.toBeNull();
    expect(JSON.stringify(publicDeck)).not.toContain(SECRET);
    expect(JSON.stringify(await getPublicMeeting(db, meeting.slug, later))).not.toContain(SECRET);
  });
});

describe("« état au … »", () => {
  it("a frozen deck does not change when a report is posted, the live one does; unfreezing goes back to live data", async () => {
    const meeting = await meetingWithAgenda(new Date(Date.now() + 10 * DAY));
    const frozenAt = new Date(Date.now() - 60_000);
    expect(await freezeMeeting(db, cast.actors.official, { meetingId: meeting.id }, frozenAt)).toMatchObject({ ok: true });
    const frozen = await getPresentation(db, cast.actors.official, meeting.slug);
    if (!frozen.ok) throw new Error(frozen.message);
    expect(frozen.data.frozenAt?.toISOString()).toBe(frozenAt.toISOString());
    expect(frozen.data).toMatchObject({ canUnfreeze: true, canFreeze: true });

    const title = `Point d'étape après le gel ${randomUUID()}`;
    const report = {
      actionSlug: FICHE,
      clientRequestId: randomUUID(),
      reportedOn: new Date().toISOString().slice(0, 10),
      title,
      body: "Nouveaux logements livrés.",
    };
    expect(
      await postProgressReport(db, cast.actors.moderator, { ...report, status: "in_progress", progress: 77, deadline: null }),
    ).toMatchObject({ ok: true });

    const live = (await buildDeck(db, meeting.id))!;
    expect(ofKind(live, "action")[0]).toMatchObject({ progress: 77, latestReport: { title } });
    const still = await getPresentation(db, cast.actors.official, meeting.slug);
    if (!still.ok) throw new Error(still.message);
    expect(still.data.deck).toEqual(frozen.data.deck);
    expect(JSON.stringify(still.data.deck)).not.toContain(title);

    expect(await unfreezeMeeting(db, cast.actors.official, { meetingId: meeting.id })).toMatchObject({ ok: true });
    const back = await getPresentation(db, cast.actors.official, meeting.slug);
    if (!back.ok) throw new Error(back.message);
    expect(back.data.frozenAt).toBeNull();
    expect(JSON.stringify(back.data.deck)).toContain(title);
  });

  it("the public slides exist only once the meeting has taken place, and show the snapshot when there is one", async () => {
    const meeting = await meetingWithAgenda(new Date(Date.now() + 12 * DAY));
    expect(await getPublicDeck(db, meeting.slug)).toBeNull();
    await freezeMeeting(db, cast.actors.admin, { meetingId: meeting.id });
    const after = new Date(Date.now() + 13 * DAY);
    const found = await getPublicDeck(db, meeting.slug, after);
    expect(found?.frozenAt).not.toBeNull();
    const agenda = await db.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, meeting.id));
    expect(agenda).toHaveLength(3);
    expect(found!.deck.slides).toHaveLength(6);
  });
});

describe("the number of queries", () => {
  it("a deck loads in a fixed number of queries, whatever the number of fiche and theme slides", async () => {
    const fiches = await db.select({ slug: actions.slug }).from(actions).orderBy(asc(actions.id)).limit(10);
    const themeRows = await db.select({ slug: themes.slug }).from(themes).orderBy(asc(themes.number));
    expect(fiches).toHaveLength(10);
    // Every fiche of the large deck has a supported proposal with two answers and an avis.
    const council = await createCouncil(db);
    const supporter = await createCouncil(db);
    for (const { slug } of fiches) {
      const id = await insertItem(db, council.id, slug);
      await db.insert(contributionSupports).values({ contributionId: id, councilId: supporter.id });
      for (const state of ["under_review", "accepted"] as const)
        await db
          .insert(contributionAnswers)
          .values({ contributionId: id, state, body: "Réponse.", signatureName: "Élue", clientRequestId: randomUUID() });
      await insertItem(db, council.id, slug, { kind: "feedback" });
    }
    const deckWith = async (ficheCount: number, themeCount: number, daysAhead: number) => {
      const result = await createMeeting(db, cast.actors.official, {
        title: `Réunion ${randomUUID().slice(0, 6)}`,
        date: new Date(Date.now() + daysAhead * DAY).toISOString().slice(0, 10),
        time: "18:00",
        place: "Salle du conseil municipal",
        agenda: [
          { ref: "", label: "Ouverture", notes: "" },
          ...themeRows.slice(0, themeCount).map((t) => ({ ref: `theme:${t.slug}`, label: "", notes: "" })),
          ...fiches.slice(0, ficheCount).map((f) => ({ ref: `action:${f.slug}`, label: "", notes: "" })),
        ],
      });
      if (!result.ok) throw new Error(result.message);
      const { result: deck, queries } = await countQueries(() => buildDeck(db, result.data.id));
      expect(ofKind(deck!, "action")).toHaveLength(ficheCount);
      expect(ofKind(deck!, "theme")).toHaveLength(themeCount);
      return queries;
    };
    const small = await deckWith(2, 1, 60);
    const large = await deckWith(10, 5, 61);
    expect(large).toBe(small);
    // Before issue 10: 9 + 4 per fiche slide (5 when it had proposals) + 2 per theme slide, so 21
    // here and 69 for the large deck. Now: the meeting, the previous one and the agenda (3), the
    // « what changed » slide (6), the themes (2) and the fiches (5), each kind in one batch.
    expect(small).toBe(16);
  });
});

describe("a frozen deck never shows what is not published now", () => {
  it("freeze → hide: the title, the council and the answer are gone from every deck view, for every role; the hiding journals the deck", async () => {
    const marker = randomUUID().slice(0, 8);
    const council = await createCouncil(db, { name: `Conseil gelé ${marker}` });
    const supporters = await Promise.all([1, 2, 3, 4].map(() => createCouncil(db)));
    const id = await insertItem(db, council.id, FICHE, { title: `Proposition gelée ${marker}`, publishedDaysAgo: 1 });
    for (const supporter of supporters) await db.insert(contributionSupports).values({ contributionId: id, councilId: supporter.id });
    await db.insert(contributionAnswers).values({
      contributionId: id,
      state: "accepted",
      body: `Réponse gelée ${marker}`,
      signatureName: "Élue",
      clientRequestId: randomUUID(),
    });
    const secrets = [`Proposition gelée ${marker}`, council.name, `Réponse gelée ${marker}`];

    const meeting = await meetingWithAgenda(new Date(Date.now() + 2 * DAY));
    expect(await freezeMeeting(db, cast.actors.official, { meetingId: meeting.id })).toMatchObject({ ok: true });
    const before = await getPresentation(db, cast.actors.official, meeting.slug);
    expect(before.ok).toBe(true);
    if (!before.ok) return;
    for (const secret of secrets) expect(JSON.stringify(before.data.deck)).toContain(secret);

    expect(
      await hideContribution(db, cast.actors.moderator, {
        id,
        reason: "Propos injurieux envers une personne nommée.",
        templateId: null,
        fromReports: false,
      }),
    ).toMatchObject({ ok: true });
    const journal = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "meeting.snapshot.withdraw"), eq(auditLog.targetId, String(meeting.id))));
    expect(journal).toHaveLength(1);
    expect(journal[0]).toMatchObject({ actorUserId: cast.userIds.moderator, details: { contributionId: id } });

    for (const role of ["official", "moderator", "admin"] as const) {
      const view = await getPresentation(db, cast.actors[role], meeting.slug);
      expect(view.ok).toBe(true);
      if (!view.ok) return;
      expect(view.data.frozenAt).not.toBeNull();
      for (const secret of secrets) expect(JSON.stringify(view.data)).not.toContain(secret);
    }
    // The public slides, after the meeting day (when the snapshot can no longer be frozen again).
    const publicDeck = await getPublicDeck(db, meeting.slug, new Date(Date.now() + 5 * DAY));
    expect(publicDeck?.frozenAt).not.toBeNull();
    for (const secret of secrets) expect(JSON.stringify(publicDeck)).not.toContain(secret);
  });
});
