import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";

/**
 * Deletes the rows of `table` matching `where` and says how many went, in one statement: each row
 * is deleted by exactly one statement, so two processes purging at once never count it twice.
 */
export async function countDeleted(tx: Db, table: PgTable, where: SQL): Promise<number> {
  const result: unknown = await tx.execute(
    sql`with gone as (delete from ${table} where ${where} returning 1) select count(*)::int as n from gone`,
  );
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
}
