import { feedRoute } from "@/server/feeds/feed-route";

/* The whole plan's feed (docs/decisions/0015): cached, refreshed by every change it shows, at least hourly. */
export const revalidate = 3600;

export const GET = feedRoute(() => ({ kind: "plan" }));
