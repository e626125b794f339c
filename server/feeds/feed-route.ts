import "server-only";
import { ATOM_CONTENT_TYPE } from "@/lib/atom";
import { siteOrigin } from "@/lib/env";
import type { FeedScope } from "@/lib/feeds";
import { getDb } from "@/server/db";
import { documentResponse } from "@/server/http/document-response";
import { buildFeed } from "./build-feed";

/** A route without a dynamic segment (`/flux.atom`) gets no params at all. */
type Params = Promise<Record<string, string | string[] | undefined> | undefined>;

/**
 * The GET handler of a feed's route (app/…/flux.atom/route.ts): the scope from the address's slug,
 * the document built from the database, served as application/atom+xml. It reads nothing of the
 * request, so the route is cached (its `revalidate`) and refreshed by server/public-paths.ts.
 */
export function feedRoute(scopeOf: (slug: string) => FeedScope) {
  return async function GET(_request: Request, { params }: { params: Params }): Promise<Response> {
    const slug = (await params)?.slug;
    const scope = scopeOf(typeof slug === "string" ? slug : "");
    return documentResponse(await buildFeed(await getDb(), scope, siteOrigin()), ATOM_CONTENT_TYPE);
  };
}
