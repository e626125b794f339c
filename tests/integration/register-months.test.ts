import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction, createCouncil } from "@/db/factories";
import { countQueries } from "@/db/query-count";
import { auditLog, contributionReports, contributions, moderationReasonTemplates, registerMonths } from "@/db/schema";
import { OTHER_REASON, type RegisterMonth } from "@/lib/moderation-register";
import { addMonths, cityMonth } from "@/lib/months";
import { loadModerationRegister, type ModerationRegister } from "@/server/moderation/load-register";
import { createUser } from "../support/actors";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/*
 * register_months (docs/decisions/0030-register-months.md): the months that are over are counted
 * once and read from their snapshot afterwards. On a year of decisions, hidings, reports and
 * answers written straight into the tables (months of Aurillac's time, items decided in the month
 * after their submission, a template archived after use, one that no longer exists), every window
 * read from snapshots frozen month by month is the register counted from the rows in one go — as
 * the register was before snapshots — and both are the figures counted here by hand.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** « now »: the data runs from January to December 2026; the windows end from January 2026 to June 2027. */
const NOW = new Date("2027-06-15T10:00:00Z");
const ENDS = Array.from({ length: 18 }, (_, i) => addMonths("2026-01", i));
const ARCHIVED_LABEL = "Motif du registre, archivé après usage";
const GONE_TEMPLATE = 999_999;

type Outcome = "published" | "hidden" | "rejected";
interface Report {
  at: Date;
  resolvedAt: Date | null;
}
interface Item {
  id: number;
  kind: "feedback" | "proposal";
  submissions: Date[];
  decidedAt: Date;
  outcome: Outcome;
  template: number | null;
  /** Hidden by a moderator, or by its reports (then kept hidden by a moderator, who resolves them). */
  hiddenAt: Date | null;
  byReports: boolean;
  dueAt: Date | null;
  answeredAt: Date | null;
  reports: Report[];
}
const items: Item[] = [];
/** The template ids: two offered today, one archived after its refusals. */
let offered: number[];
let archived: number;

const at = (ms: number) => new Date(ms);

/** A year of moderation, varied by a counter: the same data on every run. */
function plan(): Omit<Item, "id">[] {
  const out: Omit<Item, "id">[] = [];
  let j = 0;
  for (let k = 0; k < 12; k++) {
    for (let i = 0; i < 3 + (k % 3); i++, j++) {
      const submitted = Date.UTC(2026, k, 1 + 6 * i, (j * 7) % 24, (j * 13) % 60);
      const decided = submitted + ((j * 37) % 200) * HOUR + 60_000;
      const outcome: Outcome = (["published", "published", "hidden", "rejected", "rejected"] as const)[j % 5]!;
      const template =
        outcome !== "rejected"
          ? null
          : [offered[0]!, k >= 1 && k <= 3 ? archived : offered[1]!, null, GONE_TEMPLATE][Math.floor(j / 5) % 4]!;
      const kind = j % 3 === 0 ? "proposal" : "feedback";
      const byReports = outcome === "hidden" && j % 2 === 0;
      const hiddenAt = outcome === "hidden" ? at(decided + (2 + (j % 9)) * DAY) : null;
      const reports: Report[] = byReports
        ? [1, 2, 3].map((n) => ({ at: at(decided + n * HOUR), resolvedAt: hiddenAt }))
        : outcome === "hidden"
          ? [{ at: at(decided + HOUR), resolvedAt: hiddenAt }]
          : outcome === "published" && j % 4 === 1
            ? [{ at: at(decided + 3 * DAY), resolvedAt: j % 8 === 1 ? null : at(decided + 40 * DAY) }]
            : [];
      const answered = kind === "proposal" && outcome !== "rejected" && j % 2 === 0;
      out.push({
        kind,
        // Some items were withdrawn by their council and sent again: two submissions received.
        submissions: j % 7 === 3 ? [at(submitted - 2 * DAY), at(submitted)] : [at(submitted)],
        decidedAt: at(decided),
        outcome,
        template,
        hiddenAt,
        byReports,
        // Some proposals were published without a due date: publication + the delay setting.
        dueAt: kind === "proposal" && outcome !== "rejected" && j % 12 !== 0 ? at(decided + 10 * DAY) : null,
        answeredAt: answered ? at(decided + ((j * 7) % 25) * DAY) : null,
        reports,
      });
    }
  }
  // Across months in Aurillac's time: submitted at 00:30 on 1 April there, decided at 00:15 on 1 May.
  out.push({
    kind: "feedback",
    submissions: [new Date("2026-03-31T22:30:00Z")],
    decidedAt: new Date("2026-04-30T22:15:00Z"),
    outcome: "rejected",
    template: archived,
    hiddenAt: null,
    byReports: false,
    dueAt: null,
    answeredAt: null,
    reports: [],
  });
  return out;
}

