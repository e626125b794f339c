import "server-only";
import type { Db } from "@/db/client";

/*
 * PLACEHOLDER while the digest is being written (issue 4, notifications slice): the signatures
 * below are the contract the other slices call. Replace the bodies; keep the signatures.
 */

/** Mails every person whose digest is due (unread, not-yet-emailed notifications; at most one mail a day). */
export async function sendDueDigests(_db: Db, _now: Date = new Date()): Promise<{ sent: number }> {
  return { sent: 0 };
}

/** Fire-and-forget after a commit that wrote notifications: never throws, never delays the caller. */
export function requestDigests(_db: Db): void {}
