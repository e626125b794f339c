import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createCouncil as createCouncilRow } from "@/db/factories";
import { councils } from "@/db/schema";
import { councilArchiveFormSchema, createCouncilSchema, type CreateCouncilData } from "@/lib/validation/admin";
import { archiveCouncil, unarchiveCouncil } from "@/server/councils-admin/archive-council";
import { createCouncil } from "@/server/councils-admin/create-council";
import { getCouncilForAdmin, listCouncilsForAdmin } from "@/server/councils-admin/queries";
import { updateCouncil } from "@/server/councils-admin/update-council";
import { loadCouncils } from "@/server/plan/load-councils";
import { createCast, type Cast } from "../support/actors";
import { submitForm } from "../support/forms";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { auditRowsAfter, checkMatrixCell, lastAuditId, matrixRoles, snapshot, type MatrixCase } from "./admin-helpers";

let testDb: TestDatabase;
let db: Db;
let cast: Cast;

beforeAll(async () => {
  testDb = await createTestDatabase("admin_councils");
  db = (await testDb.openPrepared({ demo: true })).db;
  cast = await createCast(db);
});
afterAll(() => testDb.drop());

const tag = () => Math.random().toString(36).slice(2, 8);
/** A council's data as the form's schema gives it: what is not said is empty. */
const council = (values: Partial<CreateCouncilData> & { name: string }): CreateCouncilData => ({
  number: null,
  area: null,
  description: null,
  reason: null,
  ...values,
});
const aCouncil = async (d: Db) => ({ council: (await createCouncilRow(d)).id });

const cases: MatrixCase[] = [
  { name: "listCouncilsForAdmin", setup: async () => ({}), call: (d, actor) => listCouncilsForAdmin(d, actor), audit: null },
  { name: "getCouncilForAdmin", setup: aCouncil, call: (d, actor, ids) => getCouncilForAdmin(d, actor, ids.council!), audit: null },
  {
    name: "createCouncil",
    setup: async () => ({}),
    call: (d, actor) => createCouncil(d, actor, council({ name: `Conseil Matrice ${tag()}`, area: "Centre", reason: "Nouveau quartier" })),
    audit: () => ({ action: "council.create", targetType: "council", targetId: "any", reason: "Nouveau quartier" }),
  },
  {
    name: "updateCouncil",
    setup: aCouncil,
    call: (d, actor, ids) =>
      updateCouncil(d, actor, {
        councilId: ids.council!,
        ...council({ name: `Renommé ${tag()}`, area: "Nord", reason: "Nouveau nom voté" }),
      }),
    audit: (ids) => ({ action: "council.update", targetType: "council", targetId: ids.council!, reason: "Nouveau nom voté" }),
  },
  {
    name: "archiveCouncil",
    setup: aCouncil,
    call: (d, actor, ids) => archiveCouncil(d, actor, { councilId: ids.council!, reason: "Fusion de quartiers" }),
    audit: (ids) => ({ action: "council.archive", targetType: "council", targetId: ids.council!, reason: "Fusion de quartiers" }),
  },
  {
    name: "unarchiveCouncil",
    setup: async (d) => ({ council: (await createCouncilRow(d, { archivedAt: new Date() })).id }),
    call: (d, actor, ids) => unarchiveCouncil(d, actor, { councilId: ids.council!, reason: "Erreur d'archivage" }),
    audit: (ids) => ({ action: "council.unarchive", targetType: "council", targetId: ids.council!, reason: "Erreur d'archivage" }),
  },
];

describe("permission matrix of the council administration functions", () => {
  for (const c of cases) {
    for (const role of matrixRoles) {
      it(`${c.name} as ${role}`, async () => {
        await checkMatrixCell(db, cast, role, c);
      });
    }
  }
});

