import "server-only";
import { and, asc, desc, eq, inArray, isNull, like, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { planMilestones, plans, themes } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { OpenPlanData, PublishPlanData } from "@/lib/validation/plan";
import { writeAudit } from "../audit";
import { uniqueViolation } from "../councils-admin/shared";
import { firstFreeSlug } from "../councils-admin/slug";

/*
 * The next plan (decision 0027). An admin opens it as a draft (never public: staff edit its themes
 * and fiches with the plan's usual forms and preview it), then publishes it: in one transaction the
 * current plan is closed (« Plan terminé », readable at /plans/<slug>, unchanged) and the draft
 * becomes current. The partial unique indexes on `plans.state` keep one current plan and one draft
 * whatever two admins do at once.
 */

export interface AdminPlanRow {
  id: number;
  slug: string;
  title: string;
  periodStartYear: number;
  periodEndYear: number;
  state: "draft" | "current" | "closed";
  publishedAt: Date | null;
  closedAt: Date | null;
  themeCount: number;
  actionCount: number;
}

/** Every plan, the draft first, then the current one, then the closed ones, newest first. Two queries at most; plans are a handful. */
export async function listPlansForAdmin(db: Db, actor: MaybeActor): Promise<ActionResult<AdminPlanRow[]>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "plan.action.update")) return forbidden();
  const rows = await db
    .select({
      id: plans.id,
      slug: plans.slug,
      title: plans.title,
      periodStartYear: plans.periodStartYear,
      periodEndYear: plans.periodEndYear,
      state: plans.state,
      publishedAt: plans.publishedAt,
      closedAt: plans.closedAt,
      themeCount: sql<number>`(select count(*)::int from themes t where t.plan_id = ${plans.id})`,
      actionCount: sql<number>`(select count(*)::int from actions a where a.plan_id = ${plans.id})`,
    })
    .from(plans)
    .orderBy(sql`case ${plans.state} when 'draft' then 0 when 'current' then 1 else 2 end`, desc(plans.periodStartYear), desc(plans.id));
  return ok(rows);
}

/** The address of a new plan: its period (« 2021-2026 »), « -2 »… if taken. */
export async function freePlanSlug(tx: Db, start: number, end: number) {
  const base = `${start}-${end}`;
  const rows = await tx
    .select({ slug: plans.slug })
    .from(plans)
    .where(or(eq(plans.slug, base), like(plans.slug, `${base}-%`)));
  return firstFreeSlug(base, new Set(rows.map((r) => r.slug)));
}

const draftExists = () =>
  fail("CONFLICT", "Un prochain plan est déjà en préparation : modifiez-le ou publiez-le avant d'en ouvrir un autre.");

/**
 * Opens the next plan as a draft, for administrators only, with its journal row in the same
 * transaction. Its themes are copied from the current plan (same numbers, titles, descriptions and
 * slugs, so /thematiques/<slug> keeps its meaning) or there are none; it has no fiche yet.
 */
