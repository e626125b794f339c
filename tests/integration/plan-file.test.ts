import { readFileSync } from "node:fs";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/client";
import type { Db } from "@/db/client";
import { createAction as createActionRow } from "@/db/factories";
import { seedDatabase } from "@/db/seed/run";
import {
  actionDeadlineChanges,
  actionLinks,
  actionProjects,
  actions,
  actionThemes,
  auditLog,
  contributions,
  councils,
  planMilestones,
  plans,
  platformSettings,
  progressReports,
  themes,
  users,
} from "@/db/schema";
import { DEFAULT_CITY_NAME } from "@/lib/city-identity";
import { parsePlanFile, serializePlanFile } from "@/lib/validation/plan-file";
import { exportPlan, readPlanFile } from "@/server/plan-file/export-plan";
import { importPlanText } from "@/server/plan-file/import-plan";
import { loadActionPage } from "@/server/plan/load-action-page";
import { loadPlanOverview } from "@/server/plan/load-plan-overview";
import { createCast, createUser, type Cast } from "../support/actors";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { matrixRoles } from "./admin-helpers";

/*
 * Issue 11, point 6: the whole plan as one file. Exported from the seeded Aurillac plan (with what
 * staff add: a fiche with its texts, projects and links, an archived one, a report and a deadline
 * change), imported into an empty install (SEED_PLAN=0), exported again: the same bytes. A refused
 * file, an install that has a plan, a write that fails late: nothing changes, no journal row.
 */

let seededDb: TestDatabase;
let emptyDb: TestDatabase;
let seeded: Db;
let cast: Cast;

const demoville = readFileSync(path.resolve(import.meta.dirname, "../../e2e/fixtures/plan-demoville.json"), "utf8");

/** Every row of the plan's tables and the journal: a refused import must leave them as they were. */
async function planTables(db: Db) {
  return {
    plans: await db.select().from(plans).orderBy(asc(plans.id)),
    milestones: await db.select().from(planMilestones).orderBy(asc(planMilestones.id)),
    themes: await db.select().from(themes).orderBy(asc(themes.id)),
    actions: await db.select().from(actions).orderBy(asc(actions.id)),
    actionThemes: await db.select().from(actionThemes).orderBy(asc(actionThemes.actionId), asc(actionThemes.themeId)),
    projects: await db.select().from(actionProjects).orderBy(asc(actionProjects.id)),
    links: await db.select().from(actionLinks).orderBy(asc(actionLinks.id)),
    reports: await db.select().from(progressReports).orderBy(asc(progressReports.id)),
    changes: await db.select().from(actionDeadlineChanges).orderBy(asc(actionDeadlineChanges.id)),
    councils: await db.select().from(councils).orderBy(asc(councils.id)),
    audit: await db.select().from(auditLog).orderBy(asc(auditLog.id)),
  };
}

/** A fresh empty install (SEED_PLAN=0): migrated, settings row, no plan. */
async function openEmptyInstall(label: string) {
  const test = await createTestDatabase(label);
  const database = await test.open();
  await prepareDatabase(database, { ...test.env, SEED_PLAN: false, SEED_DEMO_DATA: false });
  return { test, db: database.db };
}

