import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createAction as createActionRow } from "@/db/factories";
import { actionLinks, actionProjects, actionRevisions, actions, actionThemes, auditLog, contributions, themes } from "@/db/schema";
import { actionArchiveFormSchema, createActionSchema, updateActionSchema, type CreateActionData } from "@/lib/validation/plan";
import { setActionArchived } from "@/server/plan-admin/archive-action";
import { createAction } from "@/server/plan-admin/create-action";
import { moveAction } from "@/server/plan-admin/move-action";
import { getActionForAdmin, getThemeForAdmin, listPlanForAdmin } from "@/server/plan-admin/queries";
import { createTheme, updateTheme } from "@/server/plan-admin/save-theme";
import { updateAction } from "@/server/plan-admin/update-action";
import { loadActionChoices } from "@/server/plan/load-action-choices";
import { loadActionPage } from "@/server/plan/load-action-page";
import { loadPlanOverview } from "@/server/plan/load-plan-overview";
import { loadThemePage } from "@/server/plan/load-theme-page";
import { createCast, type Cast } from "../support/actors";
import { submitForm } from "../support/forms";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { auditRowsAfter, checkMatrixCell, lastAuditId, matrixRoles, snapshot, type MatrixCase } from "./admin-helpers";

/*
 * The plan administered by staff (issue 11): every server function of /admin/plan as every role —
 * refused means nothing changed and no journal row — and what an allowed change does: one journal
 * row with the values before and after, the earlier text kept, the public loaders showing the new
 * text, the source's own words untouched, an archived fiche out of the lists but still answering.
 */

let testDb: TestDatabase;
let db: Db;
let cast: Cast;
let theme1: number;
let theme2: number;

beforeAll(async () => {
  testDb = await createTestDatabase("admin_plan");
  db = (await testDb.openPrepared({ demo: true })).db;
  cast = await createCast(db);
  const rows = await db.select({ id: themes.id, number: themes.number }).from(themes);
  theme1 = rows.find((t) => t.number === 1)!.id;
  theme2 = rows.find((t) => t.number === 2)!.id;
});
afterAll(() => testDb.drop());

const tag = () => Math.random().toString(36).slice(2, 8);
const fiche = (values: Partial<CreateActionData> & { title: string }): CreateActionData => ({
  description: null,
  body: null,
  plainSummary: null,
  timeframeLabel: null,
  projects: [],
  links: [],
  themeIds: [theme1],
  reason: null,
  ...values,
});
/** A fiche added by staff (no source wording), under theme 1. */
const ficheRow = async (d: Db, extra: Partial<typeof actions.$inferInsert> = {}) => ({
  action: (await createActionRow(d, { status: null, ...extra, themeSlug: "petite-enfance-enfance-jeunesse" })).id,
});
const aFiche = (d: Db) => ficheRow(d);

const cases: MatrixCase[] = [
  { name: "listPlanForAdmin", setup: async () => ({}), call: (d, actor) => listPlanForAdmin(d, actor), audit: null },
  { name: "getActionForAdmin", setup: aFiche, call: (d, actor, ids) => getActionForAdmin(d, actor, ids.action!), audit: null },
  {
    name: "getThemeForAdmin",
    setup: async () => ({ theme: theme1 }),
    call: (d, actor, ids) => getThemeForAdmin(d, actor, ids.theme!),
    audit: null,
  },
  {
    name: "createAction",
    setup: async () => ({}),
    call: (d, actor) => createAction(d, actor, fiche({ title: `Fiche matrice ${tag()}`, reason: "Fiche annoncée" })),
    audit: () => ({ action: "plan.action.create", targetType: "action", targetId: "any", reason: "Fiche annoncée" }),
  },
  {
    name: "updateAction",
    setup: aFiche,
    call: (d, actor, ids) =>
      updateAction(d, actor, {
        actionId: ids.action!,
        ...fiche({ title: `Nouveau titre ${tag()}`, plainSummary: "La Ville aide.", reason: "Plus clair" }),
      }),
    audit: (ids) => ({ action: "plan.action.update", targetType: "action", targetId: ids.action!, reason: "Plus clair" }),
  },
  {
    name: "archive",
    setup: aFiche,
    call: (d, actor, ids) => setActionArchived(d, actor, { actionId: ids.action!, change: "archive", reason: "Fiche abandonnée" }),
    audit: (ids) => ({ action: "plan.action.archive", targetType: "action", targetId: ids.action!, reason: "Fiche abandonnée" }),
  },
  {
    name: "unarchive",
    setup: (d) => ficheRow(d, { archivedAt: new Date() }),
    call: (d, actor, ids) => setActionArchived(d, actor, { actionId: ids.action!, change: "unarchive", reason: "Erreur" }),
    audit: (ids) => ({ action: "plan.action.unarchive", targetType: "action", targetId: ids.action!, reason: "Erreur" }),
  },
  {
    name: "moveAction",
    setup: async (d) => ({ ...(await aFiche(d)), theme: theme1 }),
    call: (d, actor, ids) => moveAction(d, actor, { actionId: ids.action!, themeId: ids.theme!, direction: "up" }),
    audit: (ids) => ({ action: "plan.action.move", targetType: "theme", targetId: ids.theme!, reason: null }),
  },
  {
    name: "createTheme",
    setup: async () => ({}),
    call: (d, actor) => createTheme(d, actor, { title: `Thématique ${tag()}`, description: null, reason: "Vote du conseil" }),
    audit: () => ({ action: "plan.theme.create", targetType: "theme", targetId: "any", reason: "Vote du conseil" }),
  },
  {
    name: "updateTheme",
    setup: async (d) => {
      const created = await createTheme(d, cast.actors.admin, { title: `À renommer ${tag()}`, description: null, reason: null });
      if (!created.ok) throw new Error(created.message);
      return { theme: created.data.id };
    },
    call: (d, actor, ids) =>
      updateTheme(d, actor, { themeId: ids.theme!, title: `Renommée ${tag()}`, description: "Texte", reason: "Vote" }),
    audit: (ids) => ({ action: "plan.theme.update", targetType: "theme", targetId: ids.theme!, reason: "Vote" }),
  },
];

