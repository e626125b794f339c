import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createMeeting as insertMeeting } from "@/db/factories";
import { auditLog, meetingAgendaItems, meetingSnapshots, meetings } from "@/db/schema";
import { meetingMinutesSchema, meetingSchema, updateMeetingSchema, type MeetingData } from "@/lib/validation/meeting";
import { createMeeting } from "@/server/meetings/create-meeting";
import { getMeetingForEdit, getPresentation, listMeetingsForStaff, listPublicMeetings, MEETINGS_PER_PAGE } from "@/server/meetings/queries";
import { setMeetingMinutes } from "@/server/meetings/set-minutes";
import { freezeMeeting, unfreezeMeeting } from "@/server/meetings/snapshot";
import { deleteMeeting } from "@/server/meetings/delete-meeting";
import { updateMeeting } from "@/server/meetings/update-meeting";
import { createCast, matrixRoles, type Cast, type MatrixRole } from "../support/actors";
import { auditCount, lastAudit } from "../support/db-snapshot";
import { submitForm, type RawForm } from "../support/forms";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { refusalCode } from "./contributions-helpers";

/*
 * Every meeting action called directly (typed data) as each role of the matrix: refused → no row
 * of the meeting tables changed and no journal row; allowed → exactly one journal row. Meetings
 * belong to no council: staff who are also council members keep their powers here. Refused
 * input goes through the form's path (raw text, one parse).
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
beforeAll(async () => {
  testDb = await createTestDatabase("meetings_permissions");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
});
afterAll(() => testDb.drop());

const DAY = 24 * 3600 * 1000;
const snapshot = async () => ({
  meetings: await db.select().from(meetings).orderBy(asc(meetings.id)),
  agenda: await db.select().from(meetingAgendaItems).orderBy(asc(meetingAgendaItems.id)),
  snapshots: await db.select().from(meetingSnapshots).orderBy(asc(meetingSnapshots.meetingId)),
  audit: await db.select().from(auditLog).orderBy(asc(auditLog.id)),
});

const managers: MatrixRole[] = ["official", "admin", "officialOfA"];
const presenters: MatrixRole[] = ["official", "admin", "moderator", "officialOfA", "moderatorOfA"];

const agenda: MeetingData["agenda"] = [
  { ref: "", label: "Ouverture", notes: "Remercier la salle" },
  { ref: "theme:habitat-cadre-de-vie", label: null, notes: null },
  { ref: "action:logements-plus-precaires", label: null, notes: "Chiffres de 2026" },
];
const meetingInput = (title: string): MeetingData => ({ title, date: "2027-03-04", time: "18:30", place: "Salle des fêtes", agenda });

/** Runs `call` as each role: refused → nothing changed; allowed → one journal row, and `check`. */
function matrix(
  name: string,
  allowedRoles: MatrixRole[],
  prepare: () => Promise<number>,
  call: (role: MatrixRole, meetingId: number) => Promise<unknown>,
  action: string,
) {
  describe(`${name}, as each role`, () => {
    for (const role of matrixRoles) {
      const allowed = allowedRoles.includes(role);
      it(`${role} ${allowed ? "may" : "may not"}`, async () => {
        const meetingId = await prepare();
        const before = await snapshot();
        const audits = before.audit.length;
        const result = (await call(role, meetingId)) as { ok: boolean; code?: string };
        if (!allowed) {
          expect(result).toMatchObject({ ok: false, code: refusalCode(role) });
          expect(await snapshot()).toEqual(before);
          return;
        }
        expect(result).toMatchObject({ ok: true });
        expect(await auditCount(db)).toBe(audits + 1);
        expect(await lastAudit(db)).toMatchObject({
          actorUserId: cast.userIds[role as Exclude<MatrixRole, "anonymous">],
          action,
          targetType: "meeting",
        });
      });
    }
  });
}

const future = () => insertMeeting(db, { startsAt: new Date(Date.now() + 20 * DAY) }).then((m) => m.id);
const past = () => insertMeeting(db, { startsAt: new Date(Date.now() - 2 * DAY) }).then((m) => m.id);
const frozenFuture = async () => {
  const id = await future();
  await db.insert(meetingSnapshots).values({ meetingId: id, data: { version: 1, slides: [], meeting: {} } });
  return id;
};

