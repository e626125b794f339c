import { serializePlanFile } from "@/lib/validation/plan-file";
import { getActor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { exportPlan, planFileName } from "@/server/plan-file/export-plan";

export const dynamic = "force-dynamic";

const text = (message: string, status: number) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * « Exporter le plan »: the install's plan as one JSON file (docs/format-plan.md), for administrators
 * (lib/permissions.ts, « plan.export »). Signed out: to the sign-in page and back; anyone else gets the
 * administration's ordinary 404 (the address does not reveal that it exists).
 */
export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) {
    const signIn = new URL("/connexion", request.url);
    signIn.searchParams.set("callbackUrl", "/admin/plan");
    return Response.redirect(signIn, 303);
  }
  const result = await exportPlan(await getDb(), actor);
  if (!result.ok)
    return text(result.code === "FORBIDDEN" ? "Page introuvable." : "Cette installation n'a pas encore de plan : rien à exporter.", 404);
  const body = serializePlanFile(result.data);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${planFileName(result.data, new Date())}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "X-Robots-Tag": "noindex",
    },
  });
}
