import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contributionScans } from "@/db/schema";
import { forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { ScanMediaType } from "@/lib/paper-contribution";

/** The scan of a paper contribution, for staff only (it may show a handwritten name and address). */
export async function loadScan(
  db: Db,
  actor: MaybeActor,
  contributionId: number,
): Promise<ActionResult<{ mediaType: ScanMediaType; content: Uint8Array }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "contribution.scan.view")) return forbidden();
  const [scan] = await db
    .select({ mediaType: contributionScans.mediaType, content: contributionScans.content })
    .from(contributionScans)
    .where(eq(contributionScans.contributionId, contributionId));
  if (!scan) return notFound("Scan");
  return ok({ mediaType: scan.mediaType as ScanMediaType, content: scan.content });
}