matrix(
  "creating a meeting",
  managers,
  async () => 0,
  (role) => createMeeting(db, cast.actors[role], meetingInput(`Réunion de ${role}`)),
  "meeting.create",
);
matrix(
  "changing a meeting",
  managers,
  future,
  (role, meetingId) => updateMeeting(db, cast.actors[role], { ...meetingInput(`Réunion changée par ${role}`), meetingId }),
  "meeting.update",
);
matrix(
  "deleting a meeting that has not taken place",
  managers,
  frozenFuture,
  (role, meetingId) => deleteMeeting(db, cast.actors[role], { meetingId }),
  "meeting.delete",
);
matrix(
  "adding the minutes",
  managers,
  past,
  (role, meetingId) => setMeetingMinutes(db, cast.actors[role], { meetingId, minutes: `Compte rendu de ${role}` }),
  "meeting.minutes",
);
matrix(
  "freezing the slides",
  presenters,
  future,
  (role, meetingId) => freezeMeeting(db, cast.actors[role], { meetingId }),
  "meeting.freeze",
);
matrix(
  "going back to live data",
  presenters,
  frozenFuture,
  (role, meetingId) => unfreezeMeeting(db, cast.actors[role], { meetingId }),
  "meeting.unfreeze",
);

describe("reading, as each role", () => {
  for (const role of matrixRoles) {
    it(`${role}: the staff list, the edit form and the presentation follow the permissions`, async () => {
      const meeting = await insertMeeting(db, { startsAt: new Date(Date.now() + 5 * DAY) });
      const actor = cast.actors[role];
      expect((await listMeetingsForStaff(db, actor)).ok).toBe(presenters.includes(role));
      expect((await getMeetingForEdit(db, actor, meeting.slug)).ok).toBe(managers.includes(role));
      expect((await getPresentation(db, actor, meeting.slug)).ok).toBe(presenters.includes(role));
    });
  }
});