beforeAll(async () => {
  seededDb = await createTestDatabase("plan_file");
  seeded = (await seededDb.openPrepared({ demo: true })).db;
  cast = await createCast(seeded);

  // What staff add to the seeded plan, so that every part of the format is exercised.
  const added = await createActionRow(seeded, {
    slug: "fiche-ajoutee-par-la-ville",
    title: "Fiche ajoutée par la Ville",
    description: "Sa description.",
    body: "Son texte complet.\n\nSur deux paragraphes.",
    plainSummary: "En bref, en mots simples.",
    timeframeLabel: "2027/2028",
    timeframeEndYear: 2028,
    status: "in_progress",
    progress: 30,
    currentTimeframeLabel: "fin juin 2029",
    deadline: "2029-06-30",
    themeSlug: "gouvernance",
  });
  await seeded.insert(actionProjects).values({ actionId: added.id, position: 1, name: "Un projet", detail: "son détail" });
  await seeded.insert(actionLinks).values({ actionId: added.id, position: 1, label: "Un lien", url: "https://www.exemple.fr/lien" });
  const [report] = await seeded
    .insert(progressReports)
    .values({
      actionId: added.id,
      title: "Point d'étape",
      body: "Ce qui a été fait.",
      reportedOn: "2026-05-04",
      status: "in_progress",
      progress: 30,
      authorId: cast.userIds.admin,
    })
    .returning();
  await seeded.insert(actionDeadlineChanges).values({
    actionId: added.id,
    previousLabel: "2027/2028",
    previousDeadline: "2028-12-31",
    newLabel: "fin juin 2029",
    newDeadline: "2029-06-30",
    reason: "Le chantier a pris du retard.",
    changedById: cast.userIds.admin,
    progressReportId: report!.id,
  });
  await createActionRow(seeded, {
    slug: "fiche-archivee",
    title: "Fiche archivée",
    archivedAt: new Date("2026-02-01T10:00:00Z"),
    themeSlug: "gouvernance",
  });
  // A theme staff archived (/admin/plan): numbered after the themes shown, it keeps its state.
  await seeded.insert(themes).values({
    planId: (await seeded.select({ id: plans.id }).from(plans))[0]!.id,
    number: 6,
    slug: "thematique-archivee",
    title: "Thématique archivée",
    archivedAt: new Date("2026-03-01T09:00:00Z"),
  });
});
afterAll(async () => {
  await seededDb.drop();
  await emptyDb?.drop();
});

