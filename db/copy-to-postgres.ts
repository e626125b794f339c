import { existsSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import type { PGlite } from "@electric-sql/pglite";
import { parseEnv, type Env } from "@/lib/env";
import { BackupError, DROP_APP_SCHEMAS, postgresIsEmpty } from "./backup";
import { openDatabase, type Database } from "./client";
import { migrateDatabase } from "./migrate";
import { appTables, tableDigests, type TableDigests } from "./table-digests";
import { rowsOf } from "./rows";

/*
 * `npm run db:copy-to-postgres -- <postgres://…> [--force]`: moves a City from the embedded database
 * to PostgreSQL (docs/deploiement.md). The app must be stopped (the embedded folder's lock is
 * taken). The target gets the app's migrations (the same ones, so the same tables), then — in one
 * transaction — every table of the source, parents before children (foreign keys), each with
 * COPY in PostgreSQL's text format (every value exactly as stored: timestamps to the microsecond,
 * json, arrays, search vectors), its generated columns left to the target to compute; then each
 * sequence is set past the highest id copied. Finally both sides are compared table by table
 * (rows and a checksum of their content): any difference is an error.
 *
 * A target that already has tables (an app already started on it: it seeded the plan) is refused
 * without --force, which empties it first.
 */

/**
 * Tables that PostgreSQL fills itself from other tables, in the same transaction (triggers of the
 * migrations): `contribution_figures` counts the published contributions. Not copied; the digests
 * compared after the copy show that the target's own equal the source's.
 */
export const DERIVED_TABLES: readonly string[] = ["contribution_figures"];

/** The app's tables ordered so that every table comes after the tables its foreign keys point to. */
export async function tablesInForeignKeyOrder(database: Database): Promise<string[]> {
  const tables = await appTables(database.db);
  const edges = rowsOf(
    await database.db.execute(sql`
      select child.relname as child, parent.relname as parent
      from pg_constraint c
      join pg_class child on child.oid = c.conrelid
      join pg_class parent on parent.oid = c.confrelid
      join pg_namespace n on n.oid = child.relnamespace
      where c.contype = 'f' and n.nspname = 'public'`),
  );
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of edges) if (child !== parent) parents.get(String(child))?.add(String(parent));
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    // A self-reference is no obstacle (one COPY checks its foreign keys at the end of the statement).
    const ready = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)));
    if (ready.length === 0) {
      const left = tables.filter((t) => !placed.has(t));
      throw new BackupError(`Clés étrangères circulaires entre ${left.join(", ")} : copie table par table impossible.`);
    }
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}

/** The columns a COPY may write: all but the generated ones, in table order. */
async function copyableColumns(database: Database, table: string): Promise<string[]> {
  return rowsOf(
    await database.db.execute(sql`
      select column_name as name from information_schema.columns
      where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'
      order by ordinal_position`),
  ).map((r) => String(r.name));
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface CopyReport {
  tables: { name: string; rows: number }[];
  source: TableDigests;
  target: TableDigests;
}

export async function copyEmbeddedToPostgres(options: { pgliteDir: string; targetUrl: string; force: boolean }): Promise<CopyReport> {
  const dir = path.resolve(options.pgliteDir);
  if (!existsSync(path.join(dir, "PG_VERSION"))) throw new BackupError(`Aucune base embarquée dans ${dir} : rien à copier.`);
  let targetEnv: Env;
  try {
    targetEnv = parseEnv({ NODE_ENV: "production", DATABASE_URL: options.targetUrl, DATABASE_POOL_MAX: "2" });
  } catch (error) {
    throw new BackupError(error instanceof Error ? error.message : String(error));
  }
  // Taking the folder's lock: refused, with the holder named, while the app runs.
  const source = await openDatabase(parseEnv({ NODE_ENV: "production", PGLITE_DIR: dir }));
  try {
    const target = await openDatabase(targetEnv);
    try {
      if (!(await postgresIsEmpty(target))) {
        if (!options.force) {
          throw new BackupError(
            "La base PostgreSQL cible contient déjà des tables (l'application y a-t-elle déjà démarré ?). Relancez avec --force pour la vider avant la copie.",
          );
        }
        for (const statement of DROP_APP_SCHEMAS) await target.db.execute(sql.raw(statement));
      }
      // Both at the code's migration level: the same tables on both sides.
      await source.withSetupLock(() => migrateDatabase(source));
      await target.withSetupLock(() => migrateDatabase(target));

      const tables = await tablesInForeignKeyOrder(source);
      const pglite = (source.db as unknown as { $client: PGlite }).$client;
      const sqlClient = (target.db as unknown as { $client: import("postgres").Sql }).$client;
      await sqlClient.begin(async (tx) => {
        // What the migrations inserted (a settings row) is replaced by the source's.
        await tx.unsafe(`truncate ${tables.map(quoteIdent).join(", ")} restart identity cascade`);
        for (const table of tables) {
          // Kept by the target's own triggers while the contributions are copied: copied again, they would count twice.
          if (DERIVED_TABLES.includes(table)) continue;
          const columns = (await copyableColumns(source, table)).map(quoteIdent).join(", ");
          const out = await pglite.query(`copy ${quoteIdent(table)} (${columns}) to '/dev/blob'`);
          const data = Buffer.from(await (out.blob ?? new Blob()).arrayBuffer());
          const writable = await tx.unsafe(`copy ${quoteIdent(table)} (${columns}) from stdin`).writable();
          await pipeline(Readable.from([data]), writable);
        }
        // Each serial/identity column's sequence continues after the highest value copied.
        const sequences = await tx<{ table: string; column: string; sequence: string }[]>`
          select c.table_name as table, c.column_name as column, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as sequence
          from information_schema.columns c
          where c.table_schema = 'public' and pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) is not null`;
        for (const s of sequences) {
          await tx.unsafe(
            `select setval($1, coalesce((select max(${quoteIdent(s.column)}) from ${quoteIdent(s.table)}), 1), (select count(*) > 0 from ${quoteIdent(s.table)}))`,
            [s.sequence],
          );
        }
      });
      const [from, to] = [await tableDigests(source.db), await tableDigests(target.db)];
      const different = Object.keys({ ...from, ...to }).filter((t) => from[t]?.rows !== to[t]?.rows || from[t]?.digest !== to[t]?.digest);
      if (different.length > 0) {
        throw new BackupError(
          `Copie incomplète : contenu différent pour ${different.join(", ")}. La base cible ne doit pas être utilisée.`,
        );
      }
      return { tables: tables.map((name) => ({ name, rows: to[name]?.rows ?? 0 })), source: from, target: to };
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
