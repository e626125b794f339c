import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database, Db } from "@/db/client";
import { councilMemberships, invitations, users } from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import { can } from "@/lib/permissions";
import { councilInvitationSchema } from "@/lib/validation/council";
import { acceptInvitationAsUser } from "@/server/invitations/accept-invitation-as-user";
import { createCouncilInvitation } from "@/server/invitations/create-council-invitation";
import { issueInvitation } from "@/server/invitations/issue";
import { revokeInvitation } from "@/server/invitations/revoke-invitation";
import { createCast, matrixRoles, type Cast, type MatrixRole } from "../support/actors";
import { auditCount, lastAudit, snapshotCouncilTables } from "../support/db-snapshot";
import { submitForm } from "../support/forms";
import { mailsTo } from "../support/invitation-mail";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/*
 * The permission matrix of the invitation functions that act for someone, called directly as each
 * of the roles of the matrix (council A). Refused: nothing changes, no journal row, no mail. Allowed: exactly
 * one journal row.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
beforeAll(async () => {
  // The development mailbox prints each mail; the tests read the mailbox instead.
  vi.spyOn(console, "log").mockImplementation(() => {});
  testDb = await createTestDatabase("invit_perm");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
});
afterAll(() => testDb.drop());

const refusalCode = (role: MatrixRole) => (role === "anonymous" || role === "deactivated" ? "UNAUTHENTICATED" : "FORBIDDEN");
const uniqueEmail = () => `invite-${randomUUID().slice(0, 8)}@exemple.invalid`;

async function expectRefusedUnchanged(role: MatrixRole, call: () => Promise<ActionResult<unknown>>, code = refusalCode(role)) {
  const before = await snapshotCouncilTables(db);
  const result = await call();
  expect(result).toMatchObject({ ok: false, code });
  expect(await snapshotCouncilTables(db)).toEqual(before);
}

async function expectAllowedAudited(cast: Cast, role: MatrixRole, action: string, call: () => Promise<ActionResult<unknown>>) {
  const before = await auditCount(db);
  const result = await call();
  expect(result).toMatchObject({ ok: true });
  expect(await auditCount(db)).toBe(before + 1);
  expect(await lastAudit(db)).toMatchObject({ action, actorUserId: cast.userIds[role as Exclude<MatrixRole, "anonymous">] });
  return result;
}

async function pendingInvitation(cast: Cast, email = uniqueEmail()) {
  return db.transaction((tx) =>
    issueInvitation(tx, {
      kind: "council",
      email,
      councilId: cast.councilA.id,
      councilRole: "member",
      invitedById: cast.userIds.referentOfA,
    }),
  );
}

describe("createCouncilInvitation (council.members.invite)", () => {
  const allowed: MatrixRole[] = ["referentOfA", "admin"];
  it.each(matrixRoles)("%s invites someone to council A", async (role) => {
    const cast = await createCast(db);
    const email = uniqueEmail();
    const actor = cast.actors[role];
    expect(can(actor, "council.members.invite", { councilId: cast.councilA.id })).toBe(allowed.includes(role));
    const call = () => createCouncilInvitation(db, actor, { councilId: cast.councilA.id, email, role: "member" });
    if (!allowed.includes(role)) {
      await expectRefusedUnchanged(role, call);
      expect(mailsTo(email)).toHaveLength(0);
      return;
    }
    const result = await expectAllowedAudited(cast, role, "council.members.invite", call);
    expect(result).toEqual({ ok: true, data: { email }, message: `Invitation envoyée à ${email}.` });
    const rows = await db.select().from(invitations).where(eq(invitations.email, email));
    expect(rows).toMatchObject([{ kind: "council", councilId: cast.councilA.id, councilRole: "member", invitedById: actor!.id }]);
    expect(mailsTo(email)).toHaveLength(1);
  });

  it("a referent of A cannot invite to B", async () => {
    const cast = await createCast(db);
    const email = uniqueEmail();
    await expectRefusedUnchanged(
      "memberOfA",
      () => createCouncilInvitation(db, cast.actors.referentOfA, { councilId: cast.councilB.id, email, role: "member" }),
      "FORBIDDEN",
    );
    expect(mailsTo(email)).toHaveLength(0);
  });

  it("bad input is refused with French field messages, and nothing changes", async () => {
    const cast = await createCast(db);
    const before = await snapshotCouncilTables(db);
    const actor = cast.actors.referentOfA;
    const send = (values: Record<string, string | undefined>) =>
      submitForm(db, actor, councilInvitationSchema, values, (input) => createCouncilInvitation(db, actor, input));
    const councilId = String(cast.councilA.id);
    const result = await send({ councilId, email: "pas-une-adresse", role: "member" });
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { email: [expect.stringMatching(/Adresse électronique invalide/)] },
    });
    expect(await send({ councilId, email: uniqueEmail(), role: "chef" })).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { role: ["Choisissez un rôle : membre ou référent·e."] },
    });
    for (const bad of ["", "abc", "0", "2147483648"]) {
      expect(await send({ councilId: bad, email: uniqueEmail(), role: "member" })).toMatchObject({
        ok: false,
        code: "VALIDATION_FAILED",
        fieldErrors: { councilId: ["Conseil inconnu."] },
      });
    }
    expect(await snapshotCouncilTables(db)).toEqual(before);
  });
});

describe("revokeInvitation (council.invitations.revoke)", () => {
  const allowed: MatrixRole[] = ["referentOfA", "admin"];
  it.each(matrixRoles)("%s cancels a pending invitation of council A", async (role) => {
    const cast = await createCast(db);
    const invitation = await pendingInvitation(cast);
    const actor = cast.actors[role];
    expect(can(actor, "council.invitations.revoke", { councilId: cast.councilA.id })).toBe(allowed.includes(role));
    const call = () => revokeInvitation(db, actor, { invitationId: invitation.id });
    if (!allowed.includes(role)) return expectRefusedUnchanged(role, call);
    await expectAllowedAudited(cast, role, "invitation.revoke", call);
    const [row] = await db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row!.revokedAt).not.toBeNull();
  });

  it("a staff invitation is cancelled by an admin only", async () => {
    const cast = await createCast(db);
    const staff = await db.transaction((tx) =>
      issueInvitation(tx, { kind: "staff", email: uniqueEmail(), grantModerator: true, invitedById: cast.userIds.admin }),
    );
    for (const role of matrixRoles.filter((r) => r !== "admin")) {
      await expectRefusedUnchanged(role, () => revokeInvitation(db, cast.actors[role], { invitationId: staff.id }));
    }
    await expectAllowedAudited(cast, "admin", "invitation.revoke", () =>
      revokeInvitation(db, cast.actors.admin, { invitationId: staff.id }),
    );
    // Twice: the second one is told, nothing is written.
    await expectRefusedUnchanged("admin", () => revokeInvitation(db, cast.actors.admin, { invitationId: staff.id }), "CONFLICT");
  });
});

describe("acceptInvitationAsUser (signed in as the invited address)", () => {
  // Everyone signed in, staff members of A included: accepting is about one's own address.
  const signedIn: MatrixRole[] = ["memberOfA", "referentOfA", "memberOfB", "moderator", "official", "admin", "moderatorOfA", "officialOfA"];
  it.each(matrixRoles)("%s accepts an invitation to council B sent to their own address", async (role) => {
    const cast = await createCast(db);
    const userId = role === "anonymous" ? cast.userIds.memberOfA : cast.userIds[role];
    const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
    const invitation = await db.transaction((tx) =>
      issueInvitation(tx, {
        kind: "council",
        email: user!.email,
        councilId: cast.councilB.id,
        councilRole: "member",
        invitedById: cast.userIds.admin,
      }),
    );
    const call = () => acceptInvitationAsUser(db, cast.actors[role], { token: invitation.token });
    if (!signedIn.includes(role)) return expectRefusedUnchanged(role, call);
    const result = await expectAllowedAudited(cast, role, "invitation.accept", call);
    expect(result).toMatchObject({ data: { kind: "council", councilSlug: cast.councilB.slug } });
    const [membership] = await db
      .select()
      .from(councilMemberships)
      .where(and(eq(councilMemberships.councilId, cast.councilB.id), eq(councilMemberships.userId, userId)));
    // memberOfB already was a member: their membership stays as it was.
    expect(membership?.role).toBe("member");
  });

  it.each(signedIn)("%s cannot accept an invitation sent to another address", async (role) => {
    const cast = await createCast(db);
    const invitation = await pendingInvitation(cast);
    await expectRefusedUnchanged(role, () => acceptInvitationAsUser(db, cast.actors[role], { token: invitation.token }), "FORBIDDEN");
  });
});
