import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  actionDeadlineChanges,
  actionLinks,
  actionProjects,
  actions,
  actionThemes,
  councils,
  planMilestones,
  plans,
  progressReports,
  themes,
} from "@/db/schema";
import { forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { statusCodes } from "@/lib/open-data/files";
import { can, type MaybeActor } from "@/lib/permissions";
import { PLAN_FILE_FORMAT, PLAN_FILE_VERSION, precisionCodes, type PlanFile } from "@/lib/validation/plan-file";

/*
 * The plan as one file (lib/validation/plan-file.ts, docs/format-plan.md): what the public pages show
 * of it and the City's own plan text, named by slugs and keys. Nothing about people: no account, no
 * author of a point d'étape (the pages do not show one either), no official in charge, no council
 * member, no contribution. Eight queries whatever the plan's size.
 *
 * Rows come in a fixed order (ids for fiches and councils: the import inserts them in the file's
 * order, so an exported, imported and exported again plan gives the same bytes).
 */

/**
 * The plan this install exports: the one the public pages follow (server/plan/load-plan.ts). The one
 * place to change when an install holds several plans (a next plan being prepared).
 */
export async function planToExport(db: Db): Promise<typeof plans.$inferSelect | null> {
  // The plan of the site (decision 0027): never a draft, nor a finished one.
  const [plan] = await db.select().from(plans).where(eq(plans.state, "current")).limit(1);
  return plan ?? null;
}

const iso = (value: Date | null) => (value === null ? null : value.toISOString());
const statusCode = (status: keyof typeof statusCodes | null) => (status === null ? null : statusCodes[status]);

/** The file of the install's plan, or null when it has none. For the CLI (the server's operator); the app calls `exportPlan`. */
export async function readPlanFile(db: Db): Promise<PlanFile | null> {
  const plan = await planToExport(db);
  if (!plan) return null;
  const [milestoneRows, themeRows, actionRows, councilRows] = await Promise.all([
    db
      .select()
      .from(planMilestones)
      .where(eq(planMilestones.planId, plan.id))
      .orderBy(asc(planMilestones.position), asc(planMilestones.id)),
    db.select().from(themes).where(eq(themes.planId, plan.id)).orderBy(asc(themes.number)),
    db.select().from(actions).where(eq(actions.planId, plan.id)).orderBy(asc(actions.id)),
    db.select().from(councils).where(eq(councils.planId, plan.id)).orderBy(asc(councils.id)),
  ]);
  const actionIds = actionRows.map((a) => a.id);
  // `in (0)` for a plan without fiches: no row has id 0, and every driver accepts the query.
  const ofPlan = (column: AnyPgColumn) => inArray(column, actionIds.length ? actionIds : [0]);
  const [memberships, projects, links, reports, changes] = await Promise.all([
    db
      .select({ themeId: actionThemes.themeId, actionId: actionThemes.actionId })
      .from(actionThemes)
      .where(ofPlan(actionThemes.actionId))
      .orderBy(asc(actionThemes.position), asc(actionThemes.actionId)),
    db.select().from(actionProjects).where(ofPlan(actionProjects.actionId)).orderBy(asc(actionProjects.position)),
    db.select().from(actionLinks).where(ofPlan(actionLinks.actionId)).orderBy(asc(actionLinks.position)),
    db
      .select()
      .from(progressReports)
      .where(ofPlan(progressReports.actionId))
      .orderBy(asc(progressReports.createdAt), asc(progressReports.id)),
    db
      .select()
      .from(actionDeadlineChanges)
      .where(ofPlan(actionDeadlineChanges.actionId))
      .orderBy(asc(actionDeadlineChanges.createdAt), asc(actionDeadlineChanges.id)),
  ]);

  const slugOfAction = new Map(actionRows.map((a) => [a.id, a.slug]));
  // A point d'étape's key: the one it was stored with (the seed's, a form's, an earlier import's),
  // else one made of its fiche and its rank there — never its database id.
  const reportKey = new Map<number, string>();
  const rankInAction = new Map<number, number>();
  for (const r of reports) {
    const rank = (rankInAction.get(r.actionId) ?? 0) + 1;
    rankInAction.set(r.actionId, rank);
    reportKey.set(r.id, r.seedKey ?? `${slugOfAction.get(r.actionId)}:point-etape-${rank}`);
  }
  const byAction = <T extends { actionId: number }>(rows: T[]) => {
    const out = new Map<number, T[]>();
    for (const row of rows) out.set(row.actionId, [...(out.get(row.actionId) ?? []), row]);
    return out;
  };
  const [projectsOf, linksOf, reportsOf, changesOf] = [byAction(projects), byAction(links), byAction(reports), byAction(changes)];

  return {
    format: PLAN_FILE_FORMAT,
    version: PLAN_FILE_VERSION,
    plan: {
      identifiant: plan.slug,
      titre: plan.title,
      ville: plan.cityName,
      annee_debut: plan.periodStartYear,
      annee_fin: plan.periodEndYear,
      resume: plan.summary,
      fiches_annoncees: plan.announcedActionCount,
      titre_source: plan.sourceTitle,
      demarche: plan.demarche,
    },
    etapes: milestoneRows.map((m) => ({
      identifiant: m.key,
      titre: m.title,
      description: m.description,
      debut: m.startsOn,
      fin: m.endsOn,
      precision: precisionCodes[m.precision],
    })),
    thematiques: themeRows.map((t) => ({
      identifiant: t.slug,
      numero: t.number,
      titre: t.title,
      description: t.description,
      fiches_annoncees: t.announcedActionCount,
      archivee_le: iso(t.archivedAt),
      fiches: memberships.filter((m) => m.themeId === t.id).map((m) => slugOfAction.get(m.actionId)!),
    })),
    fiches: actionRows.map((a) => ({
      identifiant: a.slug,
      titre: a.title,
      description: a.description,
      texte: a.body,
      en_bref: a.plainSummary,
      statut: statusCode(a.status),
      avancement: a.progress,
      echeance_initiale: a.timeframeLabel,
      annee_fin_initiale: a.timeframeEndYear,
      statut_source: a.sourceWording,
      echeance_actuelle: a.currentTimeframeLabel,
      date_limite_actuelle: a.deadline,
      archivee_le: iso(a.archivedAt),
      projets: (projectsOf.get(a.id) ?? []).map((p) => ({ nom: p.name, detail: p.detail })),
      liens: (linksOf.get(a.id) ?? []).map((l) => ({ texte: l.label, adresse: l.url })),
      points_etape: (reportsOf.get(a.id) ?? []).map((r) => ({
        identifiant: reportKey.get(r.id)!,
        titre: r.title,
        texte: r.body,
        date: r.reportedOn,
        statut: statusCode(r.status),
        avancement: r.progress,
        source: r.sourceLabel,
        publie_le: r.createdAt.toISOString(),
      })),
      changements_echeance: (changesOf.get(a.id) ?? []).map((c) => ({
        echeance_precedente: c.previousLabel,
        date_limite_precedente: c.previousDeadline,
        nouvelle_echeance: c.newLabel,
        nouvelle_date_limite: c.newDeadline,
        motif: c.reason,
        point_etape: c.progressReportId === null ? null : (reportKey.get(c.progressReportId) ?? null),
        date: c.createdAt.toISOString(),
      })),
    })),
    conseils: councilRows.map((c) => ({
      identifiant: c.slug,
      numero: c.number,
      nom: c.name,
      quartier: c.area,
      description: c.description,
      demonstration: c.isDemo,
      archive_le: iso(c.archivedAt),
    })),
  };
}

/** The install's plan as a file, for an administrator (the download on /admin/plan). */
export async function exportPlan(db: Db, actor: MaybeActor): Promise<ActionResult<PlanFile>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "plan.export")) return forbidden();
  const file = await readPlanFile(db);
  return file ? ok(file) : notFound("Plan");
}

/** A name for the downloaded file: « plan-projet-social-communal-2026-11-30.json ». */
export const planFileName = (file: PlanFile, now: Date) => `plan-${file.plan.identifiant}-${now.toISOString().slice(0, 10)}.json`;

/** How many rows of each kind a file holds: the journal row and the CLI's summary. */
export function planFileCounts(file: PlanFile) {
  return {
    etapes: file.etapes.length,
    thematiques: file.thematiques.length,
    fiches: file.fiches.length,
    points_etape: file.fiches.reduce((n, a) => n + a.points_etape.length, 0),
    changements_echeance: file.fiches.reduce((n, a) => n + a.changements_echeance.length, 0),
    conseils: file.conseils.length,
  };
}