beforeAll(async () => {
  testDb = await createTestDatabase("register_months");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  const council = await createCouncil(db);
  const action = await createAction(db);
  const people = await Promise.all([1, 2, 3].map(() => createUser(db)));
  const byLabel = async (label: string) =>
    (
      await db
        .select({ id: moderationReasonTemplates.id })
        .from(moderationReasonTemplates)
        .where(eq(moderationReasonTemplates.label, label))
    )[0]!.id;
  offered = [await byLabel("Hors sujet"), await byLabel("Données personnelles")];
  archived = (
    await db
      .insert(moderationReasonTemplates)
      .values({ label: ARCHIVED_LABEL, body: "Texte du motif." })
      .returning({ id: moderationReasonTemplates.id })
  )[0]!.id;

  for (const p of plan()) {
    const published = p.outcome === "rejected" ? null : p.decidedAt;
    const [row] = await db
      .insert(contributions)
      .values({
        councilId: council.id,
        actionId: action.id,
        kind: p.kind,
        position: p.kind === "feedback" ? "favorable" : null,
        title: p.kind === "proposal" ? "Une proposition" : null,
        body: "Un texte.",
        status: p.outcome,
        submittedAt: p.submissions.at(-1)!,
        decidedAt: p.decidedAt,
        publishedAt: published,
        rejectionReason: p.outcome === "rejected" ? "Un motif." : null,
        hiddenAt: p.hiddenAt,
        hiddenReason: p.hiddenAt ? "Un motif." : null,
        answerDueAt: p.dueAt,
        firstAnsweredAt: p.answeredAt,
        clientRequestId: randomUUID(),
      })
      .returning({ id: contributions.id });
    const item = { ...p, id: row!.id };
    items.push(item);
    const journal = (action: string, createdAt: Date, details: Record<string, unknown> = {}) => ({
      action,
      targetType: "contribution",
      targetId: String(item.id),
      details,
      createdAt,
    });
    await db
      .insert(auditLog)
      .values([
        ...item.submissions.map((s) => journal("contribution.submit", s)),
        item.outcome === "rejected"
          ? journal("contribution.reject", item.decidedAt, item.template === null ? {} : { templateId: item.template })
          : journal("contribution.approve", item.decidedAt),
        ...(item.hiddenAt === null
          ? []
          : item.byReports
            ? [
                journal("contribution.auto_hide", item.reports[2]!.at),
                journal("contribution.hide", item.hiddenAt, { confirmsAutoHide: true }),
              ]
            : [journal("contribution.hide", item.hiddenAt)]),
      ]);
    if (item.reports.length > 0) {
      await db.insert(contributionReports).values(
        item.reports.map((r, n) => ({
          contributionId: item.id,
          reporterId: people[n]!.id,
          reason: "Un signalement.",
          createdAt: r.at,
          resolvedAt: r.resolvedAt,
        })),
      );
    }
  }
  // Archived after its refusals: shown only in the windows that hold them.
  await db
    .update(moderationReasonTemplates)
    .set({ archivedAt: new Date("2026-05-10T00:00:00Z") })
    .where(eq(moderationReasonTemplates.id, archived));
});
afterAll(() => testDb.drop());

const forget = () => db.delete(registerMonths).where(sql`true`);
const frozenMonths = async () => (await db.select({ month: registerMonths.month }).from(registerMonths)).map((r) => r.month).sort();

/** The register counted from the rows, the window's months in one go (no snapshot: the queries before register_months). */
async function counted(end: string | null, now = NOW) {
  await forget();
  const register = await loadModerationRegister(db, end, now);
  await forget();
  return register;
}

