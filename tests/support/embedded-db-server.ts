/*
 * A tiny server on the embedded database that starts the way the app does: it runs the app's own
 * instrumentation.ts `register()` (environment, open + migrate + seed the database), and — like
 * Next.js when that hook fails — keeps going and listens anyway, answering 500. So a test sees
 * exactly what a supervisor would: a process that exits, or one that listens. For tests that kill
 * it with SIGKILL and start it again.
 * Run with `node --import tsx --conditions=react-server tests/support/embedded-db-server.ts PORT`
 * and PGLITE_DIR set: one process, so the pid the test kills is the one that holds the lock.
 *   POST /write?id=N  inserts N, answers 200 once committed (an acknowledged write)
 *   GET  /ids         the ids present
 */
import http from "node:http";
import { sql } from "drizzle-orm";

const port = Number(process.argv[2]);
process.env.NEXT_RUNTIME = "nodejs";
const { register } = await import("../../instrumentation");
let failure: string | null = null;
try {
  await register();
} catch (error) {
  // What Next.js does with a failed instrumentation hook: log it, listen anyway.
  failure = error instanceof Error ? error.message : String(error);
  console.error(`register() a échoué : ${failure}`);
}
const { getDb } = await import("../../db/client");
if (!failure) await (await getDb()).execute(sql`create table if not exists lock_test_writes (id integer primary key)`);

const rows = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { id: number }[];

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  const answer = (status: number, body: string) => response.writeHead(status, { "content-type": "text/plain" }).end(body);
  (async () => {
    if (failure) return answer(500, failure);
    const db = await getDb();
    if (request.method === "POST" && url.pathname === "/write") {
      await db.execute(sql`insert into lock_test_writes (id) values (${Number(url.searchParams.get("id"))})`);
      return answer(200, "ok");
    }
    if (url.pathname === "/ids") {
      const ids = rows(await db.execute(sql`select id from lock_test_writes order by id`)).map((r) => Number(r.id));
      return answer(200, JSON.stringify(ids));
    }
    answer(404, "");
  })().catch((error: unknown) => answer(500, String(error)));
});
server.listen(port, "127.0.0.1", () => console.log(`LISTENING ${port}`));
