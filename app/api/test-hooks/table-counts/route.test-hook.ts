import { tableDigests } from "@/db/table-digests";
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
export async function GET(request: Request) {
  if (!testHookAuthorized(request)) return new Response("Not found", { status: 404 });
  return Response.json({ ok: true, tables: await tableDigests(await getDb()) }, { headers: { "cache-control": "no-store" } });
}
