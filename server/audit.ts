import "server-only";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";

export interface AuditEntry {
  actorUserId: number | null;
  /** `resource.verb`, like the permissions: `user.deactivate`, `council.members.invite`. */
  action: string;
  targetType: string;
  targetId?: string | number | null;
  councilId?: number | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Writes one journal row. Call it with the transaction of the change it records. */
export async function writeAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: entry.actorUserId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
    councilId: entry.councilId ?? null,
    reason: entry.reason?.trim() || null,
    details: entry.details ?? {},
  });
}
