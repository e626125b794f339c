import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction, createCouncil } from "@/db/factories";
import { contributions } from "@/db/schema";
import { loadDashboard, lastTwelveMonths } from "@/server/dashboard/load-dashboard";
import { createCast, matrixRoles, type Cast } from "../support/actors";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
beforeAll(async () => {
  testDb = await createTestDatabase("dashboard");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
});
afterAll(() => testDb.drop());

const DAY = 24 * 3600 * 1000;

async function item(
  councilId: number,
  actionId: number,
  kind: "feedback" | "proposal",
  status: "published" | "pending" | "hidden",
  publishedDaysAgo: number,
  answeredAfterDays?: number,
  dueInDays = 60,
) {
  const publishedAt = new Date(Date.now() - publishedDaysAgo * DAY);
  await db.insert(contributions).values({
    councilId,
    actionId,
    kind,
    position: kind === "feedback" ? "favorable" : null,
    title: kind === "proposal" ? `Proposition ${randomUUID()}` : null,
    body: "Texte de test du tableau de bord.",
    status,
    publishedAt: status === "pending" ? null : publishedAt,
    submittedAt: publishedAt,
    hiddenAt: status === "hidden" ? new Date() : null,
    hiddenReason: status === "hidden" ? "Raison" : null,
    answerDueAt: kind === "proposal" && status !== "pending" ? new Date(publishedAt.getTime() + dueInDays * DAY) : null,
    firstAnsweredAt: answeredAfterDays === undefined ? null : new Date(publishedAt.getTime() + answeredAfterDays * DAY),
    clientRequestId: randomUUID(),
  });
}

describe("the officials' dashboard", () => {
  it("is for officials, moderators and admins only — also when they are members of a council", async () => {
    for (const role of matrixRoles) {
      const result = await loadDashboard(db, cast.actors[role]);
      expect(result.ok, role).toBe(["moderator", "official", "admin", "moderatorOfA", "officialOfA"].includes(role));
    }
  });

  it("counts published items only, by council and by theme, with answered / waiting / late and the median", async () => {
    const council = await createCouncil(db);
    const fiche = await createAction(db, { themeSlug: "gouvernance", status: "in_progress" });
    await item(council.id, fiche.id, "feedback", "published", 3);
    await item(council.id, fiche.id, "proposal", "published", 100, 4); // answered after 4 days
    await item(council.id, fiche.id, "proposal", "published", 90, 10); // answered after 10 days
    await item(council.id, fiche.id, "proposal", "published", 80); // late (due 60 days after)
    await item(council.id, fiche.id, "proposal", "published", 5); // waiting
    await item(council.id, fiche.id, "proposal", "pending", 1); // never counted
    await item(council.id, fiche.id, "proposal", "hidden", 70); // never counted (would be late)
    const result = await loadDashboard(db, cast.actors.official);
    if (!result.ok) throw new Error(result.message);
    const row = result.data.councils.find((c) => c.key === `conseil-${council.slug}`)!;
    expect(row).toMatchObject({ feedback: 1, proposals: 4, answers: { answered: 2, waiting: 1, late: 1, medianDays: 7 } });
    const theme = result.data.themes.find((t) => t.href === "/thematiques/gouvernance")!;
    expect(theme.proposals).toBeGreaterThanOrEqual(4);
    expect(theme.statuses!.in_progress).toBeGreaterThanOrEqual(1);
    // Months: the last twelve, and the recent items fall in the current one.
    expect(result.data.months.map((m) => m.month)).toEqual(lastTwelveMonths(new Date()));
    const recent = result.data.months.reduce((sum, m) => sum + m.feedback + m.proposals, 0);
    expect(recent).toBeGreaterThanOrEqual(5);
    // Per month for this council: the feedback (3 days ago) and the waiting proposal (5 days ago)
    // in the last one or two months; the 80–100 day old ones three or four months back; never pending or hidden.
    expect(row.perMonth).toHaveLength(12);
    expect(row.perMonth.reduce((a, b) => a + b, 0)).toBe(5);
    expect(row.perMonth.slice(-2).reduce((a, b) => a + b, 0)).toBe(2);
  });
});

describe("lastTwelveMonths", () => {
  it("ends with the current month in the City's time zone and crosses years", () => {
    const months = lastTwelveMonths(new Date("2027-02-15T12:00:00Z"));
    expect(months[0]).toBe("2026-03");
    expect(months.at(-1)).toBe("2027-02");
    expect(lastTwelveMonths(new Date("2026-12-31T23:30:00Z")).at(-1)).toBe("2027-01");
  });
});
