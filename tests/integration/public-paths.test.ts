import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction, createCouncil, createMeeting } from "@/db/factories";
import { actionThemes, contributions, themes } from "@/db/schema";
import { COUNCIL_PAGES_ROUTE, FICHE_PAGES_ROUTE, publicPathsOf } from "@/server/public-paths";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/*
 * Which cached public pages a write refreshes (server/public-paths.ts → server/cache.ts): the
 * pages that show the change, and not one page of another fiche, theme or council. The browser
 * test e2e/cache/refresh.spec.ts proves the same on the served pages (x-nextjs-cache).
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
beforeAll(async () => {
  testDb = await createTestDatabase("public_paths");
  database = await testDb.openPrepared({ demo: true });
  db = database.db;
});
afterAll(() => testDb.drop());

async function published(councilId: number, actionId: number, n: number, status: "published" | "hidden" = "published") {
  const rows = await db
    .insert(contributions)
    .values(
      Array.from({ length: n }, () => ({
        councilId,
        actionId,
        kind: "feedback" as const,
        position: "favorable" as const,
        body: `Avis de test ${randomUUID()}`,
        status,
        clientRequestId: randomUUID(),
        submittedAt: new Date(),
        publishedAt: new Date(),
        ...(status === "hidden" ? { hiddenAt: new Date(), hiddenReason: "Raison de test" } : {}),
      })),
    )
    .returning({ id: contributions.id });
  return rows.map((r) => r.id);
}

/** The paths outside /reunions (the meetings are checked apart: the demo seed has its own). */
const outsideMeetings = (paths: string[]) => paths.filter((p) => !p.startsWith("/reunions/"));

