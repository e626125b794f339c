import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, prepareDatabase, type Database } from "@/db/client";
import { auditLog, themes } from "@/db/schema";
import { tableDigests } from "@/db/table-digests";
import { parseEnv } from "@/lib/env";
import { freePort } from "../support/free-port";
import { createTestDatabase, onPostgres, rowsOf, type TestDatabase } from "../support/test-database";

/*
 * Issue 16, « Backups that are tested »: `npm run db:backup` and `npm run db:restore` as an
 * operator runs them (real processes, pg_dump/pg_restore/psql on PostgreSQL, PGlite's dump of its
 * folder on the embedded database): back up, change the data, restore, and find exactly the
 * backed-up state — every table, row by row (tableDigests). Restoring over data is refused without
 * --force. On the embedded database, also a backup while the app runs (the app writes it) and a
 * restore refused while it runs. On PostgreSQL runs, `npm run db:copy-to-postgres` from an
 * embedded folder: every table copied, the same content on both sides, sequences continued.
 */
const root = process.cwd();
let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(process.env.TEST_PGLITE_ROOT ?? tmpdir(), "psc-backup-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run <script> -- <args>` with only this database in its environment. */
function npmRun(script: string, args: string[], databaseEnv: Record<string, string | undefined>): Promise<Ran> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test" };
  delete env.DATABASE_URL;
  delete env.PGLITE_DIR;
  for (const [k, v] of Object.entries(databaseEnv)) if (v !== undefined) env[k] = v;
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", script, "--", ...args], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

const databaseEnvOf = (test: TestDatabase) => ({ DATABASE_URL: test.env.DATABASE_URL, PGLITE_DIR: test.env.PGLITE_DIR });

/** Changes the data every way: rows added, a row changed, a row removed. */
async function changeData(database: Database) {
  await database.db.insert(auditLog).values([
    { action: "test.apres-sauvegarde", targetType: "test", targetId: "1" },
    { action: "test.apres-sauvegarde", targetType: "test", targetId: "2" },
  ]);
  await database.db
    .update(themes)
    .set({ title: "Titre changé après la sauvegarde" })
    .where(sql`${themes.id} = (select min(id) from themes)`);
  await database.db.execute(sql`delete from audit_log where id = (select min(id) from audit_log)`);
}

describe(`db:backup and db:restore (${onPostgres ? "PostgreSQL" : "embedded database"})`, () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase("backup");
  });
  afterAll(() => test.drop());

  it("restores exactly the backed-up state; over data only with --force", { timeout: 240_000 }, async () => {
    let database = await test.openPrepared();
    const backedUp = await tableDigests(database.db);
    expect(backedUp.audit_log!.rows).toBeGreaterThan(0);
    // The embedded database's folder is locked by the process that opens it: closed for the command.
    if (!onPostgres) await database.close();
    const file = path.join(work, onPostgres ? "base.dump" : "base.tar.gz");

    const backup = await npmRun("db:backup", [file], databaseEnvOf(test));
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain("sauvegardée");
    expect(statSync(file).size).toBeGreaterThan(1000);
    expect(existsSync(`${file}.partiel`)).toBe(false);

    if (!onPostgres) database = await test.open();
    await changeData(database);
    const changed = await tableDigests(database.db);
    expect(changed.audit_log).not.toEqual(backedUp.audit_log);
    expect(changed.themes).not.toEqual(backedUp.themes);
    await database.close();

    const refused = await npmRun("db:restore", [file], databaseEnvOf(test));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("n'est pas vide");
    expect(refused.stderr).toContain("--force");
    database = await test.open();
    expect(await tableDigests(database.db)).toEqual(changed);
    await database.close();

    const restored = await npmRun("db:restore", [file, "--force"], databaseEnvOf(test));
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain("restaurée");
    database = await test.open();
    expect(await tableDigests(database.db)).toEqual(backedUp);
    // The sequences came back with the rows: the next journal row gets a new id.
    const [row] = await database.db.insert(auditLog).values({ action: "test.apres-restauration", targetType: "test" }).returning();
    expect(row!.id).toBeGreaterThan(0);
    await database.close();
  });

  it("refuses a file that is not a backup, in French", async () => {
    const result = await npmRun("db:restore", [path.join(root, "package.json"), "--force"], databaseEnvOf(test));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("n'est pas une sauvegarde de l'application");
  });
});

