import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actionRevisions, actions, actionThemes, themes } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { UpdateActionData } from "@/lib/validation/plan";
import { writeAudit } from "../audit";
import type { ActionSaved } from "./create-action";
import {
  refuseUnlessEditable,
  actionTextKeys,
  archivedThemeRefusal,
  attachToThemes,
  loadProjectsAndLinks,
  noThemeFound,
  sameValue,
  themesOfPlan,
  writeProjectsAndLinks,
  type ActionText,
} from "./shared";

/**
 * Changes a fiche's texts (title, short and full texts, summary in plain words, time frame,
 * projects, links) and its themes, for administrators only. In one transaction: the published text
 * it had is kept as an earlier version (public: the fiche says « Modifiée le … » and shows them),
 * and one journal row holds the values before and after. Never its slug (links stay valid), its
 * status or progress (progress reports), nor the source's own words: a fiche from the source
 * document keeps its original time frame (it changes through « Changer l'échéance », with a reason).
 */
export async function updateAction(
  db: Db,
  actor: MaybeActor,
  data: UpdateActionData,
): Promise<ActionResult<ActionSaved & { changed: boolean }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "plan.action.update")) return forbidden();

  return db.transaction(async (tx): Promise<ActionResult<ActionSaved & { changed: boolean }>> => {
    const [action] = await tx
      .select({
        id: actions.id,
        planId: actions.planId,
        slug: actions.slug,
        title: actions.title,
        description: actions.description,
        body: actions.body,
        plainSummary: actions.plainSummary,
        timeframeLabel: actions.timeframeLabel,
        sourceWording: actions.sourceWording,
      })
      .from(actions)
      .where(eq(actions.id, data.actionId))
      .for("update");
    if (!action) return notFound("Fiche action");
    const refused = await refuseUnlessEditable(tx, action.planId);
    if (refused) return refused;
    const themeRows = await themesOfPlan(tx, action.planId, data.themeIds);
    if (themeRows.length !== new Set(data.themeIds).size) return fail("VALIDATION_FAILED", "Thématique introuvable.", noThemeFound);

    const currentThemes = await tx
      .select({ id: themes.id, number: themes.number })
      .from(actionThemes)
      .innerJoin(themes, eq(themes.id, actionThemes.themeId))
      .where(eq(actionThemes.actionId, action.id));
    const archivedTheme = archivedThemeRefusal(themeRows, new Set(currentThemes.map((t) => t.id)));
    if (archivedTheme) return archivedTheme;
    const before: ActionText = {
      title: action.title,
      description: action.description,
      body: action.body,
      plainSummary: action.plainSummary,
      timeframeLabel: action.timeframeLabel,
      ...(await loadProjectsAndLinks(tx, action.id)),
    };
    const after: ActionText = {
      title: data.title,
      description: data.description,
      body: data.body,
      plainSummary: data.plainSummary,
      // The source's time frame is its own statement: it stays as printed.
      timeframeLabel: action.sourceWording === null ? data.timeframeLabel : action.timeframeLabel,
      projects: data.projects,
      links: data.links,
    };
    const changed = actionTextKeys.filter((k) => !sameValue(before[k], after[k]));
    const numbers = (rows: { number: number }[]) => rows.map((t) => t.number).sort((a, b) => a - b);
    const themesBefore = numbers(currentThemes);
    const themesAfter = numbers(themeRows);
    const themesChanged = !sameValue(themesBefore, themesAfter);
    if (changed.length === 0 && !themesChanged) return ok({ id: action.id, slug: action.slug, changed: false }, "Rien n'a changé.");

    if (changed.length > 0) {
      // The published text as it was: kept, public, before it is replaced.
      await tx.insert(actionRevisions).values({ actionId: action.id, ...before, replacedById: actor.id });
      const { projects: _p, links: _l, ...columns } = after;
      await tx
        .update(actions)
        .set({ ...columns, updatedAt: sql`now()` })
        .where(eq(actions.id, action.id));
      if (changed.includes("projects") || changed.includes("links")) await writeProjectsAndLinks(tx, action.id, after);
    }
    if (themesChanged) {
      const keep = new Set(themeRows.map((t) => t.id));
      const removed = currentThemes.filter((t) => !keep.has(t.id)).map((t) => t.id);
      if (removed.length > 0)
        await tx.delete(actionThemes).where(and(eq(actionThemes.actionId, action.id), inArray(actionThemes.themeId, removed)));
      const had = new Set(currentThemes.map((t) => t.id));
      await attachToThemes(
        tx,
        action.id,
        themeRows.filter((t) => !had.has(t.id)).map((t) => t.id),
      );
    }
    const pick = (text: ActionText) => Object.fromEntries(changed.map((k) => [k, text[k]]));
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "plan.action.update",
      targetType: "action",
      targetId: action.id,
      reason: data.reason,
      details: {
        before: { ...pick(before), ...(themesChanged ? { themes: themesBefore } : {}) },
        after: { ...pick(after), ...(themesChanged ? { themes: themesAfter } : {}) },
      },
    });
    return ok({ id: action.id, slug: action.slug, changed: true }, `La fiche « ${data.title} » est modifiée.`);
  });
}