describe("the public pages a write refreshes", () => {
  it("a contribution on fiche A: A and all its pages, A's themes, its council and all its pages, the home page, their feeds, past slides — not fiche B", async () => {
    const a = await createAction(db, { themeSlug: "gouvernance" });
    // Fiche A belongs to two themes (as one fiche of the source does).
    const [second] = await db.select({ id: themes.id }).from(themes).where(eq(themes.slug, "habitat-cadre-de-vie"));
    await db.insert(actionThemes).values({ actionId: a.id, themeId: second!.id, position: 101 });
    const b = await createAction(db, { themeSlug: "petite-enfance-enfance-jeunesse" });
    const k = await createCouncil(db);
    const other = await createCouncil(db);
    // 12 published on A by K: two pages, and the third named too (a removal empties it, a publication may fill it).
    const [first] = await published(k.id, a.id, 12);
    await published(other.id, b.id, 3);
    const past = await createMeeting(db, { startsAt: new Date(Date.now() - 86_400_000) });
    const future = await createMeeting(db, { startsAt: new Date(Date.now() + 86_400_000) });

    const found = await publicPathsOf(db, { contributionIds: [first!] });
    expect(found.routes).toEqual([]);
    expect(outsideMeetings(found.paths)).toEqual(
      [
        "/",
        "/flux.atom",
        "/plan",
        `/conseils/${k.slug}`,
        `/conseils/${k.slug}/contributions/1`,
        `/conseils/${k.slug}/contributions/2`,
        `/conseils/${k.slug}/contributions/3`,
        `/conseils/${k.slug}/flux.atom`,
        `/fiches/${a.slug}`,
        `/fiches/${a.slug}/gros-caracteres`,
        `/fiches/${a.slug}/contributions/1`,
        `/fiches/${a.slug}/contributions/2`,
        `/fiches/${a.slug}/contributions/3`,
        `/fiches/${a.slug}/flux.atom`,
        "/thematiques/gouvernance",
        "/thematiques/gouvernance/flux.atom",
        "/thematiques/habitat-cadre-de-vie",
        "/thematiques/habitat-cadre-de-vie/flux.atom",
        // The open data files made of contributions, and their page.
        "/donnees",
      ].sort(),
    );
    expect(found.openData).toEqual(["contributions", "reponses", "soutiens"]);
    // Not the calendar of deadlines: a contribution changes no deadline.
    expect(found.paths).not.toContain("/echeances.ics");
    // The public slides exist once a meeting has taken place: a live deck counts published items.
    expect(found.paths).toContain(`/reunions/${past.slug}/diaporama`);
    expect(found.paths).not.toContain(`/reunions/${future.slug}/diaporama`);
    const text = found.paths.join(" ");
    for (const untouched of [b.slug, other.slug, "petite-enfance-enfance-jeunesse"]) expect(text).not.toContain(untouched);
  });

  it("a hidden contribution refreshes the pages that showed it; the page count follows what stays published", async () => {
    const a = await createAction(db, { themeSlug: "gouvernance" });
    const k = await createCouncil(db);
    await published(k.id, a.id, 10);
    const [hidden] = await published(k.id, a.id, 1, "hidden");
    const { paths } = await publicPathsOf(db, { contributionIds: [hidden!] });
    // 10 published: one page, and page 2, which held the hidden one.
    expect(paths.filter((p) => p.startsWith(`/fiches/${a.slug}`))).toEqual([
      `/fiches/${a.slug}`,
      `/fiches/${a.slug}/contributions/1`,
      `/fiches/${a.slug}/contributions/2`,
      `/fiches/${a.slug}/flux.atom`,
      `/fiches/${a.slug}/gros-caracteres`,
    ]);
    expect(paths).toContain(`/conseils/${k.slug}/flux.atom`);
    expect(paths).toContain(`/conseils/${k.slug}/contributions/2`);
    expect(paths).not.toContain(`/conseils/${k.slug}/contributions/3`);
  });

  it("a progress report: the fiche, its themes, the home page and « Le plan », their feeds, the deadlines' calendar, past slides and the fiches' open data — no list of contributions, no council", async () => {
    const a = await createAction(db, { themeSlug: "animation-territoriale" });
    const { paths, routes, openData } = await publicPathsOf(db, { actionSlugs: [a.slug] });
    expect(routes).toEqual([]);
    expect(outsideMeetings(paths)).toEqual(
      [
        "/",
        "/donnees",
        "/echeances.ics",
        "/flux.atom",
        "/plan",
        `/fiches/${a.slug}`,
        `/fiches/${a.slug}/flux.atom`,
        `/fiches/${a.slug}/gros-caracteres`,
        "/thematiques/animation-territoriale",
        "/thematiques/animation-territoriale/flux.atom",
      ].sort(),
    );
    expect(openData).toEqual(["fiches", "points-etape", "changements-echeance"]);
    expect(paths.some((p) => p.startsWith("/reunions/") && p.endsWith("/diaporama"))).toBe(true);
  });

  it("a council's members: its public page only", async () => {
    const k = await createCouncil(db);
    expect(await publicPathsOf(db, { councilIds: [k.id] })).toEqual({
      paths: [`/conseils/${k.slug}`],
      routes: [],
      layouts: [],
      openData: [],
    });
    expect(await publicPathsOf(db, { councilSlugs: [k.slug] })).toEqual({
      paths: [`/conseils/${k.slug}`],
      routes: [],
      layouts: [],
      openData: [],
    });
  });

  it("past 50 pages, a list is refreshed by its route (every fiche's or council's further pages), not page by page", async () => {
    const a = await createAction(db, { themeSlug: "gouvernance" });
    const k = await createCouncil(db);
    const [first] = await published(k.id, a.id, 500);
    const { paths, routes } = await publicPathsOf(db, { contributionIds: [first!] });
    expect(routes).toEqual([COUNCIL_PAGES_ROUTE, FICHE_PAGES_ROUTE].sort());
    expect(paths).toContain(`/fiches/${a.slug}`);
    expect(paths).toContain(`/conseils/${k.slug}`);
    expect(paths.filter((p) => p.includes("/contributions/"))).toEqual([]);
  });

  it("nothing to refresh for an unknown contribution or an empty change", async () => {
    const nothing = { paths: [], routes: [], layouts: [], openData: [] };
    expect(await publicPathsOf(db, { contributionIds: [2_000_000_000] })).toEqual(nothing);
    expect(await publicPathsOf(db, { actionSlugs: ["fiche-inconnue"] })).toEqual(nothing);
    expect(await publicPathsOf(db, {})).toEqual(nothing);
    // A moderation event: the register's page, its earlier windows and their CSV files, and nothing else.
    expect(await publicPathsOf(db, { register: true })).toEqual({ ...nothing, layouts: ["/moderation/registre"] });
  });
});
