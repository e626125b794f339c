import "server-only";
import { revalidatePath } from "next/cache";

/**
 * Public pages are cached (rendered once, then served from cache). Every public page shows
 * plan-wide figures — counts by status, roll-ups, the fiche lists — so a change to the plan
 * refreshes all of them at once: the next visitor of any public page gets a fresh render.
 *
 * Only works inside a Next.js request (server action or route handler). Writers outside the app
 * process (the seed script, another replica) are caught up by the pages' hourly revalidation.
 */
export function refreshPublicPages(): void {
  revalidatePath("/", "layout");
}
