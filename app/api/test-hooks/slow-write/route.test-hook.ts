import { and, eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { getDb } from "@/server/db";
import { testHookAuthorized } from "../authorized";

/*
 * Test seam for the shutdown test (e2e/operations/shutdown.spec.ts): a write that takes its time.
 * POST {marker, holdMs} opens a transaction, writes one journal row named by `marker`, holds the
 * transaction open `holdMs` (at most 20 s), commits, and only then answers 200 — so an answer means
 * a committed row. GET ?marker=… says whether that row exists. Built only into a test build (see
 * ../authorized.ts); 404 without the token.
 */
const ACTION = "test.slow-write";

export async function POST(request: Request) {
  if (!testHookAuthorized(request)) return new Response("Not found", { status: 404 });
  const body = (await request.json().catch(() => null)) as { marker?: unknown; holdMs?: unknown } | null;
  const marker = typeof body?.marker === "string" ? body.marker.slice(0, 100) : "";
  const holdMs = Math.min(Math.max(Number(body?.holdMs) || 0, 0), 20_000);
  if (!marker) return Response.json({ ok: false }, { status: 400 });
  const db = await getDb();
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(auditLog).values({ action: ACTION, targetType: "test", targetId: marker }).returning({ id: auditLog.id });
    // The test waits for this line before it sends SIGTERM: the transaction is open, its row not committed.
    console.log(`[test-hooks] transaction ouverte : ${marker}`);
    await new Promise((resolve) => setTimeout(resolve, holdMs));
    return row!.id;
  });
  return Response.json({ ok: true, id }, { headers: { "cache-control": "no-store" } });
}

export async function GET(request: Request) {
  if (!testHookAuthorized(request)) return new Response("Not found", { status: 404 });
  const marker = new URL(request.url).searchParams.get("marker") ?? "";
  const db = await getDb();
  const rows = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.action, ACTION), eq(auditLog.targetId, marker)));
  return Response.json({ rows: rows.length }, { headers: { "cache-control": "no-store" } });
}
