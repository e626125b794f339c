import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction, createCouncil } from "@/db/factories";
import { contributions } from "@/db/schema";
import { countQueries } from "@/db/query-count";
import { loadDashboard, lastTwelveMonths, type DashboardRow } from "@/server/dashboard/load-dashboard";
import { createCast, matrixRoles, type Cast } from "../support/actors";
import { medianOf } from "../support/median";
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

describe("the dashboard's SQL figures", () => {
  it("equal the same figures counted one item at a time, and take the same number of queries at any volume", async () => {
    const councilsUsed = [await createCouncil(db), await createCouncil(db)];
    const fiche = await createAction(db, { themeSlug: "gouvernance" });
    const before = await countQueries(() => loadDashboard(db, cast.actors.official));
    // Deterministic spread: kinds, ages over 15 months, answered or not, due dates passed or not.
    const made: {
      council: number;
      kind: "feedback" | "proposal";
      daysAgo: number;
      answeredAfter?: number;
      dueIn: number;
      status: "published" | "hidden";
    }[] = [];
    for (let i = 0; i < 48; i++) {
      const entry = {
        council: councilsUsed[i % 2]!.id,
        kind: i % 3 === 0 ? ("feedback" as const) : ("proposal" as const),
        daysAgo: 2 + ((i * 37) % 450),
        answeredAfter: i % 4 === 0 ? 1 + (i % 9) : undefined,
        dueIn: i % 5 === 0 ? 10 : 500,
        status: i % 11 === 0 ? ("hidden" as const) : ("published" as const),
      };
      made.push(entry);
      await item(entry.council, fiche.id, entry.kind, entry.status, entry.daysAgo, entry.answeredAfter, entry.dueIn);
    }
    const { result, queries } = await countQueries(() => loadDashboard(db, cast.actors.official));
    expect(queries).toBe(before.queries);
    if (!result.ok) throw new Error(result.message);
    const months = lastTwelveMonths(new Date());
    const monthOf = (daysAgo: number) =>
      new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit" }).format(
        new Date(Date.now() - daysAgo * DAY),
      );
    for (const council of councilsUsed) {
      const mine = made.filter((m) => m.council === council.id && m.status === "published");
      const proposals = mine.filter((m) => m.kind === "proposal");
      const answered = proposals.filter((m) => m.answeredAfter !== undefined);
      const late = proposals.filter((m) => m.answeredAfter === undefined && m.daysAgo > m.dueIn);
      const medianDays = medianOf(answered.map((m) => m.answeredAfter!));
      const row = result.data.councils.find((c) => c.key === `conseil-${council.slug}`)!;
      expect(row.feedback).toBe(mine.length - proposals.length);
      expect(row.proposals).toBe(proposals.length);
      expect(row.answers.answered).toBe(answered.length);
      expect(row.answers.late).toBe(late.length);
      expect(row.answers.waiting).toBe(proposals.length - answered.length - late.length);
      expect(row.answers.medianDays).toBeCloseTo(medianDays!, 6);
      expect(row.perMonth).toEqual(months.map((m) => mine.filter((x) => monthOf(x.daysAgo) === m).length));
    }
    // The totals are the councils' sums (the other tests' items included).
    const sum = (pick: (r: DashboardRow) => number) => result.data.councils.reduce((n, r) => n + pick(r), 0);
    expect(result.data.total.feedback).toBe(sum((r) => r.feedback));
    expect(result.data.total.proposals).toBe(sum((r) => r.proposals));
    expect(result.data.months.map((m) => m.feedback + m.proposals)).toEqual(
      months.map((_, i) => result.data.councils.reduce((n, r) => n + r.perMonth[i]!, 0)),
    );
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
