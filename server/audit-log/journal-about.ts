import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { auditLog, users } from "@/db/schema";

/** A journal row as an administration page shows it about one person, council, fiche or theme. */
export interface JournalRowAbout {
  action: string;
  actorName: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

/** The journal rows about one target, newest first (`limit` at most). One query. */
export function journalAbout(db: Db, targetType: string, targetId: number, limit = 20): Promise<JournalRowAbout[]> {
  const author = alias(users, "author");
  return db
    .select({
      action: auditLog.action,
      actorName: author.displayName,
      reason: auditLog.reason,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(author, eq(author.id, auditLog.actorUserId))
    .where(and(eq(auditLog.targetType, targetType), eq(auditLog.targetId, String(targetId))))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
}
