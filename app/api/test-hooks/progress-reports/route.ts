import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { refreshPublicPages } from "@/server/cache";
import { recordProgressReport } from "@/server/plan/record-progress-report";

/*
 * Test seam for the browser tests, until staff can post progress reports from the app: it calls
 * the real server-layer function and the real cache refresh. It exists only when TEST_HOOKS_TOKEN
 * is set (never in a normal deployment) and answers 404 to any request without that token.
 */
function authorized(request: Request): boolean {
  const expected = env().TEST_HOOKS_TOKEN;
  const given = request.headers.get("x-test-hooks-token");
  if (!expected || !given) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function POST(request: Request) {
  if (!authorized(request)) return new Response("Not found", { status: 404 });
  const body: unknown = await request.json().catch(() => null);
  const result = await recordProgressReport(body as never);
  if (!result.ok) return Response.json(result, { status: result.code === "ACTION_NOT_FOUND" ? 404 : 400 });
  refreshPublicPages();
  return Response.json(result, { status: 201 });
}
