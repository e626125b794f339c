import "server-only";
import { revalidatePath } from "next/cache";
import type { Db } from "@/db/client";
import { publicPathsOf, type PublicChange } from "./public-paths";

/*
 * Public pages are cached (rendered once, then served from cache) and dropped from the cache when
 * what they show changes: the next visitor of a dropped page gets a fresh render, every other page
 * stays served from cache (docs/decisions/0001).
 *
 * Only works inside a Next.js request (server action or route handler). Writers outside the app
 * process (the seed script, another replica) are caught up by the pages' hourly revalidation.
 */

/**
 * Every public page at once — for the rare changes shown everywhere: a council's name or archive
 * (on every contribution it wrote or supported, on every fiche).
 */
export function refreshPublicPages(): void {
  revalidatePath("/", "layout");
}

/**
 * Only the public pages that show `change` (server/public-paths.ts): a contribution on fiche A
 * re-renders fiche A and its contribution pages, A's themes, the council's page, the home page
 * and past meetings' slides — never fiche B. Called after the write has committed. If the pages
 * cannot be looked up, every public page is refreshed: a page is never left showing old data.
 */
export async function refreshPublicPagesOf(db: Db, change: PublicChange): Promise<void> {
  let found: Awaited<ReturnType<typeof publicPathsOf>>;
  try {
    found = await publicPathsOf(db, change);
  } catch (error) {
    console.error("Pages publiques à rafraîchir introuvables, toutes le sont :", error);
    refreshPublicPages();
    return;
  }
  for (const path of found.paths) revalidatePath(path);
  for (const route of found.routes) revalidatePath(route, "page");
  for (const layout of found.layouts) revalidatePath(layout, "layout");
}

/**
 * The meetings' public pages and the home page (its « next meeting »): a meeting created, changed,
 * given minutes, or its slides frozen. `/reunions` as a layout covers the list, every meeting's
 * page and slides — the slides of the next meeting count what changed since this one.
 */
export function refreshMeetingPages(): void {
  revalidatePath("/");
  revalidatePath("/reunions", "layout");
}
