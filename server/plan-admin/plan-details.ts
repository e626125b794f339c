import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { planMilestones, plans } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { PlanDetails, PlanStepLine, UpdatePlanData } from "@/lib/validation/plan";
import { writeAudit } from "../audit";
import { freePlanSlug } from "./next-plan";
import { sameValue } from "./shared";

/*
 * A plan's details after it is opened (issue 11): its title, period, introduction, démarche and
 * the démarche's steps — the draft's while staff prepare it, the current plan's to correct it.
 * A closed plan stays as it was when the next one was published (decision 0027).
 */

export interface PlanDetailsSaved {
  slug: string;
  state: "draft" | "current" | "closed";
  changed: boolean;
}

const detailKeys = ["title", "periodStartYear", "periodEndYear", "summary", "demarche"] as const;

interface StoredStep extends PlanStepLine {
  key: string;
  description: string | null;
  endsOn: string | null;
}

const sameStep = (a: PlanStepLine, b: PlanStepLine) => a.startsOn === b.startsOn && a.precision === b.precision && a.title === b.title;

/**
 * The steps to store for the steps written: a step written as it was keeps what the one-line form
 * does not show (its identifier, its description, its end date — the seeded plan's steps have
 * them); a new step takes the first free « etape-N ».
 */
function stepsToStore(stored: StoredStep[], written: PlanStepLine[]): StoredStep[] {
  const unclaimed = [...stored];
  const kept = written.map((step) => {
    const index = unclaimed.findIndex((s) => sameStep(s, step));
    return index === -1 ? null : unclaimed.splice(index, 1)[0]!;
  });
  const taken = new Set(kept.flatMap((s) => (s ? [s.key] : [])));
  let n = 0;
  const nextKey = () => {
    do n += 1;
    while (taken.has(`etape-${n}`));
    taken.add(`etape-${n}`);
    return `etape-${n}`;
  };
  return written.map((step, i) => kept[i] ?? { ...step, key: nextKey(), description: null, endsOn: null });
}

/**
 * Changes a plan's details, for administrators only, with one journal row holding the values before
 * and after, in the same transaction. A draft's address follows its period (nobody outside the team
 * has seen it); the current plan keeps its address, which links and feeds already point to.
 */
export async function updatePlanDetails(db: Db, actor: MaybeActor, data: UpdatePlanData): Promise<ActionResult<PlanDetailsSaved>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "plan.update")) return forbidden();
  return db.transaction(async (tx): Promise<ActionResult<PlanDetailsSaved>> => {
    // Locked like a publish locks it: an edit and a publish of the same draft happen one after the other.
    const [plan] = await tx
      .select({
        id: plans.id,
        slug: plans.slug,
        state: plans.state,
        title: plans.title,
        periodStartYear: plans.periodStartYear,
        periodEndYear: plans.periodEndYear,
        summary: plans.summary,
        demarche: plans.demarche,
      })
      .from(plans)
      .where(eq(plans.id, data.planId))
      .for("update");
    if (!plan) return notFound("Plan");
    if (plan.state === "closed") return fail("CONFLICT", "Ce plan est terminé : il reste tel qu'il était quand le suivant a été publié.");

    const stored: StoredStep[] = await tx
      .select({
        key: planMilestones.key,
        title: planMilestones.title,
        startsOn: planMilestones.startsOn,
        precision: planMilestones.precision,
        description: planMilestones.description,
        endsOn: planMilestones.endsOn,
      })
      .from(planMilestones)
      .where(eq(planMilestones.planId, plan.id))
      .orderBy(asc(planMilestones.position));
    const after = { ...data, demarche: data.demarche ?? "" };
    const changed = detailKeys.filter((k) => !sameValue(plan[k], after[k]));
    const stepsChanged = stored.length !== data.steps.length || stored.some((s, i) => !sameStep(s, data.steps[i]!));
    if (changed.length === 0 && !stepsChanged) return ok({ slug: plan.slug, state: plan.state, changed: false }, "Rien n'a changé.");

    const periodChanged = changed.includes("periodStartYear") || changed.includes("periodEndYear");
    const slug =
      plan.state === "draft" && periodChanged && plan.slug !== `${data.periodStartYear}-${data.periodEndYear}`
        ? await freePlanSlug(tx, data.periodStartYear, data.periodEndYear)
        : plan.slug;
    await tx
      .update(plans)
      .set({
        slug,
        title: after.title,
        periodStartYear: after.periodStartYear,
        periodEndYear: after.periodEndYear,
        summary: after.summary,
        demarche: after.demarche,
        updatedAt: sql`now()`,
      })
      .where(eq(plans.id, plan.id));
    if (stepsChanged) {
      await tx.delete(planMilestones).where(eq(planMilestones.planId, plan.id));
      const steps = stepsToStore(stored, data.steps);
      if (steps.length > 0) await tx.insert(planMilestones).values(steps.map((step, i) => ({ ...step, planId: plan.id, position: i + 1 })));
    }
    const stepLines = (steps: PlanStepLine[]) => steps.map((s) => `${s.startsOn} (${s.precision}) ${s.title}`);
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "plan.update",
      targetType: "plan",
      targetId: plan.id,
      reason: data.reason,
      details: {
        title: after.title,
        before: {
          ...Object.fromEntries(changed.map((k) => [k, plan[k]])),
          ...(stepsChanged ? { steps: stepLines(stored) } : {}),
          ...(slug !== plan.slug ? { slug: plan.slug } : {}),
        },
        after: {
          ...Object.fromEntries(changed.map((k) => [k, after[k]])),
          ...(stepsChanged ? { steps: stepLines(data.steps) } : {}),
          ...(slug !== plan.slug ? { slug } : {}),
        },
      },
    });
    return ok(
      { slug, state: plan.state, changed: true },
      slug !== plan.slug
        ? `Le plan « ${after.title} » est modifié. Sa période a changé : son adresse sera /plans/${slug}.`
        : `Le plan « ${after.title} » est modifié.`,
    );
  });
}

export interface PlanDetailsForm extends PlanDetails {
  slug: string;
  state: "draft" | "current";
}

/** The details of the current plan or of the draft, for their edit form; null when there is none. Two queries. */
export async function loadPlanDetailsForAdmin(
  db: Db,
  actor: MaybeActor,
  which: "current" | "draft",
): Promise<ActionResult<PlanDetailsForm | null>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "plan.update")) return forbidden();
  const [plan] = await db
    .select({
      id: plans.id,
      slug: plans.slug,
      title: plans.title,
      periodStartYear: plans.periodStartYear,
      periodEndYear: plans.periodEndYear,
      summary: plans.summary,
      demarche: plans.demarche,
    })
    .from(plans)
    .where(eq(plans.state, which));
  if (!plan) return ok(null);
  const steps = await db
    .select({ startsOn: planMilestones.startsOn, precision: planMilestones.precision, title: planMilestones.title })
    .from(planMilestones)
    .where(eq(planMilestones.planId, plan.id))
    .orderBy(asc(planMilestones.position));
  return ok({ ...plan, state: which, steps });
}
