import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, contributionComments, contributions } from "@/db/schema";
import type { ContributionData } from "@/lib/validation/contribution";
import type { MatrixRole } from "../support/actors";

/** Every row the contribution and moderation functions touch, to prove a refused call changed nothing. */
export async function snapshotContributionTables(db: Db) {
  const [c, k, a] = await Promise.all([
    db.select().from(contributions).orderBy(asc(contributions.id)),
    db.select().from(contributionComments).orderBy(asc(contributionComments.id)),
    db.select().from(auditLog).orderBy(asc(auditLog.id)),
  ]);
  return { contributions: c, comments: k, audit: a };
}

export const refusalCode = (role: MatrixRole) => (role === "anonymous" || role === "deactivated" ? "UNAUTHENTICATED" : "FORBIDDEN");

export const feedbackInput = (councilId: number, actionSlug: string, body = `Avis du conseil ${randomUUID()}`): ContributionData => ({
  kind: "feedback",
  position: "favorable_with_reservations",
  councilId,
  actionSlug,
  body,
  clientRequestId: randomUUID(),
});

export const proposalInput = (councilId: number, actionSlug: string, title: string, body: string): ContributionData => ({
  kind: "proposal",
  title,
  councilId,
  actionSlug,
  body,
  clientRequestId: randomUUID(),
});

/** Puts a contribution straight into a state (for tests of later steps). */
export async function setStatus(db: Db, id: number, status: "draft" | "pending" | "published" | "rejected" | "hidden") {
  await db
    .update(contributions)
    .set({
      status,
      submittedAt: status === "draft" ? null : new Date(),
      publishedAt: status === "published" || status === "hidden" ? new Date() : null,
      rejectionReason: status === "rejected" ? "Raison de test" : null,
      hiddenAt: status === "hidden" ? new Date() : null,
      hiddenReason: status === "hidden" ? "Raison de masquage de test" : null,
    })
    .where(eq(contributions.id, id));
}
