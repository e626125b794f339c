import { scanFileName } from "@/lib/paper-contribution";
import { getActor } from "@/server/auth/actor";
import { loadScan } from "@/server/contributions/load-scan";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

const text = (message: string, status: number) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * The scan of a paper contribution, for staff only (lib/permissions.ts, « contribution.scan.view »).
 * Sent as a download with its type read at upload from its first bytes, never sniffed by the
 * browser, never cached, never indexed. Signed out: to the sign-in page and back.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id: raw } = await params;
  const actor = await getActor();
  if (!actor) {
    const signIn = new URL("/connexion", request.url);
    signIn.searchParams.set("callbackUrl", `/moderation/papier/scan/${encodeURIComponent(raw)}`);
    return Response.redirect(signIn, 303);
  }
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
  if (id === 0) return text("Scan introuvable.", 404);
  const result = await loadScan(await getDb(), actor, id);
  if (!result.ok)
    return result.code === "FORBIDDEN"
      ? text("Accès refusé : le scan est réservé au personnel de la Ville.", 403)
      : text("Scan introuvable.", 404);
  const { mediaType, content } = result.data;
  return new Response(content as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": mediaType,
      "Content-Length": String(content.byteLength),
      "Content-Disposition": `attachment; filename="${scanFileName(id, mediaType)}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
      // Opened in a tab, it runs nothing (a PDF viewer, an image).
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
