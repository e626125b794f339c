import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, actionThemes, themes } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { MoveThemeData, ThemeArchiveData } from "@/lib/validation/plan";
import { writeAudit } from "../audit";
import { refuseUnlessEditable } from "./shared";

/*
 * The order of the plan's themes and their archive. A theme's number is its place (« 1. Accès aux
 * droits… » on every public page): the themes still shown come first, numbered 1, 2, 3…, the archived
 * ones after them — so the public numbering never has a gap. Both functions lock the plan's themes,
 * write the numbers again and keep one journal row with the order before and after.
 */

interface ThemeRow {
  id: number;
  number: number;
  slug: string;
  title: string;
  archivedAt: Date | null;
}

const themeRowColumns = {
  id: themes.id,
  number: themes.number,
  slug: themes.slug,
  title: themes.title,
  archivedAt: themes.archivedAt,
};

async function lockThemesOf(tx: Db, themeId: number): Promise<{ theme: ThemeRow; all: ThemeRow[] } | ActionResult<never> | null> {
  const [target] = await tx.select({ planId: themes.planId }).from(themes).where(eq(themes.id, themeId));
  if (!target) return null;
  // A finished plan stays as it was (decision 0027).
  const refused = await refuseUnlessEditable(tx, target.planId);
  if (refused) return refused;
  const all = await tx
    .select(themeRowColumns)
    .from(themes)
    .where(eq(themes.planId, target.planId))
    .orderBy(asc(themes.number))
    .for("update");
  const theme = all.find((t) => t.id === themeId);
  return theme ? { theme, all } : null;
}

/** Writes the numbers 1, 2, 3… in this order. Through negative numbers first: (plan, number) is unique. */
async function renumber(tx: Db, before: readonly ThemeRow[], order: readonly number[]): Promise<void> {
  const was = new Map(before.map((t) => [t.id, t.number]));
  const moved = order.map((id, index) => ({ id, number: index + 1 })).filter((t) => was.get(t.id) !== t.number);
  for (const t of moved) await tx.update(themes).set({ number: -t.number }).where(eq(themes.id, t.id));
  for (const t of moved) await tx.update(themes).set({ number: t.number }).where(eq(themes.id, t.id));
}

/** Shown themes first, then archived ones, each group in its current order. */
const shownFirst = (rows: readonly ThemeRow[]) =>
  [...rows].sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null) || a.number - b.number).map((t) => t.id);

/**
 * After a theme is added at the end: archived themes go back after it, so the new theme takes the
 * number after the last one shown. Returns the new theme's number.
 */
export async function placeBeforeArchived(tx: Db, planId: number, themeId: number): Promise<number> {
  const all = await tx.select(themeRowColumns).from(themes).where(eq(themes.planId, planId)).orderBy(asc(themes.number)).for("update");
  const order = shownFirst(all);
  await renumber(tx, all, order);
  return order.indexOf(themeId) + 1;
}

/** Moves a theme one place up or down among the themes shown, for administrators only. */
export async function moveTheme(db: Db, actor: MaybeActor, data: MoveThemeData): Promise<ActionResult<{ slug: string }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "plan.theme.update")) return forbidden();
  return db.transaction(async (tx): Promise<ActionResult<{ slug: string }>> => {
    const locked = await lockThemesOf(tx, data.themeId);
    if (!locked) return notFound("Thématique");
    if ("ok" in locked) return locked;
    const { theme, all } = locked;
    if (theme.archivedAt) return fail("CONFLICT", "Cette thématique est archivée : remettez-la dans les listes avant de la déplacer.");
    const shown = shownFirst(all).filter((id) => all.find((t) => t.id === id)!.archivedAt === null);
    const from = shown.indexOf(theme.id);
    const to = data.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= shown.length)
      return fail(
        "CONFLICT",
        data.direction === "up" ? "Cette thématique est déjà la première." : "Cette thématique est déjà la dernière.",
      );
    [shown[from], shown[to]] = [shown[to]!, shown[from]!];
    const after = [...shown, ...shownFirst(all).filter((id) => !shown.includes(id))];
    await renumber(tx, all, after);
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "plan.theme.move",
      targetType: "theme",
      targetId: theme.id,
      details: { title: theme.title, before: { order: all.map((t) => t.id) }, after: { order: after } },
    });
    return ok({ slug: theme.slug }, `La thématique « ${theme.title} » est maintenant la numéro ${after.indexOf(theme.id) + 1}.`);
  });
}

/**
 * Archives a theme (`change: "archive"`) or brings it back, with a reason in the journal, for
 * administrators only. Only a theme that lists no fiche still shown may be archived: its fiches would
 * otherwise vanish from the home page with it — they are first attached to another theme or archived.
 * Nothing is deleted: the theme's page stays at its address and says « Thématique archivée ».
 */
export async function setThemeArchived(db: Db, actor: MaybeActor, data: ThemeArchiveData): Promise<ActionResult<{ slug: string }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "plan.theme.archive")) return forbidden();
  const archive = data.change === "archive";
  return db.transaction(async (tx): Promise<ActionResult<{ slug: string }>> => {
    const locked = await lockThemesOf(tx, data.themeId);
    if (!locked) return notFound("Thématique");
    if ("ok" in locked) return locked;
    const { theme, all } = locked;
    if (archive && theme.archivedAt) return fail("CONFLICT", "Cette thématique est déjà archivée.");
    if (!archive && !theme.archivedAt) return fail("CONFLICT", "Cette thématique n'est pas archivée.");
    if (archive) {
      const shownActions = await tx
        .select({ title: actions.title })
        .from(actionThemes)
        .innerJoin(actions, eq(actions.id, actionThemes.actionId))
        .where(and(eq(actionThemes.themeId, theme.id), isNull(actions.archivedAt)))
        .orderBy(asc(actionThemes.position));
      if (shownActions.length > 0)
        return fail(
          "CONFLICT",
          `Cette thématique montre encore ${shownActions.length === 1 ? "la fiche" : `${shownActions.length} fiches :`} ${shownActions.map((a) => `« ${a.title} »`).join(", ")}. ` +
            "Rattachez-les à une autre thématique ou archivez-les d'abord : sinon elles disparaîtraient du site avec elle.",
        );
    }
    const [changed] = await tx
      .update(themes)
      .set({ archivedAt: archive ? sql`now()` : null })
      .where(eq(themes.id, theme.id))
      .returning({ archivedAt: themes.archivedAt });
    const rows = all.map((t) => (t.id === theme.id ? { ...t, archivedAt: changed!.archivedAt } : t));
    const after = shownFirst(rows);
    await renumber(tx, all, after);
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: archive ? "plan.theme.archive" : "plan.theme.unarchive",
      targetType: "theme",
      targetId: theme.id,
      reason: data.reason,
      details: { title: theme.title, before: { order: all.map((t) => t.id) }, after: { order: after } },
    });
    return ok(
      { slug: theme.slug },
      archive
        ? `La thématique « ${theme.title} » est archivée : elle n'apparaît plus dans les listes du site public.`
        : `La thématique « ${theme.title} » est de nouveau dans les listes du site public, en numéro ${after.indexOf(theme.id) + 1}.`,
    );
  });
}
