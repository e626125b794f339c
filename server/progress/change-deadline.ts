import "server-only";
import type { Db } from "@/db/client";
import { forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { ChangeDeadlineData } from "@/lib/validation/progress";
import { applyDeadlineChange, isInCharge, loadProgressAction, timeframeLabelFor } from "./shared";
import { refuseOutsideCurrentPlan } from "@/server/plan/plan-state";

/** Moves a fiche's deadline, with a reason published on the fiche. Staff, or an official in charge. */
export async function changeDeadline(db: Db, actor: MaybeActor, data: ChangeDeadlineData): Promise<ActionResult<{ slug: string }>> {
  if (!actor) return unauthenticated();
  const target = await loadProgressAction(db, data.actionSlug);
  if (!target) return notFound("Fiche action");
  const outside = refuseOutsideCurrentPlan(target.planState);
  if (outside) return outside;
  if (!can(actor, "action.deadline.change", { inChargeOfAction: await isInCharge(db, target.id, actor.id) })) return forbidden();
  const change = {
    newTimeframeLabel: data.deadline.label ?? timeframeLabelFor(data.deadline.date),
    newDeadline: data.deadline.date,
    reason: data.deadline.reason,
  };
  await db.transaction(async (tx) => {
    const action = (await loadProgressAction(tx, data.actionSlug, true))!;
    await applyDeadlineChange(tx, action, change, actor.id, null);
  });
  return ok({ slug: target.slug }, "Échéance modifiée : la fiche montre la nouvelle échéance, l'ancienne et la raison.");
}
