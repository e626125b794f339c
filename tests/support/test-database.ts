import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { inject } from "vitest";
import { openDatabase, prepareDatabase, type Database } from "@/db/client";
import { parseEnv, type Env } from "@/lib/env";
import { copyFolder, testDatabasePrefix, type TemplateDatabases } from "./template-databases";

/*
 * Each integration test file gets its own database: a fresh PostgreSQL database on the server
 * named by TEST_PG_ADMIN_URL (set by `npm test` when DATABASE_URL is given), or else a fresh
 * PGlite folder. Nothing is shared between files, so they run in parallel.
 *
 * `open()` sees an empty database. `openPrepared()` gives a migrated and seeded one: a copy of the
 * templates that the integration project's globalSetup (tests/support/template-databases.ts)
 * migrated and seeded once for the whole run — a PostgreSQL `create database … template …`, or a
 * copy of a closed PGlite folder — then lets the app's start-up check it (`prepareDatabase`, which
 * finds nothing to do). Without templates (run outside that project) it migrates and seeds itself.
 * On PostgreSQL, `drop()` closes this file's connections and leaves the database to the
 * globalSetup's teardown, which drops all of the run's databases at once at the end.
 */
export const onPostgres = Boolean(process.env.TEST_PG_ADMIN_URL);

export interface TestDatabase {
  env: Env;
  /** Opens a new connection (pool) to this database, not yet migrated. */
  open(): Promise<Database>;
  /** Opens, migrates and seeds (with demo data unless told otherwise): a copy of the run's template. */
  openPrepared(options?: { demo?: boolean }): Promise<Database>;
  drop(): Promise<void>;
}

function templates(): TemplateDatabases | null {
  try {
    return inject("pscTemplates") ?? null;
  } catch {
    return null;
  }
}

const uniqueName = (label: string) => `psc_test_${label}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;

async function withAdmin<T>(adminUrl: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const template = templates();
  const name =
    template?.kind === "postgres"
      ? `${testDatabasePrefix(template.runId)}${label}_${Math.random().toString(36).slice(2, 7)}`
      : uniqueName(label);
  if (onPostgres) {
    const adminUrl = process.env.TEST_PG_ADMIN_URL!;
    await withAdmin(adminUrl, (sql) => sql.unsafe(`create database ${name}`));
    const settingsFor = (database: string) => {
      const url = new URL(adminUrl);
      url.pathname = `/${database}`;
      return { NODE_ENV: "test", DATABASE_URL: url.toString(), DATABASE_POOL_MAX: "4" };
    };
    // The empty database made above; `openPrepared` moves to a copy of a template instead.
    const created = [name];
    let settings = settingsFor(name);
    let env = parseEnv(settings);
    const opened: Database[] = [];
    const open = async () => {
      const database = await openDatabase(env);
      opened.push(database);
      return database;
    };
    return {
      get env() {
        return env;
      },
      open,
      async openPrepared(options) {
        const demo = options?.demo !== false;
        if (template?.kind === "postgres" && opened.length === 0) {
          const copy = `${name}_${demo ? "demo" : "plain"}`;
          await withAdmin(adminUrl, (sql) => sql.unsafe(`create database ${copy} template ${demo ? template.demo : template.plain}`));
          created.push(copy);
          settings = settingsFor(copy);
          env = parseEnv(settings);
        }
        const database = await open();
        await prepareDatabase(database, parseEnv({ ...settings, SEED_DEMO_DATA: demo ? "1" : "0" }));
        return database;
      },
      async drop() {
        await Promise.all(opened.map((d) => d.close().catch(() => {})));
        // Within a run, the globalSetup's teardown drops every database of the run at once.
        if (template?.kind === "postgres") return;
        await withAdmin(adminUrl, (sql) => Promise.all(created.map((n) => sql.unsafe(`drop database if exists ${n} with (force)`))));
      },
    };
  }
  const root = process.env.TEST_PGLITE_ROOT ?? tmpdir();
  const dir = mkdtempSync(path.join(root, `${name}-`));
  const settings = { NODE_ENV: "test", PGLITE_DIR: path.join(dir, "db") };
  const env = parseEnv(settings);
  let current: Database | undefined;
  let used = false;
  const open = async () => {
    // One PGlite folder, one opener: close the previous one first (the lock allows one at a time).
    if (current) await current.close();
    used = true;
    current = await openDatabase(env);
    return current;
  };
  return {
    env,
    open,
    async openPrepared(options) {
      const demo = options?.demo !== false;
      // The folder does not exist until first opened: fill it with a copy of the template instead.
      if (template?.kind === "pglite" && !used) await copyFolder(demo ? template.demo : template.plain, settings.PGLITE_DIR);
      const database = await open();
      await prepareDatabase(database, parseEnv({ ...settings, SEED_DEMO_DATA: demo ? "1" : "0" }));
      return database;
    },
    async drop() {
      if (current) await current.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { rowsOf } from "@/db/rows";
