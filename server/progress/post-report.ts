import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { progressReports } from "@/db/schema";
import { forbidden, invalidInput, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { cityDay } from "@/lib/dates";
import { can, type MaybeActor } from "@/lib/permissions";
import type { PostProgressReportData } from "@/lib/validation/progress";
import { writeAudit } from "@/server/audit";
import { applyDeadlineChange, isInCharge, loadProgressAction, syncActionFromReports, timeframeLabelFor } from "./shared";
import { refuseOutsideCurrentPlan } from "@/server/plan/plan-state";

export const futureDateError = "La date du point d'étape ne peut pas être dans le futur.";

/** A day in the future is a rule of the moment, checked on the server after parsing. */
export const futureDate = () => invalidInput({ issues: [{ path: ["reportedOn"], message: futureDateError }] });

/**
 * Publishes a point d'étape (public at once) with the fiche's new status and progress, and, when
 * asked, a new deadline with its reason — all in one transaction with its journal rows (the caller
 * refreshes the public pages: server/cache.ts). Staff, or
 * an official in charge of the fiche. The same form submitted twice records one report.
 */
export async function postProgressReport(
  db: Db,
  actor: MaybeActor,
  data: PostProgressReportData,
): Promise<ActionResult<{ id: number; slug: string }>> {
  if (!actor) return unauthenticated();
  if (data.reportedOn > cityDay(new Date())) return futureDate();
  const target = await loadProgressAction(db, data.actionSlug);
  if (!target) return notFound("Fiche action");
  const outside = refuseOutsideCurrentPlan(target.planState);
  if (outside) return outside;
  if (!can(actor, "progress.report", { inChargeOfAction: await isInCharge(db, target.id, actor.id) })) return forbidden();

  const idempotencyKey = `form:${data.clientRequestId}`;
  const result = await db.transaction(async (tx) => {
    const action = (await loadProgressAction(tx, data.actionSlug, true))!;
    const [report] = await tx
      .insert(progressReports)
      .values({
        actionId: action.id,
        seedKey: idempotencyKey,
        title: data.title,
        body: data.body,
        reportedOn: data.reportedOn,
        status: data.status,
        progress: data.progress,
        authorId: actor.id,
      })
      .onConflictDoNothing({ target: progressReports.seedKey })
      .returning({ id: progressReports.id });
    if (!report) {
      // A replay of a form already recorded: answer as the first time, change nothing.
      const [existing] = await tx
        .select({ id: progressReports.id })
        .from(progressReports)
        .where(eq(progressReports.seedKey, idempotencyKey));
      return { id: existing!.id, replay: true };
    }
    await syncActionFromReports(tx, action.id);
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "progress_report.create",
      targetType: "progress_report",
      targetId: report.id,
      details: { fiche: action.slug, status: data.status, progress: data.progress },
    });
    if (data.deadline) {
      const change = {
        newTimeframeLabel: data.deadline.label ?? timeframeLabelFor(data.deadline.date),
        newDeadline: data.deadline.date,
        reason: data.deadline.reason,
      };
      await applyDeadlineChange(tx, action, change, actor.id, report.id);
    }
    return { id: report.id, replay: false };
  });
  return ok({ id: result.id, slug: target.slug }, "Point d'étape publié : il est visible sur la fiche.");
}
