import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction } from "@/db/factories";
import { contributionComments, contributions } from "@/db/schema";
import {
  COMMENTS_SHOWN,
  GROUP_PAGE_SIZE,
  listCouncilContributions,
  OVERVIEW_SIZE,
  type CouncilContributionGroup,
} from "@/server/contributions/list-council-contributions";
import { countQueries } from "@/db/query-count";
import { createCast, type Cast } from "../support/actors";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/*
 * A council's own list stays bounded whatever the council has written (issue 15: a council's
 * space sent 77.6 MB at 100,000 contributions): the overview shows each section's total and its
 * newest items, one section is read page by page (keyset), every item exactly once, newest first.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
const made: Record<CouncilContributionGroup, number[]> = { brouillons: [], "en-attente": [], refusees: [], publiees: [] };

beforeAll(async () => {
  testDb = await createTestDatabase("council_list");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
  const action = await createAction(db);
  // Many items, several with the very same creation time (the keyset must still take each once).
  const plan: [CouncilContributionGroup, "draft" | "pending" | "rejected" | "published" | "hidden", number][] = [
    ["brouillons", "draft", 57],
    ["en-attente", "pending", 3],
    ["publiees", "published", 70],
    ["publiees", "hidden", 4],
  ];
  const base = Date.parse("2026-01-01T00:00:00Z");
  let n = 0;
  for (const [group, status, count] of plan) {
    const rows = Array.from({ length: count }, () => {
      n++;
      return {
        councilId: cast.councilA.id,
        actionId: action.id,
        kind: "feedback" as const,
        position: "favorable" as const,
        body: `Avis ${status} ${n}`,
        status,
        authorId: cast.userIds.memberOfA,
        clientRequestId: randomUUID(),
        createdAt: new Date(base + Math.floor(n / 3) * 60_000),
        publishedAt: status === "published" || status === "hidden" ? new Date(base) : null,
        hiddenAt: status === "hidden" ? new Date(base) : null,
        hiddenReason: status === "hidden" ? "Masqué pour le test." : null,
      };
    });
    const inserted = await db.insert(contributions).values(rows).returning({ id: contributions.id });
    made[group].push(...inserted.map((r) => r.id));
  }
});
afterAll(() => testDb.drop());

describe("a council's contributions", () => {
  it("overview: every section's total, and at most its newest items", async () => {
    const result = await listCouncilContributions(db, cast.actors.memberOfA, cast.councilA.slug);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const bySection = Object.fromEntries(result.data.sections.map((s) => [s.group, s]));
    expect(result.data.sections.map((s) => [s.group, s.total])).toEqual([
      ["brouillons", 57],
      ["en-attente", 3],
      ["refusees", 0],
      ["publiees", 74],
    ]);
    expect(bySection.brouillons!.items).toHaveLength(OVERVIEW_SIZE);
    expect(bySection["en-attente"]!.items).toHaveLength(3);
    expect(bySection.refusees!.items).toHaveLength(0);
    expect(bySection.publiees!.items).toHaveLength(OVERVIEW_SIZE);
    // Newest first: the last made of each section leads it.
    expect(bySection.brouillons!.items[0]!.id).toBe(Math.max(...made.brouillons));
  });

  it("one section, page by page: each item once, newest first, pages never larger than the bound", async () => {
    for (const group of ["brouillons", "publiees"] as const) {
      const seen: number[] = [];
      let before: number | null = null;
      let pages = 0;
      do {
        const result = await listCouncilContributions(db, cast.actors.memberOfA, cast.councilA.slug, { group, before });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.data.sections.map((s) => s.group)).toEqual([group]);
        const [section] = result.data.sections;
        expect(section!.items.length).toBeLessThanOrEqual(GROUP_PAGE_SIZE);
        seen.push(...section!.items.map((i) => i.id));
        before = section!.nextBefore;
        pages++;
      } while (before !== null && pages < 20);
      expect(seen).toHaveLength(made[group].length);
      expect(new Set(seen)).toEqual(new Set(made[group]));
      expect(pages).toBe(Math.ceil(made[group].length / GROUP_PAGE_SIZE));
    }
  });

  it("a cursor from another council gives nothing of this one's", async () => {
    const result = await listCouncilContributions(db, cast.actors.memberOfA, cast.councilA.slug, { group: "publiees", before: 2_000_000 });
    expect(result.ok && result.data.sections[0]!.items).toEqual([]);
  });

  it("a draft shows its latest comments only, oldest of them first, and how many it has in all", async () => {
    // The two newest drafts: both on the section's first page.
    const [newest, other] = [...made.brouillons].sort((a, b) => b - a) as [number, number];
    const base = Date.parse("2026-02-01T00:00:00Z");
    const total = COMMENTS_SHOWN + 5;
    await db.insert(contributionComments).values([
      ...Array.from({ length: total }, (_, i) => ({
        contributionId: newest,
        authorId: cast.userIds.memberOfA,
        body: `Commentaire ${i + 1}`,
        createdAt: new Date(base + i * 60_000),
      })),
      { contributionId: other, authorId: cast.userIds.memberOfA, body: "Seul commentaire", createdAt: new Date(base) },
    ]);
    const result = await listCouncilContributions(db, cast.actors.memberOfA, cast.councilA.slug, { group: "brouillons" });
    if (!result.ok) throw new Error(result.message);
    const items = result.data.sections[0]!.items;
    const discussed = items.find((i) => i.id === newest)!;
    expect(discussed.commentCount).toBe(total);
    expect(discussed.comments.map((c) => c.body)).toEqual(Array.from({ length: COMMENTS_SHOWN }, (_, i) => `Commentaire ${i + 6}`));
    const quiet = items.find((i) => i.id === other)!;
    expect([quiet.commentCount, quiet.comments.map((c) => c.body)]).toEqual([1, ["Seul commentaire"]]);
    const silent = items.find((i) => i.id !== newest && i.id !== other)!;
    expect([silent.commentCount, silent.comments]).toEqual([0, []]);
  });

  it("the same number of queries at 3 items as at 74", async () => {
    const counted = async (group: CouncilContributionGroup) =>
      (await countQueries(() => listCouncilContributions(db, cast.actors.memberOfA, cast.councilA.slug, { group }))).queries;
    expect(await counted("publiees")).toBe(await counted("en-attente"));
  });
});