describe("permission matrix of the plan administration functions", () => {
  for (const c of cases) {
    for (const role of matrixRoles) {
      it(`${c.name} as ${role}`, async () => {
        await checkMatrixCell(db, cast, role, c);
      });
    }
  }
});

describe("a fiche added by an admin", () => {
  it("is created from the form's raw values, under two themes, with projects and links, and shows on the public pages at once", async () => {
    const mark = await lastAuditId(db);
    const title = `Ouvrir une maison des parents ${tag()}`;
    const result = await submitForm(
      db,
      cast.actors.admin,
      createActionSchema,
      {
        title,
        description: "Un lieu pour les parents.",
        plainSummary: "Un lieu pour les parents. Ils peuvent parler.",
        body: "Texte complet.\nDeuxième ligne.",
        timeframeLabel: "2019/2020",
        projects: "Maison des parents : ouverture en 2019\nPermanences",
        links: "Site du CCAS https://www.aurillac.fr/ccas\nhttps://exemple.fr/doc",
        themeIds: [String(theme1), String(theme2)],
        reason: "Fiche annoncée par le document",
      },
      (input, { db: d, actor }) => createAction(d, actor, input),
    );
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const [row] = await db.select().from(actions).where(eq(actions.id, result.data.id));
    expect(row).toMatchObject({ title, status: null, progress: null, sourceWording: null, timeframeEndYear: 2019 + 1, archivedAt: null });
    expect(
      await db
        .select({ name: actionProjects.name, detail: actionProjects.detail })
        .from(actionProjects)
        .where(eq(actionProjects.actionId, row!.id)),
    ).toEqual([
      { name: "Maison des parents", detail: "ouverture en 2019" },
      { name: "Permanences", detail: null },
    ]);
    expect(
      await db.select({ label: actionLinks.label, url: actionLinks.url }).from(actionLinks).where(eq(actionLinks.actionId, row!.id)),
    ).toEqual([
      { label: "Site du CCAS", url: "https://www.aurillac.fr/ccas" },
      { label: "https://exemple.fr/doc", url: "https://exemple.fr/doc" },
    ]);
    const written = await auditRowsAfter(db, mark);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ action: "plan.action.create", actorUserId: cast.userIds.admin, details: { themes: [1, 2] } });

    const page = await loadActionPage(row!.slug, db);
    expect(page?.action).toMatchObject({
      title,
      plainSummary: "Un lieu pour les parents. Ils peuvent parler.",
      body: "Texte complet.\nDeuxième ligne.",
    });
    expect(page?.links).toHaveLength(2);
    expect(page?.revisions).toEqual([]);
    expect(page?.themes.map((t) => t.number)).toEqual([1, 2]);
    const theme = await loadThemePage("politique-sociale-plus-fragiles", db);
    expect(theme?.theme.actions.map((a) => a.slug)).toContain(row!.slug);
    expect(theme?.theme.addedActionSlugs).toContain(row!.slug);
    expect((await loadActionChoices(db)).map((c) => c.slug)).toContain(row!.slug);
  });

  it("refuses a link that is not a web address, and no theme, saying which field: nothing is written", async () => {
    const before = await snapshot(db);
    const result = await submitForm(
      db,
      cast.actors.admin,
      createActionSchema,
      { title: "Une fiche", links: "Cliquez javascript:alert(1)", themeIds: [] },
      (input, { db: d, actor }) => createAction(d, actor, input),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["links", "themeIds"]);
    expect(await snapshot(db)).toEqual(before);
  });

  it("refuses a summary in plain words longer than 400 characters", async () => {
    const result = await submitForm(
      db,
      cast.actors.admin,
      createActionSchema,
      { title: "Une fiche", plainSummary: "a".repeat(401), themeIds: [String(theme1)] },
      (input, { db: d, actor }) => createAction(d, actor, input),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { plainSummary: [expect.stringContaining("400")] } });
  });

  it("gets a free slug when another fiche has the same title", async () => {
    const title = `Même titre ${tag()}`;
    const a = await createAction(db, cast.actors.admin, fiche({ title }));
    const b = await createAction(db, cast.actors.admin, fiche({ title }));
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(b.data.slug).toBe(`${a.data.slug}-2`);
  });
});

