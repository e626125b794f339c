import "server-only";

/**
 * A feed's or a calendar's HTTP answer: the document with its type, or a 404 in French when it does
 * not exist publicly (an unknown slug, an archived council). The document is produced once and
 * served from cache by the route (`revalidate`), like the pages it belongs to.
 */
export function documentResponse(body: string | null, contentType: string, headers: Record<string, string> = {}): Response {
  if (body === null)
    return new Response("Cette adresse ne correspond à aucun flux ni calendrier publics.\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  return new Response(body, { headers: { "Content-Type": contentType, ...headers } });
}
