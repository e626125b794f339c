import { can } from "@/lib/permissions";
import { exportMyData } from "@/server/account/my-data";
import { getActor } from "@/server/auth/actor";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

/**
 * « Télécharger mes données »: one JSON file with everything the app holds about the signed-in
 * person, streamed section by section (server/account/my-data.ts). Only ever the session's own
 * person; a signed-out request is sent to the sign-in page and comes back here.
 */
export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor || !can(actor, "account.data.view", { targetUserId: actor.id })) {
    const signIn = new URL("/connexion", request.url);
    signIn.searchParams.set("callbackUrl", "/espace/mes-donnees");
    return Response.redirect(signIn, 303);
  }
  const db = await getDb();
  const now = new Date();
  const chunks = exportMyData(db, actor.id, now);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        console.error("Export de « Mes données » en échec :", error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="mes-donnees-${now.toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
