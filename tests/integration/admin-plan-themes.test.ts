import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedDatabase } from "@/db/seed/run";
import { actions, actionThemes, themes } from "@/db/schema";
import { themeArchiveFormSchema } from "@/lib/validation/plan";
import { setActionArchived } from "@/server/plan-admin/archive-action";
import { createAction } from "@/server/plan-admin/create-action";
import { moveTheme, setThemeArchived } from "@/server/plan-admin/order-themes";
import { createTheme } from "@/server/plan-admin/save-theme";
import { updateAction } from "@/server/plan-admin/update-action";
import { getActionForAdmin } from "@/server/plan-admin/queries";
import { loadActionChoices } from "@/server/plan/load-action-choices";
import { loadPlanOverview } from "@/server/plan/load-plan-overview";
import { loadThemePage } from "@/server/plan/load-theme-page";
import { loadSearchChoices } from "@/server/search/load-search-choices";
import { createCast, type Cast } from "../support/actors";
import { submitForm } from "../support/forms";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { auditRowsAfter, checkMatrixCell, lastAuditId, matrixRoles, type MatrixCase } from "./admin-helpers";

/*
 * The order of the plan's themes and their archive (issue 11, point 1): every role against both
 * functions (refused → nothing changed, no journal row), then what an admin sees: numbers without a
 * gap on the public pages, an archived theme out of the lists but still answering at its address,
 * a theme that still shows fiches refused, and the seed run again after a reorder touching nothing.
 */

let testDb: TestDatabase;
let db: Db;
let cast: Cast;

beforeAll(async () => {
  testDb = await createTestDatabase("admin_plan_themes");
  db = (await testDb.openPrepared({ demo: true })).db;
  cast = await createCast(db);
});
afterAll(() => testDb.drop());

const tag = () => Math.random().toString(36).slice(2, 8);

async function newTheme(d: Db, title = `Thématique ${tag()}`) {
  const created = await createTheme(d, cast.actors.admin, { title, description: null, reason: null });
  if (!created.ok) throw new Error(created.message);
  return created.data;
}

const order = async () =>
  (await db.select({ id: themes.id, number: themes.number, archivedAt: themes.archivedAt }).from(themes).orderBy(asc(themes.number))).map(
    (t) => ({ id: t.id, number: t.number, archived: t.archivedAt !== null }),
  );

const cases: MatrixCase[] = [
  {
    name: "moveTheme",
    setup: async (d) => ({ theme: (await newTheme(d)).id }),
    call: (d, actor, ids) => moveTheme(d, actor, { themeId: ids.theme!, direction: "up" }),
    audit: (ids) => ({ action: "plan.theme.move", targetType: "theme", targetId: ids.theme!, reason: null }),
  },
  {
    name: "archive a theme",
    setup: async (d) => ({ theme: (await newTheme(d)).id }),
    call: (d, actor, ids) => setThemeArchived(d, actor, { themeId: ids.theme!, change: "archive", reason: "Fusionnée" }),
    audit: (ids) => ({ action: "plan.theme.archive", targetType: "theme", targetId: ids.theme!, reason: "Fusionnée" }),
  },
  {
    name: "unarchive a theme",
    setup: async (d) => {
      const theme = await newTheme(d);
      const archived = await setThemeArchived(d, cast.actors.admin, { themeId: theme.id, change: "archive", reason: "Essai" });
      if (!archived.ok) throw new Error(archived.message);
      return { theme: theme.id };
    },
    call: (d, actor, ids) => setThemeArchived(d, actor, { themeId: ids.theme!, change: "unarchive", reason: "Erreur" }),
    audit: (ids) => ({ action: "plan.theme.unarchive", targetType: "theme", targetId: ids.theme!, reason: "Erreur" }),
  },
];

describe("permission matrix of the themes' order and archive", () => {
  for (const c of cases) {
    for (const role of matrixRoles) {
      it(`${c.name} as ${role}`, async () => {
        await checkMatrixCell(db, cast, role, c);
      });
    }
  }
});

