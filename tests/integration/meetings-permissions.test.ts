import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createMeeting as insertMeeting } from "@/db/factories";
import { auditLog, meetingAgendaItems, meetingSnapshots, meetings } from "@/db/schema";
import { createMeeting } from "@/server/meetings/create-meeting";
import { getMeetingForEdit, getPresentation, listMeetingsForStaff } from "@/server/meetings/queries";
import { setMeetingMinutes } from "@/server/meetings/set-minutes";
import { freezeMeeting, unfreezeMeeting } from "@/server/meetings/snapshot";
import { updateMeeting } from "@/server/meetings/update-meeting";
import { createCast, matrixRoles, type Cast, type MatrixRole } from "../support/actors";
import { auditCount, lastAudit } from "../support/db-snapshot";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { refusalCode } from "./contributions-helpers";

/*
 * Every meeting action called directly as each of the 8 roles: refused → no row of the meeting
 * tables changed and no journal row; allowed → exactly one journal row.
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

const managers: MatrixRole[] = ["official", "admin"];
const presenters: MatrixRole[] = ["official", "admin", "moderator"];

const agenda = [
  { ref: "", label: "Ouverture", notes: "Remercier la salle" },
  { ref: "theme:habitat-cadre-de-vie", label: "", notes: "" },
  { ref: "action:logements-plus-precaires", label: "", notes: "Chiffres de 2026" },
];
const meetingInput = (title: string) => ({ title, date: "2027-03-04", time: "18:30", place: "Salle des fêtes", agenda });

/** Runs `call` as each role: refused → nothing changed; allowed → one journal row, and `check`. */
function matrix(name: string, allowedRoles: MatrixRole[], prepare: () => Promise<number>, call: (role: MatrixRole, meetingId: number) => Promise<unknown>, action: string) {
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
        expect(await lastAudit(db)).toMatchObject({ actorUserId: cast.userIds[role as Exclude<MatrixRole, "anonymous">], action, targetType: "meeting" });
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

matrix("creating a meeting", managers, async () => 0, (role) => createMeeting(db, cast.actors[role], meetingInput(`Réunion de ${role}`)), "meeting.create");
matrix(
  "changing a meeting",
  managers,
  future,
  (role, meetingId) => updateMeeting(db, cast.actors[role], { ...meetingInput(`Réunion changée par ${role}`), meetingId }),
  "meeting.update",
);
matrix("adding the minutes", managers, past, (role, meetingId) => setMeetingMinutes(db, cast.actors[role], { meetingId, minutes: `Compte rendu de ${role}` }), "meeting.minutes");
matrix("freezing the slides", presenters, future, (role, meetingId) => freezeMeeting(db, cast.actors[role], { meetingId }), "meeting.freeze");
matrix("going back to live data", presenters, frozenFuture, (role, meetingId) => unfreezeMeeting(db, cast.actors[role], { meetingId }), "meeting.unfreeze");

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
    const items = await db.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, row!.id)).orderBy(asc(meetingAgendaItems.position));
    expect(items.map((i) => [i.position, i.label, i.notes, i.themeId !== null, i.actionId !== null])).toEqual([
      [1, "Ouverture", "Remercier la salle", false, false],
      [2, "Thématique 3 : Habitat / Cadre de vie", null, true, false],
      [3, "Rééquilibrer l'offre de logements pour les plus précaires", "Chiffres de 2026", false, true],
    ]);
    expect(JSON.stringify((await lastAudit(db))!.details)).not.toContain("Remercier");
    // Same title and day again: another slug.
    expect(await createMeeting(db, cast.actors.admin, meetingInput("Réunion de printemps"))).toMatchObject({ ok: true, data: { slug: "reunion-de-printemps-2027-03-04-2" } });
  });

  it("refuses an unknown theme or fiche next to its item, and writes nothing (the agenda is replaced whole or not at all)", async () => {
    const created = await createMeeting(db, cast.actors.official, meetingInput("Réunion à corriger"));
    if (!created.ok) throw new Error(created.message);
    const before = await snapshot();
    const bad = { ...meetingInput("Réunion corrigée"), meetingId: created.data.id, agenda: [{ ref: "", label: "Accueil", notes: "" }, { ref: "action:nexiste-pas", label: "", notes: "" }] };
    expect(await updateMeeting(db, cast.actors.official, bad)).toMatchObject({ ok: false, code: "VALIDATION_FAILED", fieldErrors: { "agenda.1.ref": [expect.stringContaining("n'existe pas")] } });
    expect(await createMeeting(db, cast.actors.official, { ...bad, title: "Autre" })).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(await snapshot()).toEqual(before);

    const good = { ...meetingInput("Réunion corrigée"), meetingId: created.data.id, agenda: [{ ref: "", label: "Accueil", notes: "" }] };
    expect(await updateMeeting(db, cast.actors.official, good)).toMatchObject({ ok: true, data: { changed: true } });
    const items = await db.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, created.data.id));
    expect(items.map((i) => i.label)).toEqual(["Accueil"]);
    expect(await updateMeeting(db, cast.actors.official, good)).toMatchObject({ ok: true, data: { changed: false } });
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
