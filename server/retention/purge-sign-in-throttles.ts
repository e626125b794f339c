import "server-only";
import { lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInThrottles } from "@/db/schema";
import { retentionRules } from "@/lib/personal-data";
import { writeAudit } from "@/server/audit";
import { countDeleted } from "./count-deleted";

/**
 * The short pass, every few minutes (server/retention/schedule.ts): deletes the sign-in throttle
 * rows — an e-mail typed or a client's IP network — that will have been quiet for 24 hours before
 * the next pass, so that no IP address is kept longer than 24 hours after the failure that wrote
 * it (the daily run alone would keep one up to 48 hours). Their wait is long over (15 minutes at
 * most) and the throttle forgets their count after a quiet day anyway.
 *
 * No claim: a row is deleted by one statement only, which counts it, so two processes at once
 * purge each row once. A pass that deleted something writes one journal row with its count, in
 * its transaction; a pass with nothing to delete writes nothing (the daily run says the job runs).
 */
export async function purgeSignInThrottles(db: Db, now: Date = new Date()): Promise<number> {
  const cutoff = retentionRules.signInThrottles.cutoff(now);
  return db.transaction(async (tx) => {
    const purged = await countDeleted(tx, signInThrottles, lte(signInThrottles.lastFailureAt, cutoff));
    if (purged > 0) {
      await writeAudit(tx, {
        actorUserId: null,
        action: "retention.purge",
        targetType: "retention",
        details: { purged: { signInThrottles: purged } },
      });
    }
    return purged;
  });
}
