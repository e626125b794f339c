import { asc, desc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { countQueries } from "@/db/query-count";
import { auditLog } from "@/db/schema";
import { JOURNAL_PAGE_SIZE, journalFiltersSchema, type JournalFiltersInput } from "@/lib/validation/settings";
import { journalPageQuery, listAuditLog } from "@/server/audit-log/list-audit-log";
import { createCast, type Cast } from "../support/actors";
import { createTestDatabase, onPostgres, rowsOf, type TestDatabase } from "../support/test-database";

/*
 * The journal stays fast at 500,000 rows (issue « Fast at 100,000 contributions: every list
 * bounded »): pages follow a cursor on (created_at, id) — every row exactly once, newest first,
 * filters kept —, a page costs the same number of queries whatever the journal holds, and each
 * filter reads an index, never the whole table.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;

const ACTIONS = ["contribution.approve", "contribution.reject", "council.update"] as const;
const base = Date.parse("2026-03-01T08:00:00Z");

/** Journal rows `from`…`to - 1`, three at a time with the very same creation time (the keyset must still take each once). */
async function insertRows(from: number, to: number) {
  const values = [];
  for (let i = from; i < to; i++) {
    values.push({
      action: ACTIONS[i % ACTIONS.length]!,
      targetType: "contribution",
      targetId: String(i),
      councilId: i % 4 === 0 ? null : i % 2 ? cast.councilA.id : cast.councilB.id,
      reason: `ligne ${i}`,
      // Every 3 rows share a minute; a day in Paris holds 48 of them (the day filters cut through).
      createdAt: new Date(base + Math.floor(i / 3) * 60_000 + Math.floor(i / 48) * 86_400_000),
    });
  }
  await db.insert(auditLog).values(values);
}

/** Every row as the database holds it, newest first (created_at desc, id desc), for comparison. */
async function allRows() {
  const rows = await db
    .select({ id: auditLog.id, action: auditLog.action, councilId: auditLog.councilId, createdAt: auditLog.createdAt })
    .from(auditLog)
    .orderBy(asc(auditLog.id));
  return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
}

/** Walks the pages along the cursor, as the « Entrées plus anciennes » link does. */
async function walk(input: JournalFiltersInput) {
  const pages: number[][] = [];
  let before: number | null = null;
  do {
    const result = await listAuditLog(db, cast.actors.admin, { ...input, before: before === null ? undefined : String(before) });
    if (!result.ok) throw new Error(result.message);
    expect(result.data.rows.length).toBeLessThanOrEqual(JOURNAL_PAGE_SIZE);
    pages.push(result.data.rows.map((r) => r.id));
    before = result.data.nextBefore;
    if (before !== null) expect(before).toBe(result.data.rows.at(-1)!.id);
  } while (before !== null && pages.length < 50);
  return pages;
}

beforeAll(async () => {
  testDb = await createTestDatabase("journal_keyset");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
  // Only the rows made here (the cast writes none today; a future one would not skew the counts).
  await db.delete(auditLog).where(sql`true`);
});
afterAll(() => testDb.drop());

describe("the journal, page by page along a cursor", () => {
  it("costs the same number of queries with 10 rows as with 130", async () => {
    await insertRows(0, 10);
    const queries = async (input: JournalFiltersInput) => (await countQueries(() => listAuditLog(db, cast.actors.admin, input))).queries;
    const withTen = await queries({});
    const withTenFiltered = await queries({ action: "contribution.reject", council: String(cast.councilA.id) });
    await insertRows(10, 130);
    const newest = await listAuditLog(db, cast.actors.admin, {});
    if (!newest.ok) throw new Error(newest.message);
    expect(newest.data.nextBefore).not.toBeNull();
    expect(await queries({})).toBe(withTen);
    expect(await queries({ before: String(newest.data.nextBefore) })).toBe(withTen);
    expect(
      await queries({ action: "contribution.reject", council: String(cast.councilA.id), before: String(newest.data.nextBefore) }),
    ).toBe(withTenFiltered);
    expect(withTen).toBeLessThanOrEqual(2);
  });

  it("shows every row exactly once, newest first, at most 50 a page", async () => {
    const expected = (await allRows()).map((r) => r.id);
    expect(expected).toHaveLength(130);
    const pages = await walk({});
    expect(pages.map((p) => p.length)).toEqual([50, 50, 30]);
    expect(pages.flat()).toEqual(expected);
  });

  it("keeps the filters along the cursor: action, council, days, and all of them at once", async () => {
    const rows = await allRows();
    const cases: [JournalFiltersInput, (r: (typeof rows)[number]) => boolean][] = [
      [{ action: "contribution.reject" }, (r) => r.action === "contribution.reject"],
      [{ council: String(cast.councilA.id) }, (r) => r.councilId === cast.councilA.id],
      [{ from: "2026-03-02" }, (r) => r.createdAt.getTime() >= Date.parse("2026-03-01T23:00:00Z")],
      [
        { action: "contribution.approve", council: String(cast.councilB.id), from: "2026-03-01", to: "2026-03-02" },
        (r) => r.action === "contribution.approve" && r.councilId === cast.councilB.id && r.createdAt < new Date("2026-03-02T23:00:00Z"),
      ],
    ];
    for (const [input, keep] of cases) {
      const expected = rows.filter(keep).map((r) => r.id);
      expect(expected.length, JSON.stringify(input)).toBeGreaterThan(0);
      const pages = await walk(input);
      expect(pages.flat(), JSON.stringify(input)).toEqual(expected);
    }
    // Small enough for several pages: the cursor really was crossed with a filter.
    expect((await walk({ council: String(cast.councilA.id) })).length).toBeGreaterThan(1);
  });

  it("a cursor naming no row gives an empty page, an invalid one the first page", async () => {
    const gone = await listAuditLog(db, cast.actors.admin, { before: "999999999" });
    expect(gone.ok && [gone.data.rows, gone.data.nextBefore]).toEqual([[], null]);
    for (const before of ["abc", "-3", "0", "1e3", "99999999999999999999"]) {
      const first = await listAuditLog(db, cast.actors.admin, { before });
      expect(first.ok && first.data.filters.before, before).toBeNull();
      expect(first.ok && first.data.rows).toHaveLength(JOURNAL_PAGE_SIZE);
    }
  });
});

describe.skipIf(!onPostgres)("each filter reads an index, never the whole table (PostgreSQL)", () => {
  it("no Seq Scan on audit_log for the action, council and unfiltered pages, with or without a cursor", async () => {
    // 5,000 more rows over 40 actions and the councils (a quarter without), then fresh statistics.
    await db.execute(sql`
      insert into audit_log (action, target_type, target_id, council_id, created_at)
      select 'bulk.action_' || (g % 40), 'contribution', g::text,
             case g % 4 when 0 then null when 1 then ${cast.councilA.id}::int else ${cast.councilB.id}::int end,
             timestamptz '2026-04-01T00:00:00Z' - (g / 2) * interval '1 minute'
      from generate_series(1, 5000) g`);
    await db.execute(sql`analyze`);
    const [middle] = await db
      .select({ id: auditLog.id })
      .from(auditLog)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .offset(2500)
      .limit(1);
    const plan = async (input: JournalFiltersInput) => {
      const query = journalPageQuery(db, journalFiltersSchema.parse(input), JOURNAL_PAGE_SIZE + 1);
      return rowsOf<Record<string, string>>(await db.execute(sql`explain ${query.getSQL()}`))
        .map((row) => Object.values(row)[0])
        .join("\n");
    };
    const cases: [JournalFiltersInput, string][] = [
      [{}, "audit_log_created"],
      [{ before: String(middle!.id) }, "audit_log_created"],
      [{ action: "bulk.action_7" }, "audit_log_action_created"],
      [{ action: "bulk.action_7", before: String(middle!.id) }, "audit_log_action_created"],
      [{ council: String(cast.councilA.id) }, "audit_log_council_created"],
      [{ council: String(cast.councilA.id), before: String(middle!.id) }, "audit_log_council_created"],
    ];
    for (const [input, index] of cases) {
      const text = await plan(input);
      expect(text, `${JSON.stringify(input)}\n${text}`).not.toMatch(/Seq Scan on audit_log/);
      expect(text, `${JSON.stringify(input)}\n${text}`).toMatch(new RegExp(`Index Scan (Backward )?(using|on) ${index}\\b`));
    }
  });
});
