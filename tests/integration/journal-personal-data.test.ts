import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database, Db } from "@/db/client";
import { auditLog, invitations, users } from "@/db/schema";
import { eraseUserByAdmin } from "@/server/account/erase-account";
import { listAuditLog } from "@/server/audit-log/list-audit-log";
import { loadActor } from "@/server/auth/actor";
import { acceptInvitation } from "@/server/invitations/accept-invitation";
import { acceptInvitationAsUser } from "@/server/invitations/accept-invitation-as-user";
import { createCouncilInvitation } from "@/server/invitations/create-council-invitation";
import { revokeInvitation } from "@/server/invitations/revoke-invitation";
import { changeRoles } from "@/server/users/change-roles";
import { deactivateUser } from "@/server/users/deactivate-user";
import { inviteStaff } from "@/server/users/invite-staff";
import { reactivateUser } from "@/server/users/reactivate-user";
import { createCast, type Cast } from "../support/actors";
import { mailsTo, tokenFromMail } from "../support/invitation-mail";
import { createTestDatabase, rowsOf, type TestDatabase } from "../support/test-database";

/*
 * Issue 14, point 5: the journal stores no more than needed. A person is invited (staff, then a
 * council), accepts, is invited again and that invitation cancelled, gets roles and a title, is
 * deactivated and reactivated — all through the real server functions — and their e-mail is in no
 * journal row, before any erasure: the rows name them by id. The journal page still says who
 * (the invitation's address while it is kept, the account once accepted). After the erasure, the
 * whole journal table, read as text, holds neither their e-mail, nor their name, nor their title.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
beforeAll(async () => {
  // The development mailbox prints each mail; the test reads the mailbox instead.
  vi.spyOn(console, "log").mockImplementation(() => {});
  testDb = await createTestDatabase("journal_minimal");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
});
afterAll(() => testDb.drop());

/** How many journal rows contain `needle` anywhere (every column, as text), case folded. */
async function journalRowsWith(needle: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from audit_log where strpos(lower(audit_log::text), ${needle.toLowerCase()}) > 0`),
  );
  return Number(row!.n);
}

const PASSWORD = "une phrase de passe bien longue";

describe("the journal names people by id", () => {
  it("holds no e-mail of an invited person, shows who the invitations were for, and keeps nothing of them after their erasure", async () => {
    const t = randomUUID().slice(0, 8);
    const email = `invitee-${t}@exemple.invalid`;
    const displayName = `Capucine Invitée ${t}`;
    const title = `Adjointe aux solidarités ${t}`;
    // The title the invitation proposed is not the one the account ends with.
    const proposedTitle = `Conseillère déléguée ${t}`;
    const admin = cast.actors.admin!;

    // Invited as staff, with a title for the admin to apply; accepted with a new account.
    const staff = await inviteStaff(db, admin, { email, moderator: false, official: true, admin: false, title: proposedTitle });
    expect(staff.ok).toBe(true);
    const created = await acceptInvitation(db, {
      token: tokenFromMail(mailsTo(email)[0]),
      displayName,
      password: PASSWORD,
      confirmation: PASSWORD,
    });
    expect(created.ok).toBe(true);
    const [person] = await db.select().from(users).where(eq(users.email, email));
    const actor = (await loadActor(db, person!.id, person!.sessionVersion))!;

    // Invited to council A by its referent, accepted as the signed-in person.
    expect((await createCouncilInvitation(db, cast.actors.referentOfA, { councilId: cast.councilA.id, email, role: "member" })).ok).toBe(
      true,
    );
    expect((await acceptInvitationAsUser(db, actor, { token: tokenFromMail(mailsTo(email)[0]) })).ok).toBe(true);
    // Invited to council B by an admin, then the invitation cancelled.
    expect((await createCouncilInvitation(db, admin, { councilId: cast.councilB.id, email, role: "referent" })).ok).toBe(true);
    const [pending] = await db
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.email, email), eq(invitations.councilId, cast.councilB.id)));
    expect((await revokeInvitation(db, admin, { invitationId: pending!.id })).ok).toBe(true);
    // Roles and title, deactivation and reactivation.
    expect(
      await changeRoles(db, admin, {
        userId: person!.id,
        moderator: true,
        official: true,
        admin: false,
        title,
        reason: "Nouvelle mission",
      }),
    ).toMatchObject({ ok: true });
    expect((await deactivateUser(db, admin, { userId: person!.id, reason: "Congé long" })).ok).toBe(true);
    expect((await reactivateUser(db, admin, { userId: person!.id, reason: "Retour de congé" })).ok).toBe(true);

    // Nine journal rows about them, and not one holds their e-mail or their name.
    const about = await db
      .select()
      .from(auditLog)
      .where(
        sql`(${auditLog.targetType} = 'user' and ${auditLog.targetId} = ${String(person!.id)})
          or (${auditLog.targetType} = 'invitation' and ${auditLog.targetId} in (select id::text from invitations where email = ${email}))`,
      );
    expect(about.map((r) => r.action).sort()).toEqual(
      [
        "council.members.invite",
        "council.members.invite",
        "invitation.accept",
        "invitation.accept",
        "invitation.revoke",
        "user.deactivate",
        "user.invite_staff",
        "user.reactivate",
        "user.roles.change",
      ].sort(),
    );
    expect(await journalRowsWith(email)).toBe(0);
    expect(await journalRowsWith(displayName)).toBe(0);
    // The title is kept where it is needed (the staff invitation, and the role change that replaced
    // it once the invitation had applied it), until the erasure.
    expect(await journalRowsWith(proposedTitle)).toBe(2);
    expect(await journalRowsWith(title)).toBe(1);

    // Resolved for display: the accepted invitations name the account, the cancelled one its address.
    const page = await listAuditLog(db, admin, {});
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    const invitationRows = page.data.rows.filter((r) => r.targetType === "invitation");
    const byAction = (action: string) => invitationRows.filter((r) => r.action === action).map((r) => r.targetName);
    expect(byAction("user.invite_staff")).toEqual([displayName]);
    expect(byAction("council.members.invite").sort()).toEqual([displayName, email].sort());
    expect(byAction("invitation.revoke")).toEqual([email]);
    expect(page.data.rows.find((r) => r.action === "user.roles.change" && r.targetId === String(person!.id))?.targetName).toBe(displayName);

    // The erasure: nothing to rewrite but the title; then nothing of them in the whole journal.
    const erased = await eraseUserByAdmin(db, admin, { userId: person!.id, reason: "Demande écrite", understood: true });
    expect(erased.ok).toBe(true);
    const [erasureRow] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.erase"), eq(auditLog.targetId, String(person!.id))));
    expect(erasureRow!.details).toMatchObject({ journalRowsRewritten: 2 });
    expect(await journalRowsWith(email)).toBe(0);
    expect(await journalRowsWith(displayName)).toBe(0);
    expect(await journalRowsWith(title)).toBe(0);
    expect(await journalRowsWith(proposedTitle)).toBe(0);

    // Still readable: the rows are there, the person is « Personne supprimée n°… », the invitations are gone with the account.
    const after = await listAuditLog(db, admin, {});
    if (!after.ok) throw new Error("journal illisible");
    expect(after.data.rows.find((r) => r.action === "user.roles.change" && r.targetId === String(person!.id))?.targetName).toBe(
      `Personne supprimée n°${person!.id}`,
    );
    expect(
      after.data.rows
        .filter((r) => r.targetType === "invitation" && r.action === "invitation.accept")
        .map((r) => [r.actorName, r.targetName]),
    ).toEqual([
      [`Personne supprimée n°${person!.id}`, null],
      [`Personne supprimée n°${person!.id}`, null],
    ]);
  });

  it("still shows older rows as they were written, e-mail included, until that person is erased", async () => {
    const t = randomUUID().slice(0, 8);
    const email = `ancienne-ligne-${t}@exemple.invalid`;
    await db.insert(auditLog).values({
      actorUserId: cast.userIds.admin,
      action: "council.members.invite",
      targetType: "invitation",
      targetId: "999999",
      councilId: cast.councilA.id,
      details: { email, role: "member" },
    });
    const page = await listAuditLog(db, cast.actors.admin, { action: "council.members.invite" });
    if (!page.ok) throw new Error("journal illisible");
    const row = page.data.rows.find((r) => r.details.email === email);
    expect(row).toMatchObject({ details: { email, role: "member" }, targetName: null, councilName: expect.any(String) });
  });
});
