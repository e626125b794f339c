import { eq, isNotNull, or } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction, createCouncil, createMeeting } from "@/db/factories";
import { actions, councils, meetingAgendaItems } from "@/db/schema";
import { FIXED_PUBLIC_PAGES, isCrawlable } from "@/lib/crawl";
import { buildDeadlinesCalendar } from "@/server/calendars/build-deadlines-calendar";
import { buildMeetingCalendar } from "@/server/calendars/build-meeting-calendar";
import { buildMeetingsCalendar } from "@/server/calendars/build-meetings-calendar";
import { MEETING_HOURS } from "@/server/calendars/meeting-event";
import { listSitemapPaths } from "@/server/sitemap/list-sitemap-paths";
import { parseIcs } from "../support/feed-parsers";
import { insertItem } from "./answers-helpers";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/*
 * The calendars (public meetings, one meeting, the fiches' deadlines) parsed by a real iCalendar
 * parser, and the sitemap's list: what they carry, and what they never do (the presenter's notes,
 * an archived council, a signed-in page).
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
beforeAll(async () => {
  testDb = await createTestDatabase("calendars");
  database = await testDb.openPrepared({ demo: true });
  db = database.db;
});
afterAll(() => testDb.drop());

const ORIGIN = "https://social.aurillac.test";
const HOUR = 3_600_000;
const PLACE = "Salle Jean-Baptiste Veyre, 1er étage; entrée \\ côté cour\nAurillac";

async function meetingWithAgenda(startsAt: Date, secret: string, overrides: { isDemo?: boolean } = {}) {
  const meeting = await createMeeting(db, { startsAt, place: PLACE, title: `Restitution, « bilan »; ${secret.slice(0, 6)}`, ...overrides });
  await db.insert(meetingAgendaItems).values([
    { meetingId: meeting.id, position: 0, label: "Accueil, présentation", notes: `${secret} : ne jamais publier` },
    { meetingId: meeting.id, position: 1, label: "Questions de la salle" },
  ]);
  return meeting;
}

describe("calendars", () => {
  it("the meetings' calendar: every public meeting with its place, agenda labels and page; never the presenter's notes", async () => {
    const secret = `NOTES-SECRETES-${Date.now()}`;
    const startsAt = new Date(Date.now() + 10 * 24 * HOUR);
    startsAt.setUTCSeconds(0, 0);
    const coming = await meetingWithAgenda(startsAt, secret);
    const past = await meetingWithAgenda(new Date(Date.now() - 30 * 24 * HOUR), secret, { isDemo: true });

    const text = await buildMeetingsCalendar(db, ORIGIN);
    expect(text).not.toContain(secret);
    const calendar = parseIcs(text);
    expect(calendar.version).toBe("2.0");
    expect(calendar.name).toBe("Réunions publiques — Projet social communal — Ville d'Aurillac");
    const event = calendar.events.find((e) => e.uid === `reunion-${coming.id}@social.aurillac.test`)!;
    expect(event).toMatchObject({
      summary: coming.title,
      location: PLACE,
      url: `${ORIGIN}/reunions/${coming.slug}`,
      start: startsAt,
      end: new Date(startsAt.getTime() + MEETING_HOURS * HOUR),
      stamp: new Date(Math.floor(coming.updatedAt.getTime() / 1000) * 1000),
    });
    expect(event.description).toContain("Ordre du jour :\n1. Accueil, présentation\n2. Questions de la salle");
    expect(event.description).toContain(`L'heure de fin n'est pas annoncée`);
    const demo = calendar.events.find((e) => e.uid === `reunion-${past.id}@social.aurillac.test`)!;
    expect(demo.summary).toBe(`${past.title} (démonstration)`);
    expect(demo.description).toContain("ce n'est pas un vrai rendez-vous");

    const single = await buildMeetingCalendar(db, coming.slug, ORIGIN);
    expect(single).not.toContain(secret);
    const one = parseIcs(single!);
    expect(one.events).toHaveLength(1);
    expect(one.events[0]).toEqual(event);
    expect(await buildMeetingCalendar(db, "reunion-inconnue", ORIGIN)).toBeNull();
  });

  it("the deadlines' calendar: each fiche's current deadline as an all-day event, the original one named when it changed", async () => {
    const original = await createAction(db, { timeframeLabel: "2018/2019", timeframeEndYear: 2019 });
    const moved = await createAction(db, {
      timeframeLabel: "jusqu'en 2018",
      timeframeEndYear: 2018,
      currentTimeframeLabel: "premier semestre 2027",
      deadline: "2027-06-30",
      status: "in_progress",
    });
    const undated = await createAction(db, { timeframeLabel: null, timeframeEndYear: null });
    const calendar = parseIcs(await buildDeadlinesCalendar(db, ORIGIN));
    const uid = (id: number) => `echeance-${id}@social.aurillac.test`;
    expect(calendar.events.find((e) => e.uid === uid(original.id))).toMatchObject({
      summary: `Échéance : ${original.title}`,
      startDate: "2019-12-31",
      endDate: "2020-01-01",
      url: `${ORIGIN}/fiches/${original.slug}`,
    });
    const movedEvent = calendar.events.find((e) => e.uid === uid(moved.id))!;
    expect(movedEvent).toMatchObject({ startDate: "2027-06-30", endDate: "2027-07-01" });
    expect(movedEvent.description).toContain("échéance « premier semestre 2027 » (jusqu'au 30 juin 2027)");
    expect(movedEvent.description).toContain("Échéance d'origine : « jusqu'en 2018 » (31 décembre 2018)");
    expect(movedEvent.description).toContain("Statut : En cours.");
    expect(calendar.events.some((e) => e.uid === uid(undated.id))).toBe(false);
    // Every fiche with a time frame (the source plan's too), each once.
    const dated = await db
      .select({ id: actions.id })
      .from(actions)
      .where(or(isNotNull(actions.deadline), isNotNull(actions.timeframeEndYear)));
    expect(calendar.events.map((e) => e.uid).sort()).toEqual(dated.map((a) => uid(a.id)).sort());
  });

  it("the same data gives the same bytes (DTSTAMP is each item's last change, not the time of the request)", async () => {
    const first = [await buildMeetingsCalendar(db, ORIGIN), await buildDeadlinesCalendar(db, ORIGIN)];
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect([await buildMeetingsCalendar(db, ORIGIN), await buildDeadlinesCalendar(db, ORIGIN)]).toEqual(first);
  });
});

describe("leaks", () => {
  it("no calendar nor the sitemap carries anything of a draft, pending, rejected or hidden contribution, nor a presenter's note", async () => {
    const fiche = await createAction(db, { themeSlug: "gouvernance", timeframeEndYear: 2030, timeframeLabel: "2030" });
    const council = await createCouncil(db);
    const secrets: string[] = [];
    for (const status of ["draft", "pending", "rejected", "hidden"] as const) {
      const marker = `SECRET-${status}-${Date.now()}`;
      secrets.push(marker);
      await insertItem(db, council.id, fiche.slug, { status, title: `${marker} titre`, body: `${marker} texte` });
    }
    const notes = `NOTES-${Date.now()}`;
    const meeting = await meetingWithAgenda(new Date(Date.now() + 24 * HOUR), notes);
    const outputs = {
      meetings: await buildMeetingsCalendar(db, ORIGIN),
      meeting: await buildMeetingCalendar(db, meeting.slug, ORIGIN),
      deadlines: await buildDeadlinesCalendar(db, ORIGIN),
      sitemap: JSON.stringify(await listSitemapPaths(db)),
    };
    expect(outputs.deadlines).toContain(`echeance-${fiche.id}@`);
    for (const [name, output] of Object.entries(outputs))
      for (const secret of [...secrets, notes, "SECRET-", "Raison de refus de test", "Raison de masquage de test"])
        expect(output, `${name} : ${secret}`).not.toContain(secret);
  });
});

describe("sitemap", () => {
  it("every public page, and only public pages: themes, fiches, councils not archived, meetings and past meetings' slides", async () => {
    const fiche = await createAction(db, { themeSlug: "gouvernance" });
    const council = await createCouncil(db);
    const archived = await createCouncil(db);
    await db.update(councils).set({ archivedAt: new Date() }).where(eq(councils.id, archived.id));
    const now = new Date();
    const coming = await createMeeting(db, { startsAt: new Date(now.getTime() + 24 * HOUR) });
    const past = await createMeeting(db, { startsAt: new Date(now.getTime() - 24 * HOUR) });

    const paths = await listSitemapPaths(db, now);
    for (const expected of [
      ...FIXED_PUBLIC_PAGES,
      "/thematiques/gouvernance",
      `/fiches/${fiche.slug}`,
      `/conseils/${council.slug}`,
      `/reunions/${coming.slug}`,
      `/reunions/${past.slug}`,
      `/reunions/${past.slug}/diaporama`,
    ])
      expect(paths).toContain(expected);
    expect(paths).not.toContain(`/conseils/${archived.slug}`);
    expect(paths).not.toContain(`/reunions/${coming.slug}/diaporama`);
    expect(new Set(paths).size).toBe(paths.length);
    for (const path of paths) expect(isCrawlable(path), path).toBe(true);
  });
});