describe("editing a fiche", () => {
  it("keeps the slug, the earlier text (public) and writes one journal row with before and after", async () => {
    const created = await createAction(db, cast.actors.admin, fiche({ title: `Avant ${tag()}`, projects: [{ name: "P", detail: null }] }));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const mark = await lastAuditId(db);
    const result = await submitForm(
      db,
      cast.actors.admin,
      updateActionSchema,
      {
        actionId: String(created.data.id),
        title: "Après",
        plainSummary: "En mots simples.",
        projects: "P",
        themeIds: [String(theme1), String(theme2)],
        reason: "Plus clair",
      },
      (input, { db: d, actor }) => updateAction(d, actor, input),
    );
    expect(result).toMatchObject({ ok: true, data: { changed: true, slug: created.data.slug } });
    const written = await auditRowsAfter(db, mark);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      action: "plan.action.update",
      reason: "Plus clair",
      details: {
        before: { title: expect.stringMatching(/^Avant /), plainSummary: null, themes: [1] },
        after: { title: "Après", plainSummary: "En mots simples.", themes: [1, 2] },
      },
    });
    const page = await loadActionPage(created.data.slug, db);
    expect(page?.action).toMatchObject({ title: "Après", plainSummary: "En mots simples." });
    expect(page?.revisions).toHaveLength(1);
    expect(page?.revisions[0]).toMatchObject({
      title: expect.stringMatching(/^Avant /),
      plainSummary: null,
      projects: [{ name: "P", detail: null }],
    });
    expect(page?.themes.map((t) => t.number)).toEqual([1, 2]);

    // The same values again: nothing changes, no journal row, no version.
    const mark2 = await lastAuditId(db);
    const again = await updateAction(db, cast.actors.admin, {
      actionId: created.data.id,
      ...fiche({ title: "Après", plainSummary: "En mots simples.", projects: [{ name: "P", detail: null }], themeIds: [theme2, theme1] }),
    });
    expect(again).toMatchObject({ ok: true, data: { changed: false } });
    expect(await auditRowsAfter(db, mark2)).toEqual([]);
    expect(await db.select().from(actionRevisions).where(eq(actionRevisions.actionId, created.data.id))).toHaveLength(1);
  });

  it("never changes a source fiche's original time frame, its source wording or its status", async () => {
    const [source] = await db.select().from(actions).where(eq(actions.slug, "accueil-enfants-difficultes-parentales"));
    const result = await updateAction(db, cast.actors.admin, {
      actionId: source!.id,
      ...fiche({ title: source!.title, timeframeLabel: "jusqu'en 2030", plainSummary: "Aider les enfants." }),
    });
    expect(result).toMatchObject({ ok: true });
    const [after] = await db.select().from(actions).where(eq(actions.id, source!.id));
    expect(after).toMatchObject({
      timeframeLabel: source!.timeframeLabel,
      timeframeEndYear: source!.timeframeEndYear,
      sourceWording: source!.sourceWording,
      status: source!.status,
      progress: source!.progress,
      plainSummary: "Aider les enfants.",
    });
  });

  it("refuses a theme of nowhere, and an unknown fiche", async () => {
    const { action } = await aFiche(db);
    const before = await snapshot(db);
    expect(
      await updateAction(db, cast.actors.admin, { actionId: action, ...fiche({ title: "X y z", themeIds: [999_999] }) }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { themeIds: [expect.any(String)] },
    });
    expect(await updateAction(db, cast.actors.admin, { actionId: 999_999, ...fiche({ title: "X y z" }) })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe("archiving a fiche", () => {
  it("takes it out of the lists and the choices, keeps its page (which says so) and its contributions", async () => {
    const created = await createAction(db, cast.actors.admin, fiche({ title: `À archiver ${tag()}` }));
    if (!created.ok) throw new Error(created.message);
    await db.insert(contributions).values({
      councilId: cast.councilA.id,
      actionId: created.data.id,
      kind: "feedback",
      position: "favorable",
      body: "Bien.",
      authorId: cast.userIds.memberOfA,
      status: "draft",
      clientRequestId: `archive-${tag()}-${tag()}`,
    });
    const result = await submitForm(
      db,
      cast.actors.admin,
      actionArchiveFormSchema,
      { actionId: String(created.data.id), change: "archive", reason: "Remplacée par une autre fiche" },
      (input, { db: d, actor }) => setActionArchived(d, actor, input),
    );
    expect(result).toMatchObject({ ok: true });
    const overview = await loadPlanOverview(db);
    expect(overview?.themes.flatMap((t) => t.actions.map((a) => a.slug))).not.toContain(created.data.slug);
    expect((await loadActionChoices(db)).map((c) => c.slug)).not.toContain(created.data.slug);
    const page = await loadActionPage(created.data.slug, db);
    expect(page?.action.archivedAt).toBeInstanceOf(Date);
    expect(await db.select().from(contributions).where(eq(contributions.actionId, created.data.id))).toHaveLength(1);
    expect(
      await setActionArchived(db, cast.actors.admin, { actionId: created.data.id, change: "archive", reason: "Encore" }),
    ).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });
});

describe("moving a fiche inside a theme", () => {
  it("swaps it with its neighbour, positions written again 1, 2, 3…", async () => {
    const created = await createTheme(db, cast.actors.admin, { title: `Ordre ${tag()}`, description: null, reason: null });
    if (!created.ok) throw new Error(created.message);
    const ids: number[] = [];
    for (const n of [1, 2, 3]) {
      const r = await createAction(db, cast.actors.admin, fiche({ title: `Rang ${n} ${tag()}`, themeIds: [created.data.id] }));
      if (!r.ok) throw new Error(r.message);
      ids.push(r.data.id);
    }
    expect(await moveAction(db, cast.actors.admin, { actionId: ids[2]!, themeId: created.data.id, direction: "up" })).toMatchObject({
      ok: true,
    });
    const order = async () =>
      (
        await db
          .select({ id: actionThemes.actionId, position: actionThemes.position })
          .from(actionThemes)
          .where(eq(actionThemes.themeId, created.data.id))
          .orderBy(actionThemes.position)
      ).map((r) => [r.id, r.position]);
    expect(await order()).toEqual([
      [ids[0], 1],
      [ids[2], 2],
      [ids[1], 3],
    ]);
    const first = await moveAction(db, cast.actors.admin, { actionId: ids[0]!, themeId: created.data.id, direction: "up" });
    expect(first).toMatchObject({ ok: false, code: "CONFLICT" });
    const elsewhere = await moveAction(db, cast.actors.admin, { actionId: ids[0]!, themeId: theme2, direction: "down" });
    expect(elsewhere).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("themes", () => {
  it("a new theme takes the next number and a stable slug; renaming it keeps the slug", async () => {
    const title = `Solidarités ${tag()}`;
    const created = await createTheme(db, cast.actors.admin, { title, description: null, reason: null });
    if (!created.ok) throw new Error(created.message);
    const [row] = await db.select().from(themes).where(eq(themes.id, created.data.id));
    const numbers = (await db.select({ n: themes.number }).from(themes).where(eq(themes.planId, row!.planId))).map((r) => r.n);
    expect(row!.number).toBe(Math.max(...numbers));
    const renamed = await updateTheme(db, cast.actors.admin, { themeId: row!.id, title: "Nouveau nom", description: "Desc", reason: null });
    expect(renamed).toMatchObject({ ok: true, data: { slug: row!.slug, changed: true } });
    const page = await loadThemePage(row!.slug, db);
    expect(page?.theme).toMatchObject({ title: "Nouveau nom", description: "Desc" });
    const [journal] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, String(row!.id)), eq(auditLog.action, "plan.theme.update")));
    expect(journal?.details).toEqual({ before: { title, description: null }, after: { title: "Nouveau nom", description: "Desc" } });
  });
});