/** A month's figures counted here from the items, in the register's categories. */
function byHand(month: string, categories: string[], answerDueDays: number): RegisterMonth {
  const label = new Map([
    [offered[0]!, "Hors sujet"],
    [offered[1]!, "Données personnelles"],
    [archived, ARCHIVED_LABEL],
  ]);
  const inMonth = (d: Date | null) => d !== null && cityMonth(d) === month;
  const decided = items.filter((i) => inMonth(i.decidedAt));
  const rejected = decided.filter((i) => i.outcome === "rejected");
  const delays = decided.map((i) => (i.decidedAt.getTime() - i.submissions.at(-1)!.getTime()) / HOUR).sort((a, b) => a - b);
  const half = (delays.length - 1) / 2;
  const answered = items.filter((i) => inMonth(i.answeredAt));
  const reports = items.flatMap((i) => i.reports.filter((r) => inMonth(r.at)).map((r) => ({ ...r, item: i })));
  const hiddenByThem = reports.filter((r) => r.resolvedAt !== null && r.item.hiddenAt?.getTime() === r.resolvedAt.getTime()).length;
  const open = reports.filter((r) => r.resolvedAt === null).length;
  return {
    month,
    received: items.flatMap((i) => i.submissions).filter(inMonth).length,
    published: decided.length - rejected.length,
    rejected: rejected.length,
    rejectedBy: categories.map((c) => rejected.filter((i) => (label.get(i.template ?? -1) ?? OTHER_REASON) === c).length),
    hiddenByModerator: items.filter((i) => !i.byReports && inMonth(i.hiddenAt)).length,
    hiddenByReports: items.filter((i) => i.byReports && inMonth(i.reports[2]!.at)).length,
    reports: reports.length,
    reportsHidden: hiddenByThem,
    reportsKept: reports.length - hiddenByThem - open,
    reportsOpen: open,
    medianDecisionHours: delays.length === 0 ? null : (delays[Math.floor(half)]! + delays[Math.ceil(half)]!) / 2,
    answersGiven: answered.length,
    answersLate: answered.filter((i) => i.answeredAt! > (i.dueAt ?? at(i.decidedAt.getTime() + answerDueDays * DAY))).length,
  };
}