describe("export", () => {
  it("gives the seeded plan in the format: themes, fiches in their themes' order, reports, milestones, councils", async () => {
    const file = (await readPlanFile(seeded))!;
    expect(parsePlanFile(serializePlanFile(file))).toEqual({ ok: true, file });
    expect(file.plan).toMatchObject({ identifiant: "2015-2020", ville: "Aurillac", annee_debut: 2015, annee_fin: 2020 });
    expect(file.etapes.map((m) => m.identifiant)).toEqual([
      "diagnostic-social",
      "presentation-diagnostic",
      "ateliers-thematiques",
      "adoption-conseil-municipal",
      "presentation-partenaires",
    ]);
    expect(file.thematiques.map((t) => t.numero)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(file.thematiques.at(-1)).toMatchObject({ identifiant: "thematique-archivee", archivee_le: "2026-03-01T09:00:00.000Z" });
    // The fiche listed under two themes is one fiche, in both lists.
    const limit = "limiter-intervenants-familles";
    expect(file.thematiques[0]!.fiches.at(3)).toBe(limit);
    expect(file.thematiques[1]!.fiches).toContain(limit);
    expect(file.fiches.filter((a) => a.identifiant === limit)).toHaveLength(1);
    expect(file.thematiques[4]!.fiches).toEqual(
      expect.arrayContaining(["pilotage-projet-social", "fiche-ajoutee-par-la-ville", "fiche-archivee"]),
    );

    const seededReport = file.fiches.find((a) => a.identifiant === "accompagnement-parentalite")!.points_etape[0]!;
    expect(seededReport).toMatchObject({
      identifiant: "source:premier-point-etape:accompagnement-parentalite",
      statut: "en_cours",
      date: null,
    });
    const added = file.fiches.find((a) => a.identifiant === "fiche-ajoutee-par-la-ville")!;
    expect(added).toMatchObject({
      texte: "Son texte complet.\n\nSur deux paragraphes.",
      en_bref: "En bref, en mots simples.",
      statut: "en_cours",
      avancement: 30,
      echeance_actuelle: "fin juin 2029",
      date_limite_actuelle: "2029-06-30",
      projets: [{ nom: "Un projet", detail: "son détail" }],
      liens: [{ texte: "Un lien", adresse: "https://www.exemple.fr/lien" }],
    });
    // A report stored without a key gets one made of its fiche and rank, never its database id.
    expect(added.points_etape[0]!.identifiant).toBe("fiche-ajoutee-par-la-ville:point-etape-1");
    expect(added.changements_echeance[0]).toMatchObject({
      point_etape: "fiche-ajoutee-par-la-ville:point-etape-1",
      motif: "Le chantier a pris du retard.",
    });
    expect(file.fiches.find((a) => a.identifiant === "fiche-archivee")!.archivee_le).toBe("2026-02-01T10:00:00.000Z");
    expect(file.conseils.filter((c) => c.demonstration).length).toBeGreaterThanOrEqual(6);
  });

  it("holds nothing about people: no account's name or address, no contribution, no database id", async () => {
    const text = serializePlanFile((await readPlanFile(seeded))!);
    const people = await seeded.select({ email: users.email, name: users.displayName }).from(users);
    expect(people.length).toBeGreaterThan(5);
    for (const person of people) {
      expect(text).not.toContain(person.email);
      expect(text).not.toContain(person.name);
    }
    const published = await seeded.select({ body: contributions.body }).from(contributions).limit(20);
    expect(published.length).toBeGreaterThan(0);
    for (const c of published) expect(text).not.toContain(c.body);
    expect(text).not.toMatch(/"(id|auteur|author|email|membres)"\s*:/);
  });

  it("is for administrators only (the download on /admin/plan); the refused get nothing", async () => {
    for (const role of matrixRoles) {
      const result = await exportPlan(seeded, cast.actors[role]);
      if (role === "admin") expect(result.ok).toBe(true);
      else
        expect(result, role).toMatchObject({
          ok: false,
          code: role === "anonymous" || role === "deactivated" ? "UNAUTHENTICATED" : "FORBIDDEN",
        });
    }
  });
});

describe("import", () => {
  it("round trip: the seeded plan exported, imported into an empty install and exported again gives the same bytes", async () => {
    const empty = await openEmptyInstall("plan_file_vide");
    emptyDb = empty.test;
    const db = empty.db;
    expect(await db.select().from(plans)).toEqual([]);
    const [identity] = await db.select({ cityName: platformSettings.cityName }).from(platformSettings);
    expect(identity!.cityName).toBe(DEFAULT_CITY_NAME);

    const first = serializePlanFile((await readPlanFile(seeded))!);
    const admin = await createUser(db, { isAdmin: true });
    const { loadActor } = await import("@/server/auth/actor");
    const actor = await loadActor(db, admin.id, 0);
    const result = await importPlanText(db, actor, first, "formulaire");
    expect(result).toMatchObject({ ok: true, data: { counts: { thematiques: 6, etapes: 5 } } });
    expect(serializePlanFile((await readPlanFile(db))!)).toBe(first);

    // The public pages read it: the home page's overview, a fiche with its report and deadline change.
    const overview = (await loadPlanOverview(db))!;
    // The archived theme came as archived: out of the home page's list.
    expect(overview.themes).toHaveLength(5);
    expect(overview.themes.map((t) => t.slug)).not.toContain("thematique-archivee");
    const page = (await loadActionPage("fiche-ajoutee-par-la-ville", db))!;
    expect(page).toBeTruthy();

    // One journal row, in the name of the admin, with what was imported.
    const journal = await db.select().from(auditLog).where(eq(auditLog.action, "plan.import"));
    expect(journal).toHaveLength(1);
    expect(journal[0]).toMatchObject({
      actorUserId: admin.id,
      targetType: "plan",
      details: expect.objectContaining({ source: "formulaire", thematiques: 6 }),
    });

    // An install that has a plan refuses another one, and changes nothing.
    const before = await planTables(db);
    const again = await importPlanText(db, actor, demoville, "formulaire");
    expect(again).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(again.ok ? "" : again.message).toMatch(/installation vide/);
    expect(await planTables(db)).toEqual(before);
  });

  it("another City's file from the command line (no account): its plan, no Aurillac, and the seed adds nothing to it", async () => {
    const { test, db } = await openEmptyInstall("plan_file_demoville");
    try {
      const result = await importPlanText(db, null, demoville, "ligne de commande");
      expect(result).toMatchObject({ ok: true, data: { counts: { thematiques: 3, fiches: 5, conseils: 2, points_etape: 3 } } });
      const [journal] = await db.select().from(auditLog).where(eq(auditLog.action, "plan.import"));
      expect(journal).toMatchObject({ actorUserId: null, details: expect.objectContaining({ source: "ligne de commande" }) });
      // The fixture's own bytes come back (it is written in the export's order).
      expect(serializePlanFile((await readPlanFile(db))!)).toBe(serializePlanFile(JSON.parse(demoville)));

      // The seed run again (`npm run db:seed` without SEED_PLAN=0) never adds Aurillac's plan next to it.
      const before = await planTables(db);
      await seedDatabase(db, { demo: false });
      expect(await planTables(db)).toEqual(before);
      const [identity] = await db.select({ cityName: platformSettings.cityName }).from(platformSettings);
      expect(identity!.cityName).toBe(DEFAULT_CITY_NAME);
    } finally {
      await test.drop();
    }
  });

  it("refuses a file that does not match the format, with a French message per error and its place, and writes nothing", async () => {
    const { test, db } = await openEmptyInstall("plan_file_refus");
    try {
      const admin = await createUser(db, { isAdmin: true });
      const { loadActor } = await import("@/server/auth/actor");
      const actor = await loadActor(db, admin.id, 0);
      const before = await planTables(db);
      const errorsOf = async (change: (file: ReturnType<typeof JSON.parse>) => void) => {
        const file = JSON.parse(demoville);
        change(file);
        const result = await importPlanText(db, actor, JSON.stringify(file), "formulaire");
        expect(result).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
        return result.ok ? [] : result.fieldErrors!.file;
      };
      // Each field's errors first; what refers to other parts of the file once every part is readable.
      expect(
        await errorsOf((file) => {
          delete file.fiches[3].titre;
          file.fiches[0].statut = "en_retard";
          file.plan.couleur = "bleu";
        }),
      ).toEqual([
        "plan : champ inconnu : « couleur »",
        "fiches[0].statut : doit valoir « a_venir », « en_cours », « realisee », « suspendue » ou null",
        "fiches[3].titre : ce champ est obligatoire",
      ]);
      expect(
        await errorsOf((file) => {
          file.thematiques[2].fiches.push("fiche-inconnue");
          file.conseils[1].identifiant = "conseil-des-tilleuls";
        }),
      ).toEqual([
        "conseils[1].identifiant : l'identifiant « conseil-des-tilleuls » figure deux fois (déjà à l'index 0)",
        "thematiques[2].fiches[2] : aucune fiche n'a l'identifiant « fiche-inconnue »",
      ]);
      expect(await planTables(db)).toEqual(before);

      const notJson = await importPlanText(db, actor, "{ pas du json", "formulaire");
      expect(notJson.ok ? [] : notJson.fieldErrors!.file![0]).toMatch(/^\(fichier\) : ce n'est pas du JSON valide/);
      expect(await planTables(db)).toEqual(before);

      // Refused before the file is read: only administrators import.
      for (const role of matrixRoles.filter((r) => r !== "admin")) {
        const refused = await importPlanText(db, cast.actors[role], demoville, "formulaire");
        expect(refused, role).toMatchObject({
          ok: false,
          code: role === "anonymous" || role === "deactivated" ? "UNAUTHENTICATED" : "FORBIDDEN",
        });
      }
      expect(await planTables(db)).toEqual(before);
    } finally {
      await test.drop();
    }
  });

  it("a write that fails late (the councils, the last rows) leaves nothing behind: no plan, no theme, no journal row", async () => {
    const { test, db } = await openEmptyInstall("plan_file_echec");
    try {
      // A constraint the file cannot break, added for this test: the database refuses the councils.
      await db.execute(sql`alter table councils add constraint test_refuse_les_conseils check (name <> 'Conseil de quartier du Centre')`);
      const before = await planTables(db);
      await expect(importPlanText(db, null, demoville, "ligne de commande")).rejects.toThrow();
      expect(await planTables(db)).toEqual(before);
      expect(before.plans).toEqual([]);
    } finally {
      await test.drop();
    }
  });
});
