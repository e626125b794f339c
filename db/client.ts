import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env, shouldSeedDemoData, shouldSeedPlan, type Env } from "@/lib/env";
import { EmbeddedDatabaseLockedError, lockEmbeddedDatabase } from "./embedded-lock";
import { countingLogger } from "./query-count";
import * as schema from "./schema";
import { migrateDatabase } from "./migrate";
import { seedDatabase, isDatabaseEmpty } from "./seed/run";

export type Schema = typeof schema;
/** Both drivers (postgres.js and PGlite) behind one type: the app never needs to know which. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: "postgres" | "pglite";
  /** Runs `fn` while holding the cluster-wide lock that serialises migrations and seeding. */
  withSetupLock<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * At a forced stop (requests still running after the server's 10 s): end without letting an open
   * transaction commit — its request was cut, so nobody would hear it was done. PostgreSQL: the
   * connections are terminated now (the server rolls back). PGlite: nothing is closed; the process
   * exits right after, which ends the transaction uncommitted, as a crash would (the next start
   * takes the dead process's lock over).
   */
  abandon(): Promise<void>;
}

// Arbitrary constant shared by every app process: pg_advisory_lock(key) serialises start-up work.
const SETUP_LOCK_KEY = 4_242_015;

/**
 * The extensions every PGlite instance on the app's folder needs. The search (migration 0009) uses
 * both: PGlite loads an extension's files only when it is named here, before `create extension`
 * can find it.
 */
export async function pgliteExtensions() {
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  return { unaccent, pg_trgm };
}

export async function openDatabase(e: Env = env()): Promise<Database> {
  if (e.DATABASE_URL) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const sql = postgres(e.DATABASE_URL, { max: e.DATABASE_POOL_MAX, onnotice: () => {} });
    return {
      db: drizzle(sql, { schema, logger: countingLogger }) as unknown as Db,
      kind: "postgres",
      async withSetupLock(fn) {
        // An advisory lock belongs to a session, so it is taken and released on one reserved connection.
        const conn = await sql.reserve();
        try {
          await conn`select pg_advisory_lock(${SETUP_LOCK_KEY})`;
          return await fn();
        } finally {
          await conn`select pg_advisory_unlock(${SETUP_LOCK_KEY})`.catch(() => {});
          conn.release();
        }
      },
      close: () => sql.end({ timeout: 5 }),
      abandon: () => sql.end({ timeout: 0 }),
    };
  }

  const dir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), e.PGLITE_DIR);
  const release = await lockEmbeddedDatabase(dir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = new PGlite(dir, { extensions: await pgliteExtensions() });
    await client.waitReady;
    return {
      db: drizzle(client, { schema, logger: countingLogger }) as unknown as Db,
      kind: "pglite",
      // One process, one connection: PGlite serialises everything already.
      withSetupLock: (fn) => fn(),
      // Idempotent: the shutdown hook may find it already closed (a test, a script that closed it).
      async close() {
        if (client.closed) return;
        await client.close();
        release();
      },
      abandon: async () => {},
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Applies pending migrations, then seeds the plan if the database has none — once, whoever starts
 * first. With SEED_PLAN=0 an install with no plan stays so (until a plan file is imported).
 */
export async function prepareDatabase(database: Database, e: Env = env()): Promise<void> {
  await database.withSetupLock(async () => {
    await migrateDatabase(database);
    if (await isDatabaseEmpty(database.db)) {
      await seedDatabase(database.db, { demo: shouldSeedDemoData(e), plan: shouldSeedPlan(e) });
    }
  });
}

/**
 * `next build` never opens the real database (docs/decisions/0001): it renders the pages it
 * prerenders against a throwaway PGlite in memory, migrated and seeded with the plan, so that one
 * build runs against whatever database is given at start, and builds with no DATABASE_URL, no
 * secret and no database reachable. Those renders are never served: the production server drops
 * them before it listens (ops/server.mjs), and each page renders on its first request.
 */
export const isBuildPhase = () => process.env.NEXT_PHASE === "phase-production-build";

async function openBuildDatabase(): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = new PGlite({ extensions: await pgliteExtensions() });
  await client.waitReady;
  const database: Database = {
    db: drizzle(client, { schema, logger: countingLogger }) as unknown as Db,
    kind: "pglite",
    withSetupLock: (fn) => fn(),
    close: () => client.close(),
    abandon: async () => {},
  };
  await migrateDatabase(database);
  await seedDatabase(database.db, { demo: false });
  return database;
}

const holder = globalThis as unknown as { __pscDatabase?: Promise<Database> };

/**
 * The process-wide database, opened lazily on first use (never at import time), migrated and
 * seeded before anyone reads it. A failed opening is not cached, so the next request retries.
 */
export function getDatabase(): Promise<Database> {
  if (!holder.__pscDatabase && isBuildPhase()) holder.__pscDatabase = openBuildDatabase();
  if (!holder.__pscDatabase) {
    const opening = openDatabase().then(async (database) => {
      try {
        await prepareDatabase(database);
        return database;
      } catch (error) {
        await database.close().catch(() => {});
        throw error;
      }
    });
    holder.__pscDatabase = opening;
    opening.catch(() => {
      if (holder.__pscDatabase === opening) holder.__pscDatabase = undefined;
    });
  }
  return holder.__pscDatabase;
}

/**
 * At server start (instrumentation.ts): the database, open and ready — or the process ends with a
 * non-zero status and the reason. A server that cannot open its database must not keep listening
 * and answer 500 to everything: a supervisor would see a live process and never restart it.
 */
export async function openDatabaseAtStart(): Promise<Database> {
  try {
    return await getDatabase();
  } catch (error) {
    console.error(
      `[base de données] ouverture impossible, arrêt du serveur : ${error instanceof Error ? error.message : String(error)}`,
      error instanceof Error && !(error instanceof EmbeddedDatabaseLockedError) ? error : "",
    );
    process.exit(1);
  }
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