describe("the register read from register_months", () => {
  it("every window, its months frozen one by one as time went by, equals the register counted from the rows, and the figures counted by hand", async () => {
    await forget();
    // A render in the middle of every month: each month is frozen at the first render after it is over.
    for (const month of ENDS) {
      await loadModerationRegister(db, null, new Date(`${month}-15T12:00:00Z`));
      expect(await frozenMonths()).toEqual(ENDS.filter((m) => m >= "2026-01" && m < month));
    }
    const fromSnapshots = new Map<string, ModerationRegister | null>();
    for (const end of ENDS) fromSnapshots.set(end, await loadModerationRegister(db, end, NOW));
    fromSnapshots.set("", await loadModerationRegister(db, null, NOW));

    for (const [end, register] of fromSnapshots) {
      expect(register, end).not.toBeNull();
      expect(register, end).toEqual(await counted(end || null));
      for (const month of register!.months) {
        const expected = byHand(month.month, register!.categories, register!.settings.answerDueDays);
        expect({ ...month, medianDecisionHours: null }, `${end} ${month.month}`).toEqual({ ...expected, medianDecisionHours: null });
        if (expected.medianDecisionHours === null) expect(month.medianDecisionHours).toBeNull();
        else expect(month.medianDecisionHours).toBeCloseTo(expected.medianDecisionHours, 6);
      }
    }
    // The archived template is a category only in the windows that hold its refusals.
    const archivedMonths = new Set(items.filter((i) => i.template === archived).map((i) => cityMonth(i.decidedAt)));
    expect([...archivedMonths].sort()).toEqual(["2026-03", "2026-05"]);
    for (const [end, register] of fromSnapshots) {
      const holds = register!.months.some((m) => archivedMonths.has(m.month));
      expect(register!.categories.includes(ARCHIVED_LABEL), end).toBe(holds);
      expect(register!.activeTemplates).not.toContain(ARCHIVED_LABEL);
    }
    expect(fromSnapshots.get("2026-02")!.categories).not.toContain(ARCHIVED_LABEL);
    expect(fromSnapshots.get("")!.categories).not.toContain(ARCHIVED_LABEL);
    // The data is what it should be to test all that: refusals of each kind, items decided the month after their submission.
    const all = fromSnapshots.get("2026-12")!;
    const total = (pick: (m: RegisterMonth) => number) => all.months.reduce((n, m) => n + pick(m), 0);
    for (const label of ["Hors sujet", "Données personnelles", ARCHIVED_LABEL, OTHER_REASON]) {
      expect(
        total((m) => m.rejectedBy[all.categories.indexOf(label)]!),
        label,
      ).toBeGreaterThan(0);
    }
    for (const figure of ["hiddenByModerator", "hiddenByReports", "reportsOpen", "reportsKept", "reportsHidden", "answersLate"] as const) {
      expect(
        total((m) => m[figure]),
        figure,
      ).toBeGreaterThan(0);
    }
    expect(items.some((i) => cityMonth(i.decidedAt) !== cityMonth(i.submissions.at(-1)!))).toBe(true);
  });

  it("two first renders at once: the same register, each month stored once", async () => {
    await forget();
    const expected = await counted(null);
    const ends = [null, null, "2026-12", "2026-08", "2026-12", null];
    const registers = await Promise.all(ends.map((end) => loadModerationRegister(db, end, NOW)));
    expect(registers[0]).toEqual(expected);
    expect(registers[1]).toEqual(expected);
    expect(registers[2]).toEqual(registers[4]);
    expect(await frozenMonths()).toEqual(ENDS.filter((m) => m < "2027-06"));
    for (const [i, end] of ends.entries()) expect(registers[i], String(end)).toEqual(await loadModerationRegister(db, end, NOW));
    // Once stored, a render reads them: the first month, the snapshots, the current month's three
    // counts, the reports, the templates, « late » now and the settings — nothing per month.
    expect((await countQueries(() => loadModerationRegister(db, null, NOW))).queries).toBe(9);
    await forget();
    expect((await countQueries(() => loadModerationRegister(db, null, NOW))).queries).toBe(9 + 4);
  });

  it("a report's outcome, decided after its month was frozen, shows; the month's frozen figures stay", async () => {
    await loadModerationRegister(db, null, NOW);
    const openOne = items.find((i) => i.reports.some((r) => r.resolvedAt === null))!;
    const month = cityMonth(openOne.reports[0]!.at);
    const before = (await loadModerationRegister(db, month, NOW))!.months[0]!;
    const frozen = await db.select().from(registerMonths).where(eq(registerMonths.month, month));
    expect(frozen).toHaveLength(1);
    await db.update(contributionReports).set({ resolvedAt: NOW }).where(eq(contributionReports.contributionId, openOne.id));
    const after = (await loadModerationRegister(db, month, NOW))!.months[0]!;
    expect(after).toEqual({ ...before, reportsOpen: before.reportsOpen - 1, reportsKept: before.reportsKept + 1 });
    expect(await db.select().from(registerMonths).where(eq(registerMonths.month, month))).toEqual(frozen);
    await db.update(contributionReports).set({ resolvedAt: null }).where(eq(contributionReports.contributionId, openOne.id));
  });

  it("for an hour after midnight on the 1st, the month just over is counted live (a write stamped before midnight may still commit); then frozen", async () => {
    await forget();
    // 00:30 on 1 December in Aurillac.
    const justAfter = new Date("2026-11-30T23:30:00Z");
    const register = await loadModerationRegister(db, null, justAfter);
    expect(register!.currentMonth).toBe("2026-12");
    expect(await frozenMonths()).toEqual(ENDS.filter((m) => m < "2026-11"));
    // A submission whose transaction began at 23:59 on 30 November, seen after midnight.
    const [late] = await db
      .insert(auditLog)
      .values({ action: "contribution.submit", targetType: "contribution", createdAt: new Date("2026-11-30T22:59:00Z") })
      .returning({ id: auditLog.id });
    const november = async (now: Date) => (await loadModerationRegister(db, null, now))!.months.find((m) => m.month === "2026-11")!;
    expect((await november(justAfter)).received).toBe(register!.months.find((m) => m.month === "2026-11")!.received + 1);
    const settled = await november(new Date("2026-12-01T00:30:00Z"));
    expect(await frozenMonths()).toEqual(ENDS.filter((m) => m < "2026-12"));
    expect(settled).toEqual(await november(justAfter));
    await db.delete(auditLog).where(eq(auditLog.id, late!.id));
    await forget();
  });

  it("a month's figures stay as published when the rows they were counted from are deleted later, its first month too", async () => {
    await forget();
    const published = await loadModerationRegister(db, "2026-12", NOW);
    // As a purge would: the journal's rows before March (submissions, hidings, refusals' templates).
    await db.delete(auditLog).where(sql`${auditLog.createdAt} < '2026-02-28T23:00:00Z'::timestamptz`);
    expect(await loadModerationRegister(db, "2026-12", NOW)).toEqual(published);
    // Counted again from what is left, the register would now start in March, its refusals' templates lost.
    const recount = await counted("2026-12");
    expect(recount!.months.at(-1)!.month).toBe("2026-03");
    expect(recount!.months.map((m) => m.month)).toEqual(published!.months.map((m) => m.month).slice(0, 10));
    expect(published!.months.slice(10).map((m) => [m.month, m.received > 0])).toEqual([
      ["2026-02", true],
      ["2026-01", true],
    ]);
  });
});
