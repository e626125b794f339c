import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { journalActionLabels } from "@/components/admin/journal";
import { journalSentenceActions } from "@/components/admin/journal-sentence";
import { can } from "@/lib/permissions";
import { JOURNAL_PAGE_SIZE } from "@/lib/validation/settings";
import { writeAudit } from "@/server/audit";
import { listAuditLog } from "@/server/audit-log/list-audit-log";
import { createCast, createUser, matrixRoles, type Cast } from "../support/actors";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { refusalCode } from "./contributions-helpers";

/*
 * The journal for administrators (/admin/journal): who may read it, newest first, 50 a page, the
 * filters (action, actor's name or email, council, days in the City's time zone), and user text
 * returned as it was written (the page renders it as text: e2e/admin/journal-xss.spec.ts).
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
let marie: { id: number; email: string };
beforeAll(async () => {
  testDb = await createTestDatabase("journal");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
  marie = await createUser(db, { displayName: "Marie-Hélène Écrivaine", email: "mh.ecrivaine@exemple.invalid" });
  const write = (values: Parameters<typeof writeAudit>[1], createdAt: Date) =>
    db.transaction(async (tx) => {
      await writeAudit(tx, values);
      await tx.execute(
        sql`update audit_log set created_at = ${createdAt.toISOString()}::timestamptz where id = (select max(id) from audit_log)`,
      );
    });
  // 60 rows by Marie over two Paris days, and a few precise ones around midnight in Paris.
  for (let i = 0; i < 60; i++) {
    await write(
      {
        actorUserId: marie.id,
        action: i % 2 ? "contribution.approve" : "contribution.reject",
        targetType: "contribution",
        targetId: i,
        councilId: cast.councilA.id,
        reason: `raison ${i}`,
      },
      new Date(Date.UTC(2026, 2, 1, 8, i)),
    );
  }
  // 23:30 UTC on 10 March is 00:30 on 11 March in Paris.
  await write(
    {
      actorUserId: cast.userIds.admin,
      action: "settings.update",
      targetType: "platform_settings",
      details: { before: { reportThreshold: 3 }, after: { reportThreshold: 5 } },
    },
    new Date("2026-03-10T23:30:00Z"),
  );
  await write(
    {
      actorUserId: cast.userIds.admin,
      action: "council.update",
      targetType: "council",
      targetId: cast.councilB.id,
      councilId: cast.councilB.id,
    },
    new Date("2026-03-10T22:30:00Z"),
  );
  await write(
    {
      actorUserId: null,
      action: "contribution.auto_hide",
      targetType: "contribution",
      targetId: 999,
      councilId: cast.councilB.id,
      reason: "100%_de_signalements",
    },
    new Date("2026-03-12T10:00:00Z"),
  );
});
afterAll(() => testDb.drop());

describe("who may read the journal", () => {
  for (const role of matrixRoles) {
    const allowed = role === "admin";
    it(`${role} ${allowed ? "may" : "may not"}`, async () => {
      expect(can(cast.actors[role], "audit.view")).toBe(allowed);
      const result = await listAuditLog(db, cast.actors[role], {});
      if (allowed) expect(result.ok).toBe(true);
      else expect(result).toMatchObject({ ok: false, code: refusalCode(role) });
    });
  }
});

describe("the journal's list", () => {
  it("newest first, 50 a page, naming actor, target and council", async () => {
    const page1 = await listAuditLog(db, cast.actors.admin, {});
    if (!page1.ok) throw new Error(page1.message);
    expect(page1.data.rows).toHaveLength(JOURNAL_PAGE_SIZE);
    const times = page1.data.rows.map((r) => r.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const byMarie = page1.data.rows.find((r) => r.actorName === "Marie-Hélène Écrivaine");
    expect(byMarie).toMatchObject({ actorEmail: "mh.ecrivaine@exemple.invalid", targetType: "contribution" });
    // The next page starts strictly after the last row shown (`?avant=<id>`); no page number, no total.
    expect(page1.data.nextBefore).toBe(page1.data.rows.at(-1)!.id);
    expect(page1.data).not.toHaveProperty("total");
    const page2 = await listAuditLog(db, cast.actors.admin, { before: String(page1.data.nextBefore) });
    if (!page2.ok) throw new Error(page2.message);
    expect(page2.data.filters.before).toBe(page1.data.nextBefore);
    expect(page2.data.rows.length).toBeGreaterThan(0);
    expect(page2.data.rows[0]!.createdAt.getTime()).toBeLessThanOrEqual(page1.data.rows.at(-1)!.createdAt.getTime());
    expect(page2.data.rows.filter((r) => page1.data.rows.some((p) => p.id === r.id))).toEqual([]);
    const councilRow = (await listAuditLog(db, cast.actors.admin, { action: "council.update" })) as {
      ok: true;
      data: { rows: { targetName: string | null; councilName: string | null }[] };
    };
    expect(councilRow.data.rows[0]!.targetName).toBeTruthy();
    expect(councilRow.data.rows[0]!.councilName).toBe(councilRow.data.rows[0]!.targetName);
  });

  it("filters by action, by the actor's name (accents folded) or email, by council and by Paris day", async () => {
    const rows = async (input: Record<string, unknown>) => {
      const result = await listAuditLog(db, cast.actors.admin, input);
      if (!result.ok) throw new Error(result.message);
      return result.data;
    };
    /** Every row matching, page after page along the cursor: its number stands for the old total. */
    const total = async (input: Record<string, unknown>) => {
      let n = 0;
      let before: number | null = null;
      do {
        const page = await rows({ ...input, before: before ?? undefined });
        n += page.rows.length;
        before = page.nextBefore;
      } while (before !== null);
      return n;
    };
    expect(await total({ action: "contribution.reject" })).toBe(30);
    expect(await total({ actor: "marie-helene" })).toBe(60);
    expect(await total({ actor: "ÉCRIVAINE" })).toBe(60);
    expect(await total({ actor: "mh.ecrivaine@" })).toBe(60);
    expect(await total({ actor: "personne-de-tel" })).toBe(0);
    // LIKE wildcards typed by the admin are plain characters.
    expect(await total({ actor: "%" })).toBe(0);
    expect((await rows({ council: String(cast.councilB.id) })).rows.map((r) => r.action)).toEqual([
      "contribution.auto_hide",
      "council.update",
    ]);
    expect((await rows({ from: "2026-03-11", to: "2026-03-11" })).rows.map((r) => r.action)).toEqual(["settings.update"]);
    expect((await rows({ from: "2026-03-10", to: "2026-03-10" })).rows.map((r) => r.action)).toEqual(["council.update"]);
    expect((await rows({ from: "2026-03-12" })).rows.map((r) => r.action)).toEqual(["contribution.auto_hide"]);
    expect(await total({ to: "2026-03-01" })).toBeGreaterThanOrEqual(60);
    expect(
      await total({ action: "contribution.approve", actor: "marie", council: cast.councilA.id, from: "2026-03-01", to: "2026-03-01" }),
    ).toBe(30);
    // Odd values are ignored, never an error.
    const odd = await rows({ from: "31/12/2026", to: "2026-13-45", council: "abc", before: "x", action: "x".repeat(500) });
    expect(odd.filters).toMatchObject({ from: null, to: null, council: null, before: null });
    // A council number PostgreSQL cannot hold, a day that does not exist: no filter, never a database error.
    const beyond = await rows({ council: "2147483648", from: "2026-02-31" });
    expect(beyond.filters).toMatchObject({ council: null, from: null });
    expect(await total({ council: "2147483648", from: "2026-02-31" })).toBe(await total({}));
    // Control characters are dropped from a text filter, not refused.
    expect(await total({ actor: "marie\u0000-helene" })).toBe(60);
  });

  it("returns user text exactly as written (the page shows it as text)", async () => {
    const payload = `<img src=x onerror=alert(1)>"'><script>alert(document.cookie)</script>`;
    const actor = await createUser(db, { displayName: payload });
    await db.transaction((tx) =>
      writeAudit(tx, { actorUserId: actor.id, action: "contribution.report", targetType: "contribution", targetId: 1, reason: payload }),
    );
    const result = await listAuditLog(db, cast.actors.admin, { action: "contribution.report" });
    expect(result.ok && result.data.rows[0]).toMatchObject({ actorName: payload, reason: payload });
    await db.delete(auditLog).where(eq(auditLog.actorUserId, actor.id));
  });
});

describe("every action the code writes has a French label", () => {
  it("grep writeAudit actions across server/", () => {
    const root = path.resolve(import.meta.dirname, "../../server");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (full.endsWith(".ts") && !full.endsWith(".test.ts")) files.push(full);
      }
    };
    walk(root);
    const names = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/action:\s*([^,\n}]+)/g)) {
        for (const literal of match[1]!.matchAll(/"([a-z_]+(?:\.[a-z_]+)+)"/g)) names.add(literal[1]!);
      }
    }
    expect(names.size).toBeGreaterThan(20);
    const missing = [...names].filter((name) => !(name in journalActionLabels));
    expect(missing).toEqual([]);
    // And each reads as a sentence (components/admin/journal-sentence.ts).
    expect([...names].filter((name) => !journalSentenceActions.includes(name))).toEqual([]);
  });
});