describe("the themes' order", () => {
  it("moves a theme up: the two swap numbers, the public pages follow, one journal row keeps both orders", async () => {
    const before = (await order()).filter((t) => !t.archived);
    const [first, second] = before;
    const mark = await lastAuditId(db);
    const moved = await moveTheme(db, cast.actors.admin, { themeId: second!.id, direction: "up" });
    expect(moved).toMatchObject({ ok: true, message: expect.stringContaining("numéro 1") });
    const after = await order();
    expect(after.find((t) => t.id === second!.id)!.number).toBe(1);
    expect(after.find((t) => t.id === first!.id)!.number).toBe(2);
    expect(after.map((t) => t.number)).toEqual(after.map((_, i) => i + 1));

    const overview = await loadPlanOverview(db);
    const slugs = (await db.select({ id: themes.id, slug: themes.slug }).from(themes)).reduce(
      (m, t) => m.set(t.id, t.slug),
      new Map<number, string>(),
    );
    expect(overview!.themes.slice(0, 2).map((t) => t.slug)).toEqual([slugs.get(second!.id), slugs.get(first!.id)]);

    const written = await auditRowsAfter(db, mark);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ action: "plan.theme.move", actorUserId: cast.userIds.admin, targetId: String(second!.id) });
    const details = written[0]!.details as { before: { order: number[] }; after: { order: number[] } };
    expect(details.before.order.slice(0, 2)).toEqual([first!.id, second!.id]);
    expect(details.after.order.slice(0, 2)).toEqual([second!.id, first!.id]);

    // And back, so the plan reads as the source again.
    expect(await moveTheme(db, cast.actors.admin, { themeId: second!.id, direction: "down" })).toMatchObject({ ok: true });
  });

  it("refuses to move the first theme up or the last shown one down, and changes nothing", async () => {
    const shown = (await order()).filter((t) => !t.archived);
    const before = await order();
    expect(await moveTheme(db, cast.actors.admin, { themeId: shown[0]!.id, direction: "up" })).toMatchObject({
      ok: false,
      message: "Cette thématique est déjà la première.",
    });
    expect(await moveTheme(db, cast.actors.admin, { themeId: shown.at(-1)!.id, direction: "down" })).toMatchObject({
      ok: false,
      message: "Cette thématique est déjà la dernière.",
    });
    expect(await order()).toEqual(before);
  });

  it("running the seed again after a reorder attaches no fiche to another theme", async () => {
    const shown = (await order()).filter((t) => !t.archived);
    expect(await moveTheme(db, cast.actors.admin, { themeId: shown[1]!.id, direction: "up" })).toMatchObject({ ok: true });
    const links = () =>
      db
        .select({ actionId: actionThemes.actionId, themeId: actionThemes.themeId })
        .from(actionThemes)
        .orderBy(asc(actionThemes.actionId), asc(actionThemes.themeId));
    const before = await links();
    await seedDatabase(db, { demo: true });
    expect(await links()).toEqual(before);
    expect(await moveTheme(db, cast.actors.admin, { themeId: shown[1]!.id, direction: "down" })).toMatchObject({ ok: true });
  });
});

