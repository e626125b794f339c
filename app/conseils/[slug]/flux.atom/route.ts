import { feedRoute } from "@/server/feeds/feed-route";

/* A council's feed (docs/decisions/0015): rendered on its first request, then cached and refreshed like its page. */
export function generateStaticParams() {
  return [];
}

export const revalidate = 3600;

export const GET = feedRoute((slug) => ({ kind: "council", slug }));
