import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actionLinks, actionProjects, actionThemes, plans, themes } from "@/db/schema";
import { fail, notFound, type ActionResult } from "@/lib/action-result";
import type { LinkLine, ProjectLine } from "@/lib/validation/plan";

/*
 * What the plan's server functions (create, update, archive, move a fiche; create, update a theme)
 * share: a fiche's texts as one snapshot (its journal rows and its earlier versions are made of
 * it), the themes a form ticked.
 */

/** A fiche's published text: what an edit may change, and what its earlier versions keep. */
export interface ActionText {
  title: string;
  description: string | null;
  body: string | null;
  plainSummary: string | null;
  timeframeLabel: string | null;
  projects: ProjectLine[];
  links: LinkLine[];
}

export const actionTextKeys = ["title", "description", "body", "plainSummary", "timeframeLabel", "projects", "links"] as const;

/** The projects and links of a fiche, in their order. Two queries. */
export async function loadProjectsAndLinks(tx: Db, actionId: number): Promise<Pick<ActionText, "projects" | "links">> {
  const [projects, links] = await Promise.all([
    tx
      .select({ name: actionProjects.name, detail: actionProjects.detail })
      .from(actionProjects)
      .where(eq(actionProjects.actionId, actionId))
      .orderBy(asc(actionProjects.position)),
    tx
      .select({ label: actionLinks.label, url: actionLinks.url })
      .from(actionLinks)
      .where(eq(actionLinks.actionId, actionId))
      .orderBy(asc(actionLinks.position)),
  ]);
  return { projects, links };
}

/** Replaces a fiche's projects and links by these, positions 1, 2, 3… */
export async function writeProjectsAndLinks(tx: Db, actionId: number, text: Pick<ActionText, "projects" | "links">): Promise<void> {
  await tx.delete(actionProjects).where(eq(actionProjects.actionId, actionId));
  await tx.delete(actionLinks).where(eq(actionLinks.actionId, actionId));
  if (text.projects.length > 0)
    await tx.insert(actionProjects).values(text.projects.map((p, i) => ({ actionId, position: i + 1, name: p.name, detail: p.detail })));
  if (text.links.length > 0)
    await tx.insert(actionLinks).values(text.links.map((l, i) => ({ actionId, position: i + 1, label: l.label, url: l.url })));
}

/**
 * Null when staff may change this plan: the current one or the draft. A closed plan stays as it was
 * when the next one was published (decision 0027). The plan's row is locked (shared) for the rest of
 * the transaction: a publish waits for the change, and the change for a publish under way.
 */
export async function refuseUnlessEditable(tx: Db, planId: number): Promise<ActionResult<never> | null> {
  const [plan] = await tx.select({ state: plans.state }).from(plans).where(eq(plans.id, planId)).for("share");
  if (!plan) return notFound("Plan");
  if (plan.state === "closed") return fail("CONFLICT", "Ce plan est terminé : il reste tel qu'il était quand le suivant a été publié.");
  return null;
}

/** The plan's themes among `ids`, by id: a ticked theme that is not there (another plan, deleted) is refused. */
export async function themesOfPlan(tx: Db, planId: number, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: themes.id, number: themes.number, title: themes.title, archivedAt: themes.archivedAt })
    .from(themes)
    .where(and(eq(themes.planId, planId), inArray(themes.id, [...ids])));
}

/**
 * A fiche is never newly put under an archived theme: it would not be listed there. (One already
 * under it stays: an archived theme may keep its archived fiches.)
 */
export function archivedThemeRefusal(ticked: readonly { id: number; title: string; archivedAt: Date | null }[], kept: ReadonlySet<number>) {
  const archived = ticked.find((t) => t.archivedAt !== null && !kept.has(t.id));
  if (!archived) return null;
  const message = `La thématique « ${archived.title} » est archivée : remettez-la dans les listes avant d'y ajouter une fiche.`;
  return fail("VALIDATION_FAILED", message, { themeIds: [message] });
}

/** Puts a fiche at the end of each of these themes. */
export async function attachToThemes(tx: Db, actionId: number, themeIds: readonly number[]): Promise<void> {
  for (const themeId of themeIds) {
    const [last] = await tx
      .select({ position: sql<number>`coalesce(max(${actionThemes.position}), 0)::int` })
      .from(actionThemes)
      .where(eq(actionThemes.themeId, themeId));
    await tx.insert(actionThemes).values({ actionId, themeId, position: (last?.position ?? 0) + 1 });
  }
}

export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const noThemeFound = { themeIds: ["Cette thématique n'existe plus : rechargez la page."] };
