import { mkdtempSync, rmSync } from "node:fs";
import { execFile } from "node:child_process";
import { cp, mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase, prepareDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { parseEnv } from "@/lib/env";

/*
 * vitest globalSetup of the integration project: migrates and seeds two databases once per run —
 * « plain » (the production seed) and « demo » (with demo data) — that every test file then copies
 * (tests/support/test-database.ts, `openPrepared`):
 *   - on PostgreSQL (TEST_PG_ADMIN_URL), two template databases: `create database … template …`;
 *   - on PGlite, two closed data folders, copied file by file into each test's own folder.
 * A copy is a new database: test files still never share state. The templates are removed at the end.
 */
export interface TemplateDatabases {
  kind: "postgres" | "pglite";
  /** Names the run's test databases (PostgreSQL): `psc_test_<runId>_…`, all dropped at the end. */
  runId: string;
  /** Database names (PostgreSQL) or data folders (PGlite). */
  plain: string;
  demo: string;
}

/** Connections that drop the run's databases at the end (PostgreSQL's default limit is 100). */
const dropConnections = 40;

/** The prefix of every test database of one run (PostgreSQL). */
export const testDatabasePrefix = (runId: string) => `psc_test_${runId}_`;

declare module "vitest" {
  interface ProvidedContext {
    pscTemplates: TemplateDatabases | null;
  }
}

const adminUrlOf = () => process.env.TEST_PG_ADMIN_URL?.trim() || undefined;

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, fn: (sql: postgres.Sql) => Promise<T>, connections = 1): Promise<T> {
  const sql = postgres(adminUrl, { max: connections, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** A closed PGlite folder (about 1,100 files, 41 MB): the system's `cp` does it with a fifth of Node's CPU. */
export async function copyFolder(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  try {
    await promisify(execFile)("cp", ["-R", from, to]);
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ENOENT") throw error;
    await cp(from, to, { recursive: true }); // no `cp` command on this system
  }
}

/** Opens the database, lets the app prepare it as it would at start (migrations, then the seed), closes it. */
async function prepare(settings: Record<string, string>, demo: boolean): Promise<void> {
  const env = parseEnv({ NODE_ENV: "test", ...settings, SEED_DEMO_DATA: demo ? "1" : "0" });
  const database = await openDatabase(env);
  try {
    await prepareDatabase(database, env);
  } finally {
    await database.close();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const adminUrl = adminUrlOf();
  let teardown: () => Promise<void>;
  let templates: TemplateDatabases;
  // Unique per run, also when two runs share one server (other worktrees, CI and a developer).
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  if (adminUrl) {
    const names = { plain: `psc_template_${runId}_plain`, demo: `psc_template_${runId}_demo` };
    // Test files leave their databases to this teardown, which drops them all at once: each
    // DROP DATABASE waits for a checkpoint (1–3 s here), and concurrent drops share checkpoints —
    // but only on connections of their own: postgres.js queues the queries of a busy pool on one
    // connection, one after the other (measured: 60 drops, 2 s on 60 connections, 2.4 s each on one).
    teardown = async () => {
      const rows = await withAdmin(
        adminUrl,
        (sql) => sql<{ datname: string }[]>`select datname from pg_database where starts_with(datname, ${testDatabasePrefix(runId)})`,
      );
      const all = [...rows.map((r) => r.datname), ...Object.values(names)];
      const lanes = Math.min(all.length, dropConnections);
      await withAdmin(
        adminUrl,
        (sql) =>
          Promise.all(
            Array.from({ length: lanes }, async () => {
              const connection = await sql.reserve();
              try {
                for (let name = all.pop(); name; name = all.pop()) await connection.unsafe(`drop database if exists ${name} with (force)`);
              } finally {
                connection.release();
              }
            }),
          ),
        lanes,
      );
    };
    try {
      await withAdmin(adminUrl, async (sql) => {
        for (const name of Object.values(names)) await sql.unsafe(`create database ${name}`);
      });
      await Promise.all([
        prepare({ DATABASE_URL: databaseUrl(adminUrl, names.plain), DATABASE_POOL_MAX: "2" }, false),
        prepare({ DATABASE_URL: databaseUrl(adminUrl, names.demo), DATABASE_POOL_MAX: "2" }, true),
      ]);
    } catch (error) {
      await teardown().catch(() => {});
      throw error;
    }
    templates = { kind: "postgres", runId, ...names };
  } else {
    const root = mkdtempSync(path.join(process.env.TEST_PGLITE_ROOT ?? tmpdir(), "psc-templates-"));
    const dirs = { plain: path.join(root, "plain", "db"), demo: path.join(root, "demo", "db") };
    teardown = async () => rmSync(root, { recursive: true, force: true });
    try {
      // Creating a PGlite folder (its initdb) is the slow part: do it once, migrate, then copy the
      // closed folder for each seed. One after the other: PGlite runs on this thread.
      const base = path.join(root, "base", "db");
      const database = await openDatabase(parseEnv({ NODE_ENV: "test", PGLITE_DIR: base }));
      try {
        await migrateDatabase(database);
      } finally {
        await database.close();
      }
      for (const dir of Object.values(dirs)) await copyFolder(base, dir);
      await prepare({ PGLITE_DIR: dirs.plain }, false);
      await prepare({ PGLITE_DIR: dirs.demo }, true);
      await rm(path.dirname(base), { recursive: true, force: true });
    } catch (error) {
      await teardown();
      throw error;
    }
    templates = { kind: "pglite", runId, ...dirs };
  }
  project.provide("pscTemplates", templates);
  console.log(
    `Bases modèles (${templates.kind === "postgres" ? "PostgreSQL" : "PGlite"}) migrées et remplies en ${((performance.now() - started) / 1000).toFixed(1)} s : chaque fichier de test en reçoit une copie.`,
  );
  return teardown;
}