describe("council life: create, rename, archive", () => {
  it("creates a council with a slug from its name, shown on the public list; the journal says who and what", async () => {
    const name = `Conseil Côte-Rousse ${tag()}`;
    const mark = await lastAuditId(db);
    // As the form sends it: text as typed, empty fields empty.
    const result = await submitForm(
      db,
      cast.actors.admin,
      createCouncilSchema,
      { name: `  ${name} `, number: " 42 ", area: "Côte Rousse", description: "", reason: "" },
      (input, { db, actor }) => createCouncil(db, actor, input),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.slug).toBe(`conseil-cote-rousse-${name.split(" ").at(-1)}`);
    const [row] = await db.select().from(councils).where(eq(councils.id, result.data.id));
    expect(row).toMatchObject({ name, number: 42, area: "Côte Rousse", description: null, isDemo: false, archivedAt: null });
    expect((await loadCouncils(db)).map((c) => c.slug)).toContain(result.data.slug);
    const [audit] = await auditRowsAfter(db, mark);
    expect(audit).toMatchObject({ actorUserId: cast.userIds.admin, action: "council.create", councilId: result.data.id, reason: null });
    expect(audit!.details).toMatchObject({ name, slug: result.data.slug, number: 42 });
  });

  it("two councils with the same name get different slugs", async () => {
    const name = `Conseil Doublon ${tag()}`;
    const first = await createCouncil(db, cast.actors.admin, council({ name }));
    const second = await createCouncil(db, cast.actors.admin, council({ name }));
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.data.slug).toBe(`${first.data.slug}-2`);
  });

  it("refuses a number another council already has, next to the field, and writes nothing", async () => {
    // Demo council n°1 exists.
    const before = await snapshot(db);
    const result = await createCouncil(db, cast.actors.admin, council({ name: `Conseil ${tag()}`, number: 1 }));
    expect(result).toMatchObject({
      ok: false,
      code: "CONFLICT",
      fieldErrors: { number: ["Le numéro 1 est déjà celui du conseil « Conseil de quartier n°1 »."] },
    });
    const bad = await submitForm(db, cast.actors.admin, createCouncilSchema, { name: "X", number: "sept" }, (input, { db, actor }) =>
      createCouncil(db, actor, input),
    );
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(!bad.ok && Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["name", "number"]);
    expect(await snapshot(db)).toEqual(before);
  });

  it("renames a council: the slug stays, the public list shows the new name, the journal keeps before and after", async () => {
    const created = await createCouncil(db, cast.actors.admin, council({ name: `Ancien nom ${tag()}`, area: "Sud" }));
    if (!created.ok) throw new Error(created.message);
    const mark = await lastAuditId(db);
    const newName = `Nouveau nom ${tag()}`;
    const result = await updateCouncil(db, cast.actors.admin, {
      councilId: created.data.id,
      ...council({ name: newName, area: "Sud", description: "Quartier sud", reason: "Vote du conseil" }),
    });
    expect(result).toMatchObject({ ok: true, data: { slug: created.data.slug, changed: true } });
    const listed = (await loadCouncils(db)).find((c) => c.slug === created.data.slug);
    expect(listed).toMatchObject({ name: newName, description: "Quartier sud" });
    const [audit] = await auditRowsAfter(db, mark);
    expect(audit?.details).toEqual({
      before: { name: created.data.name, description: null },
      after: { name: newName, description: "Quartier sud" },
    });
    // Saving again without change writes nothing.
    const before = await snapshot(db);
    expect(
      await updateCouncil(db, cast.actors.admin, {
        councilId: created.data.id,
        ...council({ name: newName, area: "Sud", description: "Quartier sud" }),
      }),
    ).toMatchObject({
      ok: true,
      data: { changed: false },
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it("an archived council disappears from the public list but stays in the administration list; unarchiving brings it back", async () => {
    const created = await createCouncil(db, cast.actors.admin, council({ name: `À archiver ${tag()}` }));
    if (!created.ok) throw new Error(created.message);
    const { id, slug } = created.data;
    expect(await archiveCouncil(db, cast.actors.admin, { councilId: id, reason: "Fusion" })).toMatchObject({ ok: true });
    expect((await loadCouncils(db)).map((c) => c.slug)).not.toContain(slug);
    const admin = await listCouncilsForAdmin(db, cast.actors.admin);
    expect(admin.ok).toBe(true);
    if (!admin.ok) return;
    expect(admin.data.find((c) => c.id === id)?.archivedAt).toBeInstanceOf(Date);
    // Archived councils are listed after the others.
    expect(admin.data.at(-1)?.archivedAt).toBeInstanceOf(Date);

    const before = await snapshot(db);
    expect(await archiveCouncil(db, cast.actors.admin, { councilId: id, reason: "Encore" })).toMatchObject({ ok: false, code: "CONFLICT" });
    const noReason = await submitForm(
      db,
      cast.actors.admin,
      councilArchiveFormSchema,
      { councilId: String(id), change: "archive", reason: "" },
      (input, { db, actor }) => archiveCouncil(db, actor, input),
    );
    expect(noReason).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { reason: [expect.stringMatching(/Indiquez la raison/)] },
    });
    // An id PostgreSQL cannot hold is refused by the form's rule, before any query.
    const tooBig = await submitForm(
      db,
      cast.actors.admin,
      councilArchiveFormSchema,
      { councilId: "2147483648", change: "archive", reason: "Fusion" },
      (input, { db, actor }) => archiveCouncil(db, actor, input),
    );
    expect(tooBig).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { councilId: [expect.stringMatching(/Conseil inconnu/)] },
    });
    expect(await snapshot(db)).toEqual(before);

    expect(await unarchiveCouncil(db, cast.actors.admin, { councilId: id, reason: "Fusion annulée" })).toMatchObject({ ok: true });
    expect((await loadCouncils(db)).map((c) => c.slug)).toContain(slug);
    const detail = await getCouncilForAdmin(db, cast.actors.admin, id);
    expect(detail.ok).toBe(true);
    if (!detail.ok) return;
    expect(detail.data.journal.map((j) => [j.action, j.reason])).toEqual([
      ["council.unarchive", "Fusion annulée"],
      ["council.archive", "Fusion"],
      ["council.create", null],
    ]);
  });

  it("counts active members and referents in the administration list", async () => {
    const list = await listCouncilsForAdmin(db, cast.actors.admin);
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    const a = list.data.find((c) => c.id === cast.councilA.id);
    // Council A: a member, a referent, a moderator and an official who are members too, and a
    // deactivated referent who is not counted.
    expect(a).toMatchObject({ memberCount: 4, referentCount: 1 });
  });
});
