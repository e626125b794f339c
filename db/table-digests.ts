import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { rowsOf } from "./rows";

/*
 * What a database holds, table by table: its number of rows and a fingerprint of their content
 * (md5 of the sorted md5s of each row's text). Two databases with the same digests hold the same
 * rows, whatever their physical order — what the backup, restore and copy tests compare, and what
 * the fuzz test's seam reads (app/api/test-hooks/table-counts). Read in one transaction with the
 * time zone fixed, so that a timestamp prints the same on any server (PGlite, PostgreSQL).
 */
export type TableDigests = Record<string, { rows: number; digest: string }>;

/** The app's tables (schema `public`), by name. Names come from the catalogue; anything odd is left out. */
export async function appTables(db: Db): Promise<string[]> {
  return rowsOf(
    await db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    ),
  )
    .map((row) => String(row.name))
    .filter((name) => /^[a-z_][a-z0-9_]*$/.test(name));
}

export async function tableDigests(db: Db): Promise<TableDigests> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone to 'UTC'`);
    const digests: TableDigests = {};
    for (const name of await appTables(tx as unknown as Db)) {
      const [row] = rowsOf(
        await tx.execute(
          sql`select count(*)::int as rows, coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') as digest from ${sql.identifier(name)} t`,
        ),
      );
      digests[name] = { rows: Number(row?.rows ?? 0), digest: String(row?.digest ?? "") };
    }
    return digests;
  });
}
