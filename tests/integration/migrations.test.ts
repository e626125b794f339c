import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, prepareDatabase, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createTestDatabase, onPostgres, rowsOf, type TestDatabase } from "../support/test-database";

const expectedTables = [
  "action_deadline_changes",
  "action_links",
  "action_officials",
  "action_projects",
  "action_revisions",
  "action_themes",
  "actions",
  "audit_log",
  "contribution_answers",
  "contribution_comments",
  "contribution_figures",
  "contribution_reports",
  "contribution_scans",
  "contribution_supports",
  "contributions",
  "council_memberships",
  "councils",
  "invitations",
  "meeting_agenda_items",
  "meeting_snapshots",
  "meetings",
  "moderation_reason_templates",
  "notification_preferences",
  "notifications",
  "password_reset_tokens",
  "plan_milestones",
  "plans",
  "platform_settings",
  "progress_report_revisions",
  "progress_reports",
  "register_months",
  "retention_runs",
  "revoked_sessions",
  "sign_in_throttles",
  "themes",
  "users",
];

const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] };

async function publicTables(db: Db) {
  return rowsOf<{ table_name: string }>(
    await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`),
  );
}

describe("migrations", () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase("migrations");
  });
  afterAll(() => testDb.drop());

  it("create every table from an empty database, and a second run changes nothing", async () => {
    const database = await testDb.open();
    expect(await publicTables(database.db)).toEqual([]);
    await migrateDatabase(database);
    const tables = (await publicTables(database.db)).map((r) => r.table_name);
    expect(tables).toEqual(expectedTables);
    await migrateDatabase(database);
    expect((await publicTables(database.db)).map((r) => r.table_name)).toEqual(expectedTables);
  });
});

describe.runIf(onPostgres)("two app processes starting at once on one PostgreSQL", () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase("concurrent_start");
  });
  afterAll(() => testDb.drop());

  it("migrate and seed exactly once", async () => {
    // Separate pools, as separate processes would have, racing on an empty database.
    const starts = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const database = await openDatabase(testDb.env);
        await prepareDatabase(database, testDb.env);
        return database;
      }),
    );
    const { db } = starts[0]!;
    const counts = await db.execute(sql`
      select (select count(*)::int from plans) as plans,
             (select count(*)::int from themes) as themes,
             (select count(*)::int from drizzle.__drizzle_migrations) as migrations`);
    expect(rowsOf(counts)).toEqual([{ plans: 1, themes: 5, migrations: journal.entries.length }]);
    await Promise.all(starts.map((d) => d.close()));
  });
});