describe("what an allowed call writes", () => {
  it("creates the meeting and its agenda in order, in City time, and the journal keeps no notes", async () => {
    const result = await createMeeting(db, cast.actors.official, meetingInput("Réunion de printemps"));
    expect(result).toMatchObject({ ok: true, data: { slug: "reunion-de-printemps-2027-03-04" } });
    const [row] = await db.select().from(meetings).where(eq(meetings.slug, "reunion-de-printemps-2027-03-04"));
    expect(row).toMatchObject({ title: "Réunion de printemps", place: "Salle des fêtes", createdById: cast.userIds.official });
    expect(row!.startsAt.toISOString()).toBe("2027-03-04T17:30:00.000Z");
    const items = await db
      .select()
      .from(meetingAgendaItems)
      .where(eq(meetingAgendaItems.meetingId, row!.id))
      .orderBy(asc(meetingAgendaItems.position));
    expect(items.map((i) => [i.position, i.label, i.notes, i.themeId !== null, i.actionId !== null])).toEqual([
      [1, "Ouverture", "Remercier la salle", false, false],
      [2, "Thématique 3 : Habitat / Cadre de vie", null, true, false],
      [3, "Rééquilibrer l'offre de logements pour les plus précaires", "Chiffres de 2026", false, true],
    ]);
    expect(JSON.stringify((await lastAudit(db))!.details)).not.toContain("Remercier");
    // Same title and day again: another slug.
    expect(await createMeeting(db, cast.actors.admin, meetingInput("Réunion de printemps"))).toMatchObject({
      ok: true,
      data: { slug: "reunion-de-printemps-2027-03-04-2" },
    });
  });

  it("refuses an unknown theme or fiche next to its item, and writes nothing (the agenda is replaced whole or not at all)", async () => {
    const created = await createMeeting(db, cast.actors.official, meetingInput("Réunion à corriger"));
    if (!created.ok) throw new Error(created.message);
    const before = await snapshot();
    const bad = {
      ...meetingInput("Réunion corrigée"),
      meetingId: created.data.id,
      agenda: [
        { ref: "", label: "Accueil", notes: null },
        { ref: "action:nexiste-pas", label: null, notes: null },
      ],
    };
    expect(await updateMeeting(db, cast.actors.official, bad)).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { "agenda.1.ref": [expect.stringContaining("n'existe pas")] },
    });
    expect(await createMeeting(db, cast.actors.official, { ...bad, title: "Autre" })).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
    });
    expect(await snapshot()).toEqual(before);

    const good = { ...meetingInput("Réunion corrigée"), meetingId: created.data.id, agenda: [{ ref: "", label: "Accueil", notes: null }] };
    expect(await updateMeeting(db, cast.actors.official, good)).toMatchObject({ ok: true, data: { changed: true } });
    const items = await db.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, created.data.id));
    expect(items.map((i) => i.label)).toEqual(["Accueil"]);
    expect(await updateMeeting(db, cast.actors.official, good)).toMatchObject({ ok: true, data: { changed: false } });
  });

  it("deletes a coming meeting with its agenda and frozen slides, journaled with its title; a meeting that took place stays", async () => {
    const created = await createMeeting(db, cast.actors.official, meetingInput("Réunion annulée"));
    if (!created.ok) throw new Error(created.message);
    await freezeMeeting(db, cast.actors.official, { meetingId: created.data.id });
    const deleted = await deleteMeeting(db, cast.actors.admin, { meetingId: created.data.id }, new Date("2027-03-01T12:00:00Z"));
    expect(deleted).toMatchObject({ ok: true, data: { title: "Réunion annulée" } });
    expect(await db.select().from(meetings).where(eq(meetings.id, created.data.id))).toEqual([]);
    expect(await db.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, created.data.id))).toEqual([]);
    expect(await db.select().from(meetingSnapshots).where(eq(meetingSnapshots.meetingId, created.data.id))).toEqual([]);
    expect(await lastAudit(db)).toMatchObject({
      action: "meeting.delete",
      targetId: String(created.data.id),
      details: { title: "Réunion annulée", startsAt: "2027-03-04T17:30:00.000Z", place: "Salle des fêtes" },
    });

    const held = await past();
    const before = await snapshot();
    expect(await deleteMeeting(db, cast.actors.admin, { meetingId: held })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: "Cette réunion a déjà eu lieu : elle reste publiée, avec ses diapositives et son compte rendu.",
    });
    expect(await snapshot()).toEqual(before);
    expect(await deleteMeeting(db, cast.actors.admin, { meetingId: 999_999 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("refuses the minutes before the meeting, with a French message next to the field", async () => {
    const meetingId = await future();
    const before = await snapshot();
    expect(await setMeetingMinutes(db, cast.actors.official, { meetingId, minutes: "Trop tôt" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      fieldErrors: { minutes: [expect.stringContaining("pas encore eu lieu")] },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses to go back to live data once the meeting has started, and to freeze again after its day", async () => {
    const meetingId = await past();
    await db.insert(meetingSnapshots).values({ meetingId, data: { version: 1, slides: [], meeting: {} } });
    const before = await snapshot();
    expect(await unfreezeMeeting(db, cast.actors.official, { meetingId })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await freezeMeeting(db, cast.actors.official, { meetingId })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("what a form may send", () => {
  const DAY_MESSAGE = "Date invalide : écrivez-la sous la forme AAAA-MM-JJ, par exemple 2026-12-17.";
  /** The new-meeting form as a browser sends it: the agenda's fields named `agenda.0.ref`… */
  const form = (overrides: RawForm = {}): RawForm => ({
    title: "Réunion de quartier",
    date: "2027-05-06",
    time: "18:30",
    place: "Salle des fêtes",
    "agenda.0.ref": "",
    "agenda.0.label": "Ouverture",
    "agenda.0.notes": "",
    "agenda.1.ref": "action:logements-plus-precaires",
    "agenda.1.label": "",
    "agenda.1.notes": "Chiffres",
    ...overrides,
  });
  const create = (values: RawForm) =>
    submitForm(db, cast.actors.official, meetingSchema, values, (input, c) => createMeeting(c.db, c.actor, input));

  it("reads the agenda back as a list, in order, with empty labels and notes as none", async () => {
    const result = await create(form({ title: "Réunion lue d'un formulaire" }));
    if (!result.ok) throw new Error(result.message);
    const items = await db
      .select()
      .from(meetingAgendaItems)
      .where(eq(meetingAgendaItems.meetingId, result.data.id))
      .orderBy(asc(meetingAgendaItems.position));
    expect(items.map((i) => [i.position, i.label, i.notes, i.actionId !== null])).toEqual([
      [1, "Ouverture", null, false],
      [2, "Rééquilibrer l'offre de logements pour les plus précaires", "Chiffres", true],
    ]);
    // No item at all: the form sends no agenda field.
    expect(
      await create({ title: "Réunion sans ordre du jour", date: "2027-05-07", time: "18:30", place: "Salle des fêtes" }),
    ).toMatchObject({ ok: true });
  });

  it("refuses impossible dates and wrong fields in French, next to each field, and writes nothing", async () => {
    const before = await snapshot();
    for (const date of ["2026-02-31", "0000-01-01", "2031-13-01", "17/12/2026", ""]) {
      const result = await create(form({ date }));
      expect(result, date).toMatchObject({
        ok: false,
        code: "VALIDATION_FAILED",
        fieldErrors: { date: [date === "" ? "Indiquez la date de la réunion." : DAY_MESSAGE] },
      });
    }
    const result = await create(
      form({
        title: " ",
        time: "25:00",
        place: "",
        "agenda.1.ref": "action:Pas Un Slug",
        "agenda.0.label": "",
        "agenda.0.notes": "x".repeat(5001),
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        title: ["Donnez un titre à la réunion."],
        time: [expect.stringContaining("Heure invalide")],
        place: ["Indiquez le lieu de la réunion."],
        "agenda.0.notes": ["Le texte des notes ne peut pas dépasser 5000 caractères."],
        "agenda.1.ref": [expect.stringContaining("Choix inconnu")],
      },
    });
    const tooMany: RawForm = {};
    for (let i = 0; i <= 30; i++) tooMany[`agenda.${i}.label`] = `Point ${i}`;
    expect(await create(form(tooMany))).toMatchObject({
      ok: false,
      fieldErrors: { agenda: ["L'ordre du jour ne peut pas dépasser 30 points."] },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a meeting id that is not one, and empty minutes, and writes nothing", async () => {
    const meetingId = await past();
    const before = await snapshot();
    for (const id of ["2147483648", "0", "abc", ""]) {
      const updated = await submitForm(db, cast.actors.official, updateMeetingSchema, form({ meetingId: id }), (input, c) =>
        updateMeeting(c.db, c.actor, input),
      );
      expect(updated, id).toMatchObject({
        ok: false,
        code: "VALIDATION_FAILED",
        fieldErrors: { meetingId: ["Réunion inconnue : rechargez la page."] },
      });
    }
    const minutes = (values: RawForm) =>
      submitForm(db, cast.actors.official, meetingMinutesSchema, values, (input, c) => setMeetingMinutes(c.db, c.actor, input));
    expect(await minutes({ meetingId: String(meetingId), minutes: "  \n " })).toMatchObject({
      ok: false,
      fieldErrors: { minutes: ["Écrivez le compte rendu."] },
    });
    expect(await minutes({ meetingId: "2147483647", minutes: "Compte rendu" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("the meeting lists are bounded: 20 a page, whatever the number of meetings", () => {
  it("/reunions shows the soonest upcoming and the latest past meetings; /reunions/passees/<n> the older ones; past the last page, none", async () => {
    // A world of its own: « now » is 1995, when only these meetings exist.
    const now = new Date("1995-01-01T12:00:00Z");
    const past = [];
    for (let i = 0; i < 45; i++)
      past.push(await insertMeeting(db, { slug: `passee-test-${i}-1990`, startsAt: new Date(Date.UTC(1990, 0, 1 + i, 18)) }));
    const upcoming = [];
    for (let i = 0; i < 25; i++)
      upcoming.push(await insertMeeting(db, { slug: `a-venir-test-${i}-1995`, startsAt: new Date(Date.UTC(1995, 5, 1 + i, 18)) }));

    const first = await listPublicMeetings(db, 1, now);
    expect(first).toMatchObject({ page: 1, pageCount: 3, moreUpcoming: true });
    expect(first!.upcoming.map((m) => m.slug)).toEqual(upcoming.slice(0, MEETINGS_PER_PAGE).map((m) => m.slug));
    expect(first!.past.map((m) => m.slug)).toEqual(
      past
        .slice(25)
        .reverse()
        .map((m) => m.slug),
    );
    const last = await listPublicMeetings(db, 3, now);
    expect(last!.upcoming).toEqual([]);
    expect(last!.past.map((m) => m.slug)).toEqual(
      past
        .slice(0, 5)
        .reverse()
        .map((m) => m.slug),
    );
    expect(await listPublicMeetings(db, 4, now)).toBeNull();
  });

  it("staff see every meeting, newest first, a page at a time", async () => {
    const all = await db.select({ slug: meetings.slug, startsAt: meetings.startsAt, id: meetings.id }).from(meetings);
    const newestFirst = all.sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || b.id - a.id).map((m) => m.slug);
    const seen: string[] = [];
    const first = await listMeetingsForStaff(db, cast.actors.official, 1);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.data.pageCount).toBe(Math.ceil(all.length / MEETINGS_PER_PAGE));
    for (let page = 1; page <= first.data.pageCount; page++) {
      const result = await listMeetingsForStaff(db, cast.actors.official, page);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.data.items.length).toBeLessThanOrEqual(MEETINGS_PER_PAGE);
      seen.push(...result.data.items.map((m) => m.slug));
    }
    expect(seen).toEqual(newestFirst);
  });
});
