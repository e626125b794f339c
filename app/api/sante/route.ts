import { checkHealth } from "@/server/health";

/*
 * Health check (docs/deploiement.md): 200 when the database (and Redis, if REDIS_URL is set)
 * answer, 503 otherwise or while the server stops, with which part is missing in a few words.
 */
export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.statut === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