describe("an archived theme", () => {
  it("is refused while it still shows a fiche, with the fiche named, and nothing changes", async () => {
    const theme = await newTheme(db, `Thématique à fiches ${tag()}`);
    const fiche = await createAction(db, cast.actors.admin, {
      title: `Fiche sous la thématique ${tag()}`,
      description: null,
      body: null,
      plainSummary: null,
      timeframeLabel: null,
      projects: [],
      links: [],
      themeIds: [theme.id],
      reason: null,
    });
    expect(fiche).toMatchObject({ ok: true });
    const before = await order();
    const mark = await lastAuditId(db);
    const refused = await setThemeArchived(db, cast.actors.admin, { themeId: theme.id, change: "archive", reason: "Fusionnée" });
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("Fiche sous la thématique") });
    expect(await order()).toEqual(before);
    expect(await auditRowsAfter(db, mark)).toHaveLength(0);

    // Once its only fiche is archived, the theme may be.
    if (!fiche.ok) return;
    expect(
      await setActionArchived(db, cast.actors.admin, { actionId: fiche.data.id, change: "archive", reason: "Abandonnée" }),
    ).toMatchObject({
      ok: true,
    });
    expect(await setThemeArchived(db, cast.actors.admin, { themeId: theme.id, change: "archive", reason: "Fusionnée" })).toMatchObject({
      ok: true,
    });
  });

  it("goes after the themes shown (no gap in their numbers), leaves every list, keeps its page, and comes back last", async () => {
    const shownBefore = (await order()).filter((t) => !t.archived);
    const target = shownBefore[1]!;
    const [row] = await db.select({ slug: themes.slug, title: themes.title }).from(themes).where(eq(themes.id, target.id));
    // Its fiches first go elsewhere: each one is attached to the first theme instead (one keeps both).
    const own = await db.select({ actionId: actionThemes.actionId }).from(actionThemes).where(eq(actionThemes.themeId, target.id));
    for (const { actionId } of own) {
      const current = await getActionForAdmin(db, cast.actors.admin, actionId);
      if (!current.ok) throw new Error(current.message);
      const { id, slug: _s, sourceWording: _w, archivedAt: _a, themeIds, themes: _t, journal: _j, ...text } = current.data;
      const moved = await updateAction(db, cast.actors.admin, {
        actionId: id,
        ...text,
        themeIds: [...themeIds.filter((t) => t !== target.id), shownBefore[0]!.id].filter((t, i, all) => all.indexOf(t) === i),
        reason: "La thématique est fusionnée",
      });
      expect(moved).toMatchObject({ ok: true });
    }

    const result = await submitForm(
      db,
      cast.actors.admin,
      themeArchiveFormSchema,
      { themeId: String(target.id), change: "archive", reason: "Fusionnée avec la première" },
      (input, { db: d, actor }) => setThemeArchived(d, actor, input),
    );
    expect(result).toMatchObject({ ok: true });
    const after = await order();
    expect(after.map((t) => t.number)).toEqual(after.map((_, i) => i + 1));
    const shownAfter = after.filter((t) => !t.archived);
    expect(shownAfter.map((t) => t.id)).toEqual(shownBefore.filter((t) => t.id !== target.id).map((t) => t.id));
    expect(after.findIndex((t) => t.id === target.id)).toBeGreaterThanOrEqual(shownAfter.length);

    const overview = await loadPlanOverview(db);
    expect(overview!.themes.map((t) => t.slug)).not.toContain(row!.slug);
    expect(overview!.themes.map((t) => t.number)).toEqual(overview!.themes.map((_, i) => i + 1));
    expect((await loadSearchChoices(db)).themes.map((t) => t.slug)).not.toContain(row!.slug);
    const page = await loadThemePage(row!.slug, db);
    expect(page).toMatchObject({ theme: { slug: row!.slug, title: row!.title, archivedAt: expect.any(Date) } });
    // Every fiche it had that is not archived is still offered to a contribution (under the first theme now).
    const choices = (await loadActionChoices(db)).map((c) => c.slug);
    const ownShown = await db
      .select({ slug: actions.slug, archivedAt: actions.archivedAt })
      .from(actions)
      .where(inArray(actions.id, own.length > 0 ? own.map((o) => o.actionId) : [-1]));
    expect(ownShown.length).toBe(own.length);
    for (const fiche of ownShown) if (fiche.archivedAt === null) expect(choices).toContain(fiche.slug);

    // A new theme takes the number after the last one shown, before the archived ones.
    const added = await newTheme(db, `Ajoutée après archivage ${tag()}`);
    const withNew = await order();
    expect(withNew.find((t) => t.id === added.id)!.number).toBe(shownAfter.length + 1);
    expect(withNew.find((t) => t.id === target.id)!.number).toBeGreaterThan(shownAfter.length + 1);

    // No new fiche under it.
    const refused = await createAction(db, cast.actors.admin, {
      title: `Sous une thématique archivée ${tag()}`,
      description: null,
      body: null,
      plainSummary: null,
      timeframeLabel: null,
      projects: [],
      links: [],
      themeIds: [target.id],
      reason: null,
    });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { themeIds: [expect.stringContaining("est archivée")] } });

    // Moving an archived theme is refused; bringing it back puts it after the themes shown.
    expect(await moveTheme(db, cast.actors.admin, { themeId: target.id, direction: "up" })).toMatchObject({ ok: false });
    expect(await setThemeArchived(db, cast.actors.admin, { themeId: target.id, change: "unarchive", reason: "Erreur" })).toMatchObject({
      ok: true,
    });
    const back = (await order()).filter((t) => !t.archived);
    expect(back.at(-1)!.id).toBe(target.id);
    expect(back.map((t) => t.number)).toEqual(back.map((_, i) => i + 1));
  });
});
