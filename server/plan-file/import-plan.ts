import "server-only";
import { sql } from "drizzle-orm";
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
import { fail, forbidden, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { pluralize } from "@/lib/labels";
import { can, type MaybeActor } from "@/lib/permissions";
import { parsePlanFile, precisionOfCode, statusOfCode, type PlanFile } from "@/lib/validation/plan-file";
import { writeAudit } from "../audit";
import { planFileCounts } from "./export-plan";

/*
 * A plan file (lib/validation/plan-file.ts) loaded into an install that has no plan yet: another
 * City starts from its own plan, or an install is moved. Everything in one transaction with its
 * journal row: a file refused, or a write that fails halfway, leaves the database as it was.
 */

export const INSTALL_HAS_A_PLAN =
  "Cette installation a déjà un plan : un fichier de plan s'importe seulement dans une installation vide (démarrée avec SEED_PLAN=0, voir le README). Rien n'a été changé.";

export interface PlanImported {
  planId: number;
  counts: ReturnType<typeof planFileCounts>;
}

/** Where the file came from, for the journal: the admin's form or the server's command line. */
export type ImportSource = "formulaire" | "ligne de commande";

/** Reads and imports a file's text: its problems as French lines (`fieldErrors._form`), or the plan written. */
export async function importPlanText(db: Db, actor: MaybeActor, text: string, source: ImportSource): Promise<ActionResult<PlanImported>> {
  if (source === "formulaire") {
    if (!actor) return unauthenticated();
    if (!can(actor, "plan.import")) return forbidden();
  }
  const parsed = parsePlanFile(text);
  if (!parsed.ok)
    return fail("VALIDATION_FAILED", "Ce fichier ne correspond pas au format d'un plan : rien n'a été importé.", { file: parsed.errors });
  return writePlanFile(db, actor, parsed.file, source);
}

/** Writes a checked file as the install's plan. The caller checked who asks (importPlanText). */
export async function writePlanFile(db: Db, actor: MaybeActor, file: PlanFile, source: ImportSource): Promise<ActionResult<PlanImported>> {
  return db.transaction(async (tx) => {
    // Two imports at once: the second waits here, then finds the first one's plan.
    await tx.execute(sql`lock table ${plans} in exclusive mode`);
    const [existing] = await tx.select({ id: plans.id }).from(plans).limit(1);
    if (existing) return fail("CONFLICT", INSTALL_HAS_A_PLAN);

    const p = file.plan;
    const [plan] = await tx
      .insert(plans)
      .values({
        slug: p.identifiant,
        title: p.titre,
        cityName: p.ville,
        periodStartYear: p.annee_debut,
        periodEndYear: p.annee_fin,
        summary: p.resume,
        announcedActionCount: p.fiches_annoncees,
        sourceTitle: p.titre_source,
        demarche: p.demarche,
        // The install's only plan: the plan of its site (decision 0027).
        state: "current",
        publishedAt: new Date(),
      })
      .returning({ id: plans.id });
    const planId = plan!.id;

    if (file.etapes.length > 0)
      await tx.insert(planMilestones).values(
        file.etapes.map((m, i) => ({
          planId,
          key: m.identifiant,
          position: i + 1,
          title: m.titre,
          description: m.description,
          startsOn: m.debut,
          endsOn: m.fin,
          precision: precisionOfCode(m.precision),
        })),
      );

    const themeIds = new Map<string, number>();
    if (file.thematiques.length > 0) {
      const rows = await tx
        .insert(themes)
        .values(
          file.thematiques.map((t) => ({
            planId,
            number: t.numero,
            slug: t.identifiant,
            title: t.titre,
            description: t.description,
            announcedActionCount: t.fiches_annoncees,
            archivedAt: t.archivee_le === null ? null : new Date(t.archivee_le),
          })),
        )
        .returning({ id: themes.id, slug: themes.slug });
      for (const row of rows) themeIds.set(row.slug, row.id);
    }

    // In the file's order, one statement: the ids follow that order, so exporting again gives the same file.
    const actionIds = new Map<string, number>();
    if (file.fiches.length > 0) {
      const rows = await tx
        .insert(actions)
        .values(
          file.fiches.map((a) => ({
            planId,
            slug: a.identifiant,
            title: a.titre,
            description: a.description,
            body: a.texte,
            plainSummary: a.en_bref,
            status: statusOfCode(a.statut),
            progress: a.avancement,
            timeframeLabel: a.echeance_initiale,
            timeframeEndYear: a.annee_fin_initiale,
            sourceWording: a.statut_source,
            currentTimeframeLabel: a.echeance_actuelle,
            deadline: a.date_limite_actuelle,
            archivedAt: a.archivee_le === null ? null : new Date(a.archivee_le),
          })),
        )
        .returning({ id: actions.id, slug: actions.slug });
      for (const row of rows) actionIds.set(row.slug, row.id);
    }
    const actionId = (slug: string) => actionIds.get(slug)!;

    const memberships = file.thematiques.flatMap((t) =>
      t.fiches.map((slug, i) => ({ actionId: actionId(slug), themeId: themeIds.get(t.identifiant)!, position: i + 1 })),
    );
    if (memberships.length > 0) await tx.insert(actionThemes).values(memberships);

    const projects = file.fiches.flatMap((a) =>
      a.projets.map((p, i) => ({ actionId: actionId(a.identifiant), position: i + 1, name: p.nom, detail: p.detail })),
    );
    if (projects.length > 0) await tx.insert(actionProjects).values(projects);
    const links = file.fiches.flatMap((a) =>
      a.liens.map((l, i) => ({ actionId: actionId(a.identifiant), position: i + 1, label: l.texte, url: l.adresse })),
    );
    if (links.length > 0) await tx.insert(actionLinks).values(links);

    // Reports keep their key (`seed_key`): exported again, they have the same identifiers; no author.
    const reportIds = new Map<string, number>();
    const reports = file.fiches.flatMap((a) =>
      a.points_etape.map((r) => ({
        actionId: actionId(a.identifiant),
        seedKey: r.identifiant,
        title: r.titre,
        body: r.texte,
        reportedOn: r.date,
        status: statusOfCode(r.statut),
        progress: r.avancement,
        sourceLabel: r.source,
        createdAt: new Date(r.publie_le),
      })),
    );
    if (reports.length > 0) {
      const rows = await tx.insert(progressReports).values(reports).returning({ id: progressReports.id, key: progressReports.seedKey });
      for (const row of rows) reportIds.set(row.key!, row.id);
    }

    const changes = file.fiches.flatMap((a) =>
      a.changements_echeance.map((c) => ({
        actionId: actionId(a.identifiant),
        previousLabel: c.echeance_precedente,
        previousDeadline: c.date_limite_precedente,
        newLabel: c.nouvelle_echeance,
        newDeadline: c.nouvelle_date_limite,
        reason: c.motif,
        progressReportId: c.point_etape === null ? null : reportIds.get(c.point_etape)!,
        createdAt: new Date(c.date),
      })),
    );
    if (changes.length > 0) await tx.insert(actionDeadlineChanges).values(changes);

    if (file.conseils.length > 0)
      await tx.insert(councils).values(
        file.conseils.map((c) => ({
          planId,
          slug: c.identifiant,
          number: c.numero,
          name: c.nom,
          area: c.quartier,
          description: c.description,
          isDemo: c.demonstration,
          archivedAt: c.archive_le === null ? null : new Date(c.archive_le),
        })),
      );

    const counts = planFileCounts(file);
    await writeAudit(tx, {
      actorUserId: actor?.id ?? null,
      action: "plan.import",
      targetType: "plan",
      targetId: planId,
      details: { slug: p.identifiant, title: p.titre, source, ...counts },
    });
    return ok(
      { planId, counts },
      `Le plan « ${p.titre} » est importé : ${pluralize(counts.thematiques, "thématique", "thématiques")}, ${pluralize(counts.fiches, "fiche action", "fiches actions")}.`,
    );
  });
}
