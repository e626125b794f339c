import "server-only";
import { sql } from "drizzle-orm";
import { fail } from "@/lib/action-result";

/*
 * Only the current plan's fiches take new contributions, points d'étape and deadline changes: an
 * earlier (closed) plan stays as it was when the next one was published, and a draft's fiches are
 * not public yet (decision 0027). One column expression, read with the fiche, and one refusal.
 */

export type PlanState = "draft" | "current" | "closed";

/** The state of the plan of the fiche in the same select (a subquery: no join to write). */
export const actionPlanState = sql<PlanState>`(select "state" from "plans" where "plans"."id" = "actions"."plan_id")`.as("plan_state");

const refusals: Record<Exclude<PlanState, "current">, string> = {
  closed: "Cette fiche appartient à un plan terminé : elle ne reçoit plus d'avis, de propositions ni de points d'étape.",
  draft: "Cette fiche appartient au prochain plan, encore en préparation : elle n'est pas publique avant sa publication.",
};

/** Null for a fiche of the current plan; else the refusal (`field`: the form's field that chose the fiche, if any). */
export function refuseOutsideCurrentPlan(state: PlanState, field?: string) {
  if (state === "current") return null;
  const message = refusals[state];
  return fail("CONFLICT", message, field ? { [field]: [message] } : undefined);
}
