import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { councilMemberships } from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import { can, type Permission } from "@/lib/permissions";
import { removeMemberSchema, setMemberRoleSchema, setNameVisibilitySchema } from "@/lib/validation/council";
import { getCouncilSpace } from "@/server/councils/get-council-space";
import { listMyCouncils } from "@/server/councils/list-my-councils";
import { removeMember } from "@/server/councils/remove-member";
import { setMemberRole } from "@/server/councils/set-member-role";
import { setNameVisibility } from "@/server/councils/set-name-visibility";
import { issueInvitation } from "@/server/invitations/issue";
import { createCast, createUser, matrixRoles, type Cast, type MatrixRole } from "../support/actors";
import { auditCount, lastAudit, snapshotCouncilTables } from "../support/db-snapshot";
import { submitForm } from "../support/forms";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/*
 * The permission matrix of every council-space server function, called directly (not through the
 * UI) as each role of the matrix, about council A. The expected cells are written out, and checked
 * against lib/permissions.ts too: the server must do exactly what the policy says. A refused call
 * changes no row of the touched tables (users, memberships, invitations, councils, journal); an
 * allowed change writes exactly one journal row.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
beforeAll(async () => {
  testDb = await createTestDatabase("councils_perm");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
});
afterAll(() => testDb.drop());

const refusalCode = (role: MatrixRole) => (role === "anonymous" || role === "deactivated" ? "UNAUTHENTICATED" : "FORBIDDEN");

async function addMember(cast: Cast, role: "member" | "referent" = "member") {
  const user = await createUser(db);
  await db.insert(councilMemberships).values({ councilId: cast.councilA.id, userId: user.id, role });
  return user;
}

async function membership(councilId: number, userId: number) {
  const [row] = await db
    .select()
    .from(councilMemberships)
    .where(and(eq(councilMemberships.councilId, councilId), eq(councilMemberships.userId, userId)));
  return row;
}

/** Runs a call that must be refused and proves it changed nothing at all. */
async function expectRefusedUnchanged(role: MatrixRole, call: () => Promise<ActionResult<unknown>>) {
  const before = await snapshotCouncilTables(db);
  const result = await call();
  expect(result).toMatchObject({ ok: false, code: refusalCode(role) });
  expect(await snapshotCouncilTables(db)).toEqual(before);
}

/** Runs a change that must be allowed and proves it wrote exactly one journal row, by this actor. */
async function expectAllowedAudited(cast: Cast, role: MatrixRole, action: string, call: () => Promise<ActionResult<unknown>>) {
  const before = await auditCount(db);
  const result = await call();
  expect(result).toMatchObject({ ok: true });
  expect(await auditCount(db)).toBe(before + 1);
  const audit = await lastAudit(db);
  expect(audit).toMatchObject({ action, actorUserId: cast.userIds[role as Exclude<MatrixRole, "anonymous">], councilId: cast.councilA.id });
}

/** The written-out cells, cross-checked against the policy. */
function expectPolicy(cast: Cast, role: MatrixRole, permission: Permission, allowed: readonly MatrixRole[], targetUserId?: number) {
  const isAllowed = allowed.includes(role);
  expect(can(cast.actors[role], permission, { councilId: cast.councilA.id, targetUserId })).toBe(isAllowed);
  return isAllowed;
}

describe("listMyCouncils (space.view)", () => {
  const allowed: MatrixRole[] = ["memberOfA", "referentOfA", "memberOfB", "moderator", "official", "admin", "moderatorOfA", "officialOfA"];
  it.each(matrixRoles)("%s", async (role) => {
    const cast = await createCast(db);
    const actor = cast.actors[role];
    expect(can(actor, "space.view")).toBe(allowed.includes(role));
    const before = await snapshotCouncilTables(db);
    const result = await listMyCouncils(db, actor);
    expect(await snapshotCouncilTables(db)).toEqual(before);
    if (!allowed.includes(role)) {
      expect(result).toMatchObject({ ok: false, code: refusalCode(role) });
      return;
    }
    if (!result.ok) throw new Error(result.message);
    const slugs = result.data.councils.map((c) => c.slug);
    const a = [cast.councilA.slug];
    const expectedSlugs: Partial<Record<MatrixRole, string[]>> = {
      memberOfA: a,
      referentOfA: a,
      memberOfB: [cast.councilB.slug],
      moderatorOfA: a,
      officialOfA: a,
    };
    expect(slugs).toEqual(expectedSlugs[role] ?? []);
    for (const council of result.data.councils) {
      // Invitations only for those who may see them (referents).
      expect(council.invitations === null).toBe(role !== "referentOfA");
      expect(JSON.stringify(council)).not.toMatch(/@/);
    }
    // Admins also get the other councils, to manage them.
    expect(result.data.otherCouncils.some((c) => c.slug === cast.councilA.slug)).toBe(role === "admin");
  });

  it("counts a referent's pending and expired invitations, and active members only", async () => {
    const cast = await createCast(db);
    await db.transaction(async (tx) => {
      await issueInvitation(tx, {
        kind: "council",
        email: "attente@exemple.invalid",
        councilId: cast.councilA.id,
        councilRole: "member",
        invitedById: cast.userIds.referentOfA,
      });
      const old = await issueInvitation(tx, {
        kind: "council",
        email: "vieille@exemple.invalid",
        councilId: cast.councilA.id,
        councilRole: "member",
        invitedById: cast.userIds.referentOfA,
      });
      const { invitations } = await import("@/db/schema");
      await tx
        .update(invitations)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(invitations.id, old.id));
    });
    const result = await listMyCouncils(db, cast.actors.referentOfA);
    if (!result.ok) throw new Error(result.message);
    // memberOfA, referentOfA, moderatorOfA and officialOfA; the deactivated referent is not counted.
    expect(result.data.councils[0]).toMatchObject({ memberCount: 4, role: "referent", invitations: { pending: 1, expired: 1 } });
  });
});