describe.runIf(!onPostgres)("the embedded database while the app runs", () => {
  /** The app's start-up (instrumentation.ts) in a small server: tests/support/embedded-db-server.ts. */
  async function startServer(dir: string): Promise<{ child: ChildProcess; port: number; output: () => string }> {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dir, SEED_DEMO_DATA: "0", NODE_ENV: "test" };
    delete env.DATABASE_URL;
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=react-server", "tests/support/embedded-db-server.ts", String(port)],
      { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const t0 = Date.now();
    while (Date.now() - t0 < 240_000) {
      if (child.exitCode !== null) throw new Error(`le serveur s'est arrêté :\n${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/ids`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return { child, port, output: () => output };
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    child.kill("SIGKILL");
    throw new Error(`pas de réponse :\n${output}`);
  }

  it("db:backup asks the running app for the dump; db:restore is refused until it stops", { timeout: 300_000 }, async () => {
    const dir = path.join(work, "chaud", "db");
    const server = await startServer(dir);
    const exited = new Promise((resolve) => server.child.once("exit", resolve));
    try {
      for (let id = 1; id <= 5; id++) {
        expect((await fetch(`http://127.0.0.1:${server.port}/write?id=${id}`, { method: "POST" })).ok).toBe(true);
      }
      const file = path.join(work, "chaud.tar.gz");
      const backup = await npmRun("db:backup", [file], { PGLITE_DIR: dir });
      expect(backup.code, backup.stderr + server.output()).toBe(0);
      expect(backup.stdout).toContain("sauvegardée à chaud");
      expect(server.output()).toContain("sauvegardée à chaud");
      // The app still serves, and keeps writing: what follows is not in the backup.
      expect((await fetch(`http://127.0.0.1:${server.port}/write?id=6`, { method: "POST" })).ok).toBe(true);

      const refused = await npmRun("db:restore", [file, "--force"], { PGLITE_DIR: dir });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`déjà ouverte par le processus ${server.child.pid}`);
      expect(refused.stderr).toContain("Arrêtez l'application");

      // Restored elsewhere (an empty folder needs no --force): the 5 rows written before the backup.
      const copy = path.join(work, "chaud-restauree", "db");
      const restored = await npmRun("db:restore", [file], { PGLITE_DIR: copy });
      expect(restored.code, restored.stderr).toBe(0);
      const database = await openDatabase(parseEnv({ NODE_ENV: "test", PGLITE_DIR: copy }));
      try {
        const ids = rowsOf<{ id: number }>(await database.db.execute(sql`select id from lock_test_writes order by id`)).map((r) =>
          Number(r.id),
        );
        expect(ids).toEqual([1, 2, 3, 4, 5]);
      } finally {
        await database.close();
      }
    } finally {
      server.child.kill("SIGKILL");
      await exited;
    }
  });
});

describe.runIf(onPostgres)("db:copy-to-postgres: from the embedded database to PostgreSQL", () => {
  let target: TestDatabase;
  let source: string;
  beforeAll(async () => {
    target = await createTestDatabase("copie");
    source = path.join(work, "source", "db");
    const env = parseEnv({ NODE_ENV: "test", PGLITE_DIR: source, SEED_DEMO_DATA: "1" });
    const database = await openDatabase(env);
    try {
      await prepareDatabase(database, env);
      // Timestamps to the microsecond, json, a quote and a new line: copied exactly, or the checksums differ.
      await database.db.insert(auditLog).values({
        action: "test.copie",
        targetType: "test",
        reason: "l'« apostrophe »\net une ligne\tde plus",
        details: { nested: { list: [1, 2.5, "trois"] } },
        createdAt: sql`'2026-01-02 03:04:05.123456+01'::timestamptz` as unknown as Date,
      });
    } finally {
      await database.close();
    }
  }, 240_000);
  afterAll(() => target.drop());

  it(
    "copies every table, the same rows on both sides, sequences continued; refuses a used target without --force",
    { timeout: 240_000 },
    async () => {
      const url = target.env.DATABASE_URL!;
      const copied = await npmRun("db:copy-to-postgres", [url], { PGLITE_DIR: source });
      expect(copied.code, copied.stderr).toBe(0);
      expect(copied.stdout).toContain("contenu identique");

      const from = await openDatabase(parseEnv({ NODE_ENV: "test", PGLITE_DIR: source }));
      const fromDigests = await tableDigests(from.db);
      await from.close();
      const to = await target.open();
      const toDigests = await tableDigests(to.db);
      expect(Object.keys(toDigests).sort()).toEqual(Object.keys(fromDigests).sort());
      expect(toDigests).toEqual(fromDigests);
      for (const table of ["themes", "actions", "users", "councils", "contributions", "audit_log"])
        expect(toDigests[table]!.rows).toBeGreaterThan(0);
      // Sequences were moved past the copied ids: new rows go in without a duplicate key.
      await to.db.insert(auditLog).values({ action: "test.apres-copie", targetType: "test" });
      await to.db.insert(themes).values({
        planId: sql`(select min(id) from plans)` as unknown as number,
        number: 99,
        slug: "apres-copie",
        title: "Après la copie",
      });
      await to.close();

      const refused = await npmRun("db:copy-to-postgres", [url], { PGLITE_DIR: source });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("--force");
      const again = await npmRun("db:copy-to-postgres", [url, "--force"], { PGLITE_DIR: source });
      expect(again.code, again.stderr).toBe(0);
      const replaced = await target.open();
      expect(await tableDigests(replaced.db)).toEqual(fromDigests);
      await replaced.close();
    },
  );
});
