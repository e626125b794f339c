import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase, prepareDatabase, type Database } from "@/db/client";
import { parseEnv, type Env } from "@/lib/env";

/*
 * Each integration test file gets its own empty database: a fresh PostgreSQL database on the
 * server named by TEST_PG_ADMIN_URL (set by `npm test` when DATABASE_URL is given), or else a fresh
 * PGlite folder. Nothing is shared between files, so they run in parallel.
 */
export const onPostgres = Boolean(process.env.TEST_PG_ADMIN_URL);

export interface TestDatabase {
  env: Env;
  /** Opens a new connection (pool) to this database, not yet migrated. */
  open(): Promise<Database>;
  /** Opens, migrates and seeds (with demo data unless told otherwise). */
  openPrepared(options?: { demo?: boolean }): Promise<Database>;
  drop(): Promise<void>;
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `psc_test_${label}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
  if (onPostgres) {
    const adminUrl = process.env.TEST_PG_ADMIN_URL!;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const settings = { NODE_ENV: "test", DATABASE_URL: url.toString(), DATABASE_POOL_MAX: "4" };
    const env = parseEnv(settings);
    const opened: Database[] = [];
    const open = async () => {
      const database = await openDatabase(env);
      opened.push(database);
      return database;
    };
    return {
      env,
      open,
      async openPrepared(options) {
        const database = await open();
        await prepareDatabase(database, parseEnv({ ...settings, SEED_DEMO_DATA: options?.demo === false ? "0" : "1" }));
        return database;
      },
      async drop() {
        await Promise.all(opened.map((d) => d.close().catch(() => {})));
        const admin2 = postgres(adminUrl, { max: 1, onnotice: () => {} });
        await admin2.unsafe(`drop database if exists ${name} with (force)`);
        await admin2.end();
      },
    };
  }
  const root = process.env.TEST_PGLITE_ROOT ?? tmpdir();
  const dir = mkdtempSync(path.join(root, `${name}-`));
  const settings = { NODE_ENV: "test", PGLITE_DIR: path.join(dir, "db") };
  const env = parseEnv(settings);
  let current: Database | undefined;
  const open = async () => {
    // One PGlite folder, one opener: close the previous one first (the lock allows one at a time).
    if (current) await current.close();
    current = await openDatabase(env);
    return current;
  };
  return {
    env,
    open,
    async openPrepared(options) {
      const database = await open();
      await prepareDatabase(database, parseEnv({ ...settings, SEED_DEMO_DATA: options?.demo === false ? "0" : "1" }));
      return database;
    },
    async drop() {
      if (current) await current.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `db.execute` returns an array with postgres.js and `{ rows }` with PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