export async function openDraftPlan(db: Db, actor: MaybeActor, data: OpenPlanData): Promise<ActionResult<{ id: number; slug: string }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "plan.open")) return forbidden();
  try {
    return await db.transaction(async (tx): Promise<ActionResult<{ id: number; slug: string }>> => {
      const [current] = await tx
        .select({ id: plans.id, cityName: plans.cityName })
        .from(plans)
        .where(eq(plans.state, "current"))
        .for("share");
      if (!current) return fail("CONFLICT", "Le projet social communal n'est pas encore en place sur ce site.");
      const [draft] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.state, "draft"));
      if (draft) return draftExists();
      const slug = await freePlanSlug(tx, data.periodStartYear, data.periodEndYear);
      const [plan] = await tx
        .insert(plans)
        .values({
          slug,
          state: "draft",
          title: data.title,
          cityName: current.cityName,
          periodStartYear: data.periodStartYear,
          periodEndYear: data.periodEndYear,
          summary: data.summary,
          demarche: data.demarche ?? "",
        })
        .returning({ id: plans.id, slug: plans.slug });
      // The démarche's steps, in the order written; their keys are their rank (the plan file's identifiers).
      if (data.steps.length > 0)
        await tx.insert(planMilestones).values(
          data.steps.map((step, i) => ({
            planId: plan!.id,
            key: `etape-${i + 1}`,
            position: i + 1,
            title: step.title,
            startsOn: step.startsOn,
            precision: step.precision,
          })),
        );
      let copied = 0;
      if (data.themes === "copy") {
        // The themes shown: an archived theme stays with the plan that archived it.
        const source = await tx
          .select({ number: themes.number, slug: themes.slug, title: themes.title, description: themes.description })
          .from(themes)
          .where(and(eq(themes.planId, current.id), isNull(themes.archivedAt)))
          .orderBy(asc(themes.number));
        if (source.length > 0) await tx.insert(themes).values(source.map((t) => ({ ...t, planId: plan!.id })));
        copied = source.length;
      }
      await writeAudit(tx, {
        actorUserId: actor.id,
        action: "plan.open",
        targetType: "plan",
        targetId: plan!.id,
        reason: data.reason,
        details: {
          title: data.title,
          slug,
          period: `${data.periodStartYear}-${data.periodEndYear}`,
          themes: data.themes === "copy" ? `${copied} copiées du plan en cours` : "aucune",
          steps: data.steps.length,
        },
      });
      return ok(plan!, `Le prochain plan « ${data.title} » est ouvert en brouillon : il n'est visible que de l'équipe.`);
    });
  } catch (error) {
    // Two admins opening it at once: the unique index on the draft lets one through.
    if (uniqueViolation(error) !== null) return draftExists();
    throw error;
  }
}

/**
 * Publishes the draft `planId`, for administrators only: the current plan becomes closed and the
 * draft current, with one journal row, in one transaction. Both rows are locked first (the draft,
 * then the current plan), so a second publish at once waits, then finds no draft and changes
 * nothing. A draft without any theme is refused: the home page would be empty.
 */
export async function publishPlan(
  db: Db,
  actor: MaybeActor,
  data: PublishPlanData,
): Promise<ActionResult<{ slug: string; closedSlug: string }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "plan.publish")) return forbidden();
  return db.transaction(async (tx): Promise<ActionResult<{ slug: string; closedSlug: string }>> => {
    const [draft] = await tx
      .select({ id: plans.id, slug: plans.slug, title: plans.title, state: plans.state })
      .from(plans)
      .where(eq(plans.id, data.planId))
      .for("update");
    if (!draft) return notFound("Plan");
    if (draft.state !== "draft") return fail("CONFLICT", "Ce plan n'est pas un brouillon : il a déjà été publié.");
    const [themeCount] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(themes)
      .where(eq(themes.planId, draft.id));
    if (!themeCount || themeCount.n === 0)
      return fail("CONFLICT", "Ce plan n'a encore aucune thématique : ajoutez-en au moins une avant de le publier.");
    const [current] = await tx
      .select({ id: plans.id, slug: plans.slug, title: plans.title })
      .from(plans)
      .where(eq(plans.state, "current"))
      .for("update");
    if (current)
      await tx
        .update(plans)
        .set({ state: "closed", closedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(plans.id, current.id));
    await tx
      .update(plans)
      .set({ state: "current", publishedAt: sql`now()`, updatedAt: sql`now()` })
      .where(inArray(plans.id, [draft.id]));
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "plan.publish",
      targetType: "plan",
      targetId: draft.id,
      reason: data.reason,
      details: { title: draft.title, slug: draft.slug, closed: current ? { slug: current.slug, title: current.title } : null },
    });
    return ok(
      { slug: draft.slug, closedSlug: current?.slug ?? "" },
      `Le plan « ${draft.title} » est publié : c'est désormais celui de la page d'accueil.` +
        (current ? ` Le plan « ${current.title} » est terminé et reste lisible à l'adresse /plans/${current.slug}.` : ""),
    );
  });
}
