import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, actionThemes, themes } from "@/db/schema";
import { forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import type { JournalEntry } from "@/components/admin/journal";
import { can, type MaybeActor } from "@/lib/permissions";
import { journalAbout } from "../audit-log/journal-about";
import { currentPlanId } from "../councils-admin/shared";
import { actionPlanState, type PlanState } from "../plan/plan-state";
import { loadProjectsAndLinks, type ActionText } from "./shared";

export interface AdminTheme {
  id: number;
  number: number;
  slug: string;
  title: string;
  description: string | null;
  archivedAt: Date | null;
}

export interface AdminThemeWithActions extends AdminTheme {
  actions: { id: number; slug: string; title: string; archivedAt: Date | null }[];
}

/**
 * A plan's themes, each with its fiches in order (archived ones included), for /admin/plan: the
 * current plan's, or the draft's when `draftId` names it (decision 0027). Two queries.
 */
export async function listPlanForAdmin(db: Db, actor: MaybeActor, draftId?: number): Promise<ActionResult<AdminThemeWithActions[]>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "plan.action.update")) return forbidden();
  const plan = draftId ?? (await currentPlanId(db));
  if (plan === null) return ok([]);
  const [themeRows, links] = await Promise.all([
    allThemes(db, plan),
    db
      .select({ themeId: actionThemes.themeId, id: actions.id, slug: actions.slug, title: actions.title, archivedAt: actions.archivedAt })
      .from(actionThemes)
      .innerJoin(actions, eq(actions.id, actionThemes.actionId))
      .where(eq(actions.planId, plan))
      .orderBy(asc(actionThemes.position), asc(actions.id)),
  ]);
  return ok(themeRows.map((t) => ({ ...t, actions: links.filter((l) => l.themeId === t.id).map(({ themeId: _t, ...a }) => a) })));
}

const adminThemeColumns = {
  id: themes.id,
  number: themes.number,
  slug: themes.slug,
  title: themes.title,
  description: themes.description,
  archivedAt: themes.archivedAt,
};

function allThemes(db: Db, plan: number): Promise<AdminTheme[]> {
  return db.select(adminThemeColumns).from(themes).where(eq(themes.planId, plan)).orderBy(asc(themes.number));
}

export interface AdminAction extends ActionText {
  id: number;
  slug: string;
  /** The source's words (never edited): a fiche from the source document keeps its original time frame. */
  sourceWording: string | null;
  archivedAt: Date | null;
  /** A draft's fiche has no public page yet; a closed plan's is read-only (decision 0027). */
  planState: PlanState;
  themeIds: number[];
  /** Every theme of the plan, for the boxes to tick. */
  themes: AdminTheme[];
  journal: JournalEntry[];
}

/** One fiche for its administration page: its texts, themes, projects, links and journal. */
export async function getActionForAdmin(db: Db, actor: MaybeActor, actionId: number): Promise<ActionResult<AdminAction>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "plan.action.update")) return forbidden();
  if (!Number.isSafeInteger(actionId) || actionId <= 0) return notFound("Fiche action");
  const [action] = await db
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
      archivedAt: actions.archivedAt,
      planState: actionPlanState,
    })
    .from(actions)
    .where(eq(actions.id, actionId));
  if (!action) return notFound("Fiche action");
  const [texts, themeIds, themeRows, journal] = await Promise.all([
    loadProjectsAndLinks(db, action.id),
    db.select({ id: actionThemes.themeId }).from(actionThemes).where(eq(actionThemes.actionId, action.id)),
    allThemes(db, action.planId),
    journalAbout(db, "action", action.id),
  ]);
  const { planId: _p, ...rest } = action;
  return ok({ ...rest, ...texts, themeIds: themeIds.map((t) => t.id), themes: themeRows, journal });
}

/** One theme for its administration page, with its journal. */
export async function getThemeForAdmin(
  db: Db,
  actor: MaybeActor,
  themeId: number,
): Promise<ActionResult<AdminTheme & { journal: JournalEntry[] }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "plan.theme.update")) return forbidden();
  if (!Number.isSafeInteger(themeId) || themeId <= 0) return notFound("Thématique");
  const [theme] = await db.select(adminThemeColumns).from(themes).where(eq(themes.id, themeId));
  if (!theme) return notFound("Thématique");
  return ok({ ...theme, journal: await journalAbout(db, "theme", theme.id) });
}
