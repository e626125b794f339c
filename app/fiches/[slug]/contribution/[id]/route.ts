import { connection } from "next/server";
import { getDb } from "@/server/db";
import { locatePublishedContribution } from "@/server/plan/locate-contribution";

/*
 * The stable address of a published contribution (notifications and mails link here): sends the
 * reader to the page of its fiche where its card is today. Anything else (an item hidden since, a
 * wrong number) goes to the fiche itself, which answers « page introuvable » for an unknown slug.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  await connection();
  const { slug, id } = await params;
  const n = Number(id);
  const href = Number.isInteger(n) && n > 0 && n <= 2_147_483_647 ? await locatePublishedContribution(await getDb(), slug, n) : null;
  // A relative Location is valid (RFC 9110 § 10.2.2) and stays right behind a proxy.
  return new Response(null, {
    status: 303,
    headers: { Location: href ?? `/fiches/${encodeURIComponent(slug)}`, "Cache-Control": "no-store" },
  });
}