describe("getCouncilSpace (council.members.view, council.invitations.view)", () => {
  // Staff who are members of A see it as members do: names and roles, never emails nor invitations.
  const allowed: MatrixRole[] = ["memberOfA", "referentOfA", "admin", "moderatorOfA", "officialOfA"];
  const seesInvitations: MatrixRole[] = ["referentOfA", "admin"];
  it.each(matrixRoles)("%s", async (role) => {
    const cast = await createCast(db);
    await db.transaction((tx) =>
      issueInvitation(tx, {
        kind: "council",
        email: `invite-${cast.councilA.slug}@exemple.invalid`,
        councilId: cast.councilA.id,
        councilRole: "member",
        invitedById: cast.userIds.referentOfA,
      }),
    );
    const actor = cast.actors[role];
    const isAllowed = expectPolicy(cast, role, "council.members.view", allowed);
    expect(can(actor, "council.invitations.view", { councilId: cast.councilA.id })).toBe(seesInvitations.includes(role));
    const before = await snapshotCouncilTables(db);
    const result = await getCouncilSpace(db, actor, cast.councilA.slug);
    expect(await snapshotCouncilTables(db)).toEqual(before);
    if (!isAllowed) {
      expect(result).toMatchObject({ ok: false, code: refusalCode(role) });
      expect(JSON.stringify(result)).not.toMatch(/@/);
      return;
    }
    if (!result.ok) throw new Error(result.message);
    const names = result.data.members.map((m) => m.userId).sort();
    expect(names).toEqual(expect.arrayContaining([cast.userIds.memberOfA, cast.userIds.referentOfA].sort()));
    if (seesInvitations.includes(role)) {
      expect(result.data.invitations).toHaveLength(1);
      expect(result.data.members.every((m) => typeof m.email === "string")).toBe(true);
    } else {
      // A member sees names and roles, never an email, never the invitations.
      expect(result.data.invitations).toBeNull();
      expect(JSON.stringify(result.data)).not.toMatch(/@/);
      expect(result.data.members.some((m) => m.deactivated)).toBe(false);
    }
  });

  it("an unknown or archived council is not found", async () => {
    const cast = await createCast(db);
    expect(await getCouncilSpace(db, cast.actors.admin, "conseil-inconnu")).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("removeMember (council.members.remove)", () => {
  const allowed: MatrixRole[] = ["referentOfA", "admin"];
  it.each(matrixRoles)("%s removes another member of A", async (role) => {
    const cast = await createCast(db);
    const target = await addMember(cast);
    const call = () => removeMember(db, cast.actors[role], { councilId: cast.councilA.id, userId: target.id, reason: "Déménagement" });
    if (!expectPolicy(cast, role, "council.members.remove", allowed, target.id)) return expectRefusedUnchanged(role, call);
    await expectAllowedAudited(cast, role, "council.members.remove", call);
    expect(await membership(cast.councilA.id, target.id)).toBeUndefined();
    expect(await lastAudit(db)).toMatchObject({ targetType: "user", targetId: String(target.id), reason: "Déménagement" });
  });

  it.each(matrixRoles)("%s leaves council A by themselves", async (role) => {
    const cast = await createCast(db);
    const self = cast.actors[role];
    if (!self) return expectRefusedUnchanged(role, () => removeMember(db, self, { councilId: cast.councilA.id, userId: 1 }));
    const canLeave: MatrixRole[] = ["memberOfA", "referentOfA", "admin", "moderatorOfA", "officialOfA"];
    expect(can(self, "council.members.remove", { councilId: cast.councilA.id, targetUserId: self.id })).toBe(canLeave.includes(role));
    const call = () => removeMember(db, self, { councilId: cast.councilA.id, userId: self.id });
    if (!canLeave.includes(role)) return expectRefusedUnchanged(role, call);
    const result = await call();
    if (role === "referentOfA") {
      // The only active referent of A cannot leave it without a referent.
      expect(result).toMatchObject({ ok: false, code: "LAST_REFERENT" });
    } else if (role === "admin") {
      // Allowed by the policy, but an admin who is not a member has nothing to leave.
      expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    } else {
      expect(result).toMatchObject({ ok: true });
      expect(await membership(cast.councilA.id, self.id)).toBeUndefined();
    }
  });
});

describe("setMemberRole (council.members.set_role)", () => {
  const allowed: MatrixRole[] = ["referentOfA", "admin"];
  it.each(matrixRoles)("%s makes a member of A referent", async (role) => {
    const cast = await createCast(db);
    const target = await addMember(cast);
    const call = () => setMemberRole(db, cast.actors[role], { councilId: cast.councilA.id, userId: target.id, role: "referent" });
    if (!expectPolicy(cast, role, "council.members.set_role", allowed, target.id)) return expectRefusedUnchanged(role, call);
    await expectAllowedAudited(cast, role, "council.members.set_role", call);
    expect((await membership(cast.councilA.id, target.id))?.role).toBe("referent");
    expect((await lastAudit(db))?.details).toEqual({ from: "member", to: "referent" });
  });

  it.each(matrixRoles)("%s makes a second referent of A member again", async (role) => {
    const cast = await createCast(db);
    const target = await addMember(cast, "referent");
    const call = () =>
      setMemberRole(db, cast.actors[role], { councilId: cast.councilA.id, userId: target.id, role: "member", reason: "À sa demande" });
    if (!expectPolicy(cast, role, "council.members.set_role", allowed, target.id)) return expectRefusedUnchanged(role, call);
    await expectAllowedAudited(cast, role, "council.members.set_role", call);
    expect((await membership(cast.councilA.id, target.id))?.role).toBe("member");
  });

  it("refuses bad input, in French on the right field, without touching anything", async () => {
    const cast = await createCast(db);
    const admin = cast.actors.admin;
    const before = await snapshotCouncilTables(db);
    const councilId = String(cast.councilA.id);
    const userId = String(cast.userIds.memberOfA);
    const setRole = (values: Record<string, string | undefined>) =>
      submitForm(db, admin, setMemberRoleSchema, values, (input) => setMemberRole(db, admin, input));
    expect(await setRole({ councilId, userId, role: "chef" })).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { role: ["Choisissez un rôle : membre ou référent·e."] },
    });
    expect(await setRole({ councilId, userId: "2147483648", role: "referent" })).toMatchObject({
      fieldErrors: { userId: ["Membre inconnu."] },
    });
    expect(await setRole({ councilId: "1e3", userId, role: "referent" })).toMatchObject({
      fieldErrors: { councilId: ["Conseil inconnu."] },
    });
    const remove = (values: Record<string, string | undefined>) =>
      submitForm(db, admin, removeMemberSchema, values, (input) => removeMember(db, admin, input));
    expect(await remove({ councilId, userId, reason: "x".repeat(501) })).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { reason: ["La raison ne peut pas dépasser 500 caractères."] },
    });
    expect(await remove({ councilId, userId, reason: "Départ\u0000" })).toMatchObject({
      fieldErrors: { reason: [expect.stringMatching(/caractères invalides/)] },
    });
    const visibility = (values: Record<string, string | undefined>) =>
      submitForm(db, admin, setNameVisibilitySchema, values, (input) => setNameVisibility(db, admin, input));
    expect(await visibility({ councilId: "", visible: "true" })).toMatchObject({ fieldErrors: { councilId: ["Conseil inconnu."] } });
    expect(await snapshotCouncilTables(db)).toEqual(before);
  });
});

describe("setNameVisibility (council.membership.set_visibility, oneself only)", () => {
  const allowed: MatrixRole[] = ["memberOfA", "referentOfA", "moderatorOfA", "officialOfA"];
  it.each(matrixRoles)("%s shows their own name on council A's public page", async (role) => {
    const cast = await createCast(db);
    const actor = cast.actors[role];
    const call = () => setNameVisibility(db, actor, { councilId: cast.councilA.id, visible: true });
    if (!expectPolicy(cast, role, "council.membership.set_visibility", allowed, actor?.id)) return expectRefusedUnchanged(role, call);
    await expectAllowedAudited(cast, role, "council.membership.set_visibility", call);
    expect((await membership(cast.councilA.id, actor!.id))?.showNamePublicly).toBe(true);
  });

  it("nobody changes someone else's choice: the function only ever acts on the caller", async () => {
    const cast = await createCast(db);
    const before = await snapshotCouncilTables(db);
    // The admin is not a member of A: refused, even though admins manage councils.
    expect(await setNameVisibility(db, cast.actors.admin, { councilId: cast.councilA.id, visible: true })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await snapshotCouncilTables(db)).toEqual(before);
  });
});
