import { sql } from "drizzle-orm";
import { getDb } from "@/server/db";
import { testHookAuthorized } from "../authorized";

/*
 * Test seam for the fuzz test (e2e/security/fuzz.spec.ts): reads, for every table of the app's
 * schema, its number of rows and a fingerprint of its content, so the test can prove that
 * thousands of malformed requests changed nothing. Read-only. It exists only when
 * TEST_HOOKS_TOKEN is set (never in a normal deployment) and answers 404 to any request without
 * that token. It reads through the server's own connection because with the embedded database
 * the server process owns the folder.
 */
type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (Array.isArray(result) ? (result as Row[]) : ((result as { rows?: Row[] }).rows ?? []));

export async function GET(request: Request) {
  if (!testHookAuthorized(request)) return new Response("Not found", { status: 404 });
  const db = await getDb();
  const tables = rowsOf(
    await db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    ),
  )
    .map((row) => String(row.name))
    // Names come from the catalogue; they are quoted anyway, and anything odd is left out.
    .filter((name) => /^[a-z_][a-z0-9_]*$/.test(name));
  const counts: Record<string, { rows: number; digest: string }> = {};
  for (const name of tables) {
    const [row] = rowsOf(
      await db.execute(
        sql`select count(*)::int as rows, coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') as digest from ${sql.identifier(name)} t`,
      ),
    );
    counts[name] = { rows: Number(row?.rows ?? 0), digest: String(row?.digest ?? "") };
  }
  return Response.json({ ok: true, tables: counts }, { headers: { "cache-control": "no-store" } });
}
