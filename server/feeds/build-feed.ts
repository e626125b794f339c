import "server-only";
import type { Db } from "@/db/client";
import { atomFeed } from "@/lib/atom";
import { feedPagePath, feedPath, tagUri, type FeedScope } from "@/lib/feeds";
import { findFeedSubject } from "./find-feed-subject";
import { loadFeedItems } from "./load-feed-items";
import { toAtomEntry } from "./to-atom-entry";

/**
 * The Atom document of a feed (the plan's, a theme's, a fiche's, a council's), or null when the
 * feed does not exist publicly. Its addresses are absolute, from the site's public origin. Its
 * `updated` is its newest entry's (the plan's last change when it has none): nothing in it
 * depends on the time it is produced, so producing it again without a change gives the same bytes.
 */
export async function buildFeed(db: Db, scope: FeedScope, origin: string): Promise<string | null> {
  const subject = await findFeedSubject(db, scope);
  if (!subject) return null;
  const entries = (await loadFeedItems(db, subject.filter)).map((item) => toAtomEntry(item, scope, origin));
  const path = feedPath(scope);
  return atomFeed({
    id: tagUri(origin, `flux${path.replace(/\/flux\.atom$/, "")}`),
    title: subject.title,
    subtitle: subject.subtitle,
    // The items come newest first (loadFeedItems): the feed was last updated by the first one.
    updated: entries[0]?.updated ?? subject.since,
    selfUrl: `${origin}${path}`,
    pageUrl: `${origin}${feedPagePath(scope)}`,
    author: subject.cityName,
    entries,
  });
}
