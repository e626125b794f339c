import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, progressReportRevisions, progressReports } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { cityDay } from "@/lib/dates";
import { can, type MaybeActor } from "@/lib/permissions";
import type { CorrectProgressReportData } from "@/lib/validation/progress";
import { writeAudit } from "@/server/audit";
import { futureDate } from "./post-report";
import { isInCharge, syncActionFromReports } from "./shared";

export const CORRECTION_WINDOW_HOURS = 24;

/**
 * Corrects a point d'étape within 24 hours of its publication. The page then says « corrigé le … »
 * and the earlier version stays readable (progress_report_revisions). The source document's
 * statements are never corrected (they have no author). The 24-hour check is made by the
 * database in the UPDATE itself, so a correction that arrives late changes nothing.
 */
export async function correctProgressReport(
  db: Db,
  actor: MaybeActor,
  data: CorrectProgressReportData,
): Promise<ActionResult<{ id: number; slug: string }>> {
  if (!actor) return unauthenticated();
  if (data.reportedOn > cityDay(new Date())) return futureDate();
  const [target] = await db
    .select({ actionId: progressReports.actionId, authorId: progressReports.authorId, slug: actions.slug })
    .from(progressReports)
    .innerJoin(actions, eq(actions.id, progressReports.actionId))
    .where(eq(progressReports.id, data.reportId));
  if (!target) return notFound("Point d'étape");
  if (!can(actor, "progress.report", { inChargeOfAction: await isInCharge(db, target.actionId, actor.id) })) return forbidden();
  if (target.authorId === null)
    return fail(
      "FORBIDDEN",
      "Ce point d'étape reprend le document source : il ne se corrige pas. Publiez plutôt un nouveau point d'étape.",
    );

  const done = await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(progressReports)
      .where(
        and(
          eq(progressReports.id, data.reportId),
          gt(progressReports.createdAt, sql`now() - make_interval(hours => ${CORRECTION_WINDOW_HOURS})`),
        ),
      )
      .for("update");
    if (!before) return false;
    await tx.insert(progressReportRevisions).values({
      reportId: before.id,
      title: before.title,
      body: before.body,
      reportedOn: before.reportedOn,
      status: before.status,
      progress: before.progress,
      replacedById: actor.id,
    });
    await tx
      .update(progressReports)
      .set({
        title: data.title,
        body: data.body,
        reportedOn: data.reportedOn,
        status: data.status,
        progress: data.progress,
        correctedAt: sql`now()`,
      })
      .where(eq(progressReports.id, before.id));
    await syncActionFromReports(tx, before.actionId);
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "progress_report.correct",
      targetType: "progress_report",
      targetId: before.id,
      details: { fiche: target.slug, before: { title: before.title, status: before.status, progress: before.progress } },
    });
    return true;
  });
  if (!done) {
    return fail(
      "CONFLICT",
      `Ce point d'étape a été publié il y a plus de ${CORRECTION_WINDOW_HOURS} heures : il ne peut plus être corrigé. Publiez un nouveau point d'étape.`,
    );
  }
  return ok(
    { id: data.reportId, slug: target.slug },
    "Correction publiée : la fiche indique la correction et garde la version précédente.",
  );
}
