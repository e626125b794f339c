import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database, Db } from "@/db/client";
import { auditLog, councilMemberships, invitations, users } from "@/db/schema";
import { acceptInvitationSchema } from "@/lib/validation/council";
import { hashToken } from "@/server/auth/tokens";
import { verifyPassword } from "@/server/auth/password";
import { acceptInvitation } from "@/server/invitations/accept-invitation";
import { acceptInvitationAsUser } from "@/server/invitations/accept-invitation-as-user";
import { createCouncilInvitation } from "@/server/invitations/create-council-invitation";
import { getInvitation } from "@/server/invitations/get-invitation";
import { issueInvitation } from "@/server/invitations/issue";
import { createCast, createUser, reload, type Cast } from "../support/actors";
import { snapshotCouncilTables } from "../support/db-snapshot";
import { submitForm } from "../support/forms";
import { mailsTo, tokenFromMail } from "../support/invitation-mail";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/test-database";

let testDb: TestDatabase;
let database: Database;
let db: Db;
beforeAll(async () => {
  // The development mailbox prints each mail; the tests read the mailbox instead.
  vi.spyOn(console, "log").mockImplementation(() => {});
  testDb = await createTestDatabase("invit_accept");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
});
afterAll(() => testDb.drop());

const uniqueEmail = () => `nouveau-${randomUUID().slice(0, 8)}@exemple.invalid`;
const goodInput = {
  displayName: "  Nadia Nouvelle  ",
  password: "une phrase de passe bien longue",
  confirmation: "une phrase de passe bien longue",
};

/** Sends the invitation form the way the page does: the typed text and the link's token, parsed once. */
const accept = (token: string, values: Record<string, string>) =>
  submitForm(db, null, acceptInvitationSchema, { token, ...values }, (input) => acceptInvitation(db, input));

/** Invites through the real server function and returns the token read from the mail. */
async function inviteToA(cast: Cast, email = uniqueEmail(), role: "member" | "referent" = "member") {
  const result = await createCouncilInvitation(db, cast.actors.referentOfA, { councilId: cast.councilA.id, email, role });
  expect(result.ok).toBe(true);
  return { email, token: tokenFromMail(mailsTo(email).at(0)) };
}

describe("inviting to a council", () => {
  it("stores only the token's hash; the mail holds the French text and the absolute link", async () => {
    const cast = await createCast(db);
    const { email, token } = await inviteToA(cast);
    const mail = mailsTo(email)[0]!;
    expect(mail.subject).toMatch(/^Invitation au Conseil /);
    expect(mail.text).toMatch(/vous invite à rejoindre le «\sConseil .*\s» comme membre/);
    expect(mail.text).toMatch(/valable 7 jours/);
    expect(mail.text).toContain(`http://localhost:3000/invitation/${token}`);
    const [row] = await db.select().from(invitations).where(eq(invitations.email, email));
    expect(row!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const expiresIn = row!.expiresAt.getTime() - row!.createdAt.getTime();
    expect(Math.abs(expiresIn - 7 * 24 * 3600 * 1000)).toBeLessThan(60_000);
  });

  it("the inviter gets the same answer for an address with an account and one without; only the invited person's mail differs", async () => {
    const cast = await createCast(db);
    const known = await createUser(db);
    const unknown = uniqueEmail();
    const answers = [];
    for (const email of [known.email, unknown]) {
      const result = await createCouncilInvitation(db, cast.actors.referentOfA, { councilId: cast.councilA.id, email, role: "member" });
      answers.push(JSON.stringify(result).replaceAll(email, "ADRESSE"));
    }
    expect(answers[0]).toBe(answers[1]);
    expect(answers[0]).toBe(JSON.stringify({ ok: true, data: { email: "ADRESSE" }, message: "Invitation envoyée à ADRESSE." }));
    // Both addresses get a mail; the one with an account is told to sign in and accept.
    expect(mailsTo(known.email)).toHaveLength(1);
    expect(mailsTo(unknown)).toHaveLength(1);
    expect(mailsTo(known.email)[0]!.text).toMatch(
      /Vous avez déjà un compte .* connectez-vous avec ce compte, puis appuyez sur « Accepter l'invitation »/s,
    );
    expect(mailsTo(unknown)[0]!.text).not.toMatch(/déjà un compte/);
    // Nothing about it in the journal either.
    const journal = await db.select().from(auditLog).where(eq(auditLog.action, "council.members.invite"));
    // Nor the address itself (issue 14): the row names the invitation.
    for (const row of journal) expect(Object.keys(row.details).sort()).toEqual(["role"]);
  });

  it("a new invitation to the same address and council replaces the older one", async () => {
    const cast = await createCast(db);
    const email = uniqueEmail();
    await createCouncilInvitation(db, cast.actors.referentOfA, { councilId: cast.councilA.id, email, role: "member" });
    const first = tokenFromMail(mailsTo(email)[0]);
    await createCouncilInvitation(db, cast.actors.referentOfA, { councilId: cast.councilA.id, email, role: "referent" });
    const second = tokenFromMail(mailsTo(email)[0]);
    expect(await getInvitation(db, first)).toEqual({ status: "invalid", reason: "revoked" });
    expect(await getInvitation(db, second)).toMatchObject({ status: "valid", councilRole: "referent" });
  });
});

describe("accepting without an account", () => {
  it("creates the account and the membership, uses up the invitation and writes one journal row", async () => {
    const cast = await createCast(db);
    const { email, token } = await inviteToA(cast);
    expect(await getInvitation(db, token)).toMatchObject({
      status: "valid",
      email,
      kind: "council",
      hasAccount: false,
      councilRole: "member",
    });
    const result = await accept(token, goodInput);
    expect(result).toMatchObject({ ok: true, data: { email, councilSlug: cast.councilA.slug } });
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ displayName: "Nadia Nouvelle", isModerator: false, isOfficial: false, isAdmin: false });
    expect(await verifyPassword(user!.passwordHash, goodInput.password)).toBe(true);
    expect(await db.select().from(councilMemberships).where(eq(councilMemberships.userId, user!.id))).toMatchObject([
      { councilId: cast.councilA.id, role: "member", showNamePublicly: false },
    ]);
    const journal = await db.select().from(auditLog).where(eq(auditLog.action, "invitation.accept"));
    expect(journal.filter((r) => r.actorUserId === user!.id)).toHaveLength(1);
    // Single use.
    expect(await getInvitation(db, token)).toEqual({ status: "invalid", reason: "used" });
    const before = await snapshotCouncilTables(db);
    expect(await accept(token, { ...goodInput, displayName: "Quelqu'un d'autre" })).toMatchObject({
      ok: false,
      code: "INVITATION_INVALID",
    });
    expect(await snapshotCouncilTables(db)).toEqual(before);
  });

  it("an invitation as referent makes the new account referent", async () => {
    const cast = await createCast(db);
    const { email, token } = await inviteToA(cast, uniqueEmail(), "referent");
    expect(await accept(token, goodInput)).toMatchObject({ ok: true });
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    expect((await reload(db, user!.id))!.councils.get(cast.councilA.id)).toBe("referent");
  });

  it("expires after 7 days", async () => {
    const cast = await createCast(db);
    const { email, token } = await inviteToA(cast);
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.email, email));
    expect(await getInvitation(db, token)).toEqual({ status: "invalid", reason: "expired" });
    const before = await snapshotCouncilTables(db);
    expect(await accept(token, goodInput)).toMatchObject({
      ok: false,
      code: "INVITATION_INVALID",
      message: expect.stringMatching(/expiré/),
    });
    expect(await snapshotCouncilTables(db)).toEqual(before);
  });

  it("a cancelled, unknown or malformed link does nothing", async () => {
    const cast = await createCast(db);
    const { email, token } = await inviteToA(cast);
    await db.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.email, email));
    const before = await snapshotCouncilTables(db);
    expect(await getInvitation(db, token)).toEqual({ status: "invalid", reason: "revoked" });
    for (const t of [token, "A".repeat(43), "trop-court", "../../etc/passwd"]) {
      expect(await accept(t, goodInput)).toMatchObject({ ok: false, code: "INVITATION_INVALID" });
    }
    expect(await snapshotCouncilTables(db)).toEqual(before);
  });

  it("refuses a short password, different passwords, a common password and a too-short name — in French, per field, changing nothing", async () => {
    const cast = await createCast(db);
    const { token } = await inviteToA(cast);
    const before = await snapshotCouncilTables(db);
    const short = await accept(token, { displayName: "N", password: "court", confirmation: "autre" });
    expect(short).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: {
        displayName: ["Le nom à afficher doit faire au moins 2 caractères."],
        password: ["Le mot de passe doit faire au moins 12 caractères."],
        confirmation: ["Les deux mots de passe ne sont pas identiques."],
      },
    });
    const common = await accept(token, { displayName: "Nadia", password: "motdepasse123", confirmation: "motdepasse123" });
    expect(common).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { password: [expect.stringMatching(/trop courant/)] },
    });
    const control = await accept(token, { ...goodInput, displayName: "Nadia\u0007" });
    expect(control).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { displayName: [expect.stringMatching(/caractères invalides/)] },
    });
    expect(await snapshotCouncilTables(db)).toEqual(before);
    expect(await getInvitation(db, token)).toMatchObject({ status: "valid" });
  });

  it("if the address already has an account, no second account: sign in and accept instead", async () => {
    const cast = await createCast(db);
    const existing = await createUser(db);
    const { token } = await inviteToA(cast, existing.email);
    expect(await getInvitation(db, token)).toMatchObject({ status: "valid", hasAccount: true });
    const before = await snapshotCouncilTables(db);
    expect(await accept(token, goodInput)).toMatchObject({ ok: false, code: "CONFLICT", message: expect.stringMatching(/connectez-vous/) });
    expect(await snapshotCouncilTables(db)).toEqual(before);
    // Signed in as that address, the same link works.
    const actor = await reload(db, existing.id);
    expect(await acceptInvitationAsUser(db, actor, { token })).toMatchObject({ ok: true, data: { councilSlug: cast.councilA.slug } });
    expect((await reload(db, existing.id))!.councils.get(cast.councilA.id)).toBe("member");
    expect(await acceptInvitationAsUser(db, actor, { token })).toMatchObject({ ok: false, code: "INVITATION_INVALID" });
  });
});

describe("inviting the address of a deactivated account", () => {
  it("tells the referent or the admin what to do instead; no invitation, no mail, no journal row", async () => {
    const cast = await createCast(db);
    const person = await createUser(db, { deactivatedAt: new Date() });
    const before = await snapshotCouncilTables(db);
    const asReferent = await createCouncilInvitation(db, cast.actors.referentOfA, {
      councilId: cast.councilA.id,
      email: person.email,
      role: "member",
    });
    expect(asReferent).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(!asReferent.ok && asReferent.message).toMatch(/Demandez à la Ville de réactiver son compte/);
    const asAdmin = await createCouncilInvitation(db, cast.actors.admin, {
      councilId: cast.councilA.id,
      email: ` ${person.email.toUpperCase()}`,
      role: "referent",
    });
    expect(!asAdmin.ok && asAdmin.message).toContain(`/admin/utilisateurs/${person.id}`);
    expect(await snapshotCouncilTables(db)).toEqual(before);
    expect(await db.select().from(invitations).where(eq(invitations.email, person.email))).toEqual([]);
    expect(mailsTo(person.email)).toEqual([]);
  });
});

describe("staff invitations (issued by the admin slice through issueInvitation)", () => {
  it("accepting creates the account with exactly the invited roles and no council", async () => {
    const cast = await createCast(db);
    const email = uniqueEmail();
    const issued = await db.transaction((tx) =>
      issueInvitation(tx, { kind: "staff", email, grantModerator: true, grantOfficial: true, invitedById: cast.userIds.admin }),
    );
    expect(await getInvitation(db, issued.token)).toMatchObject({
      status: "valid",
      kind: "staff",
      council: null,
      grants: { moderator: true, official: true, admin: false },
    });
    const result = await accept(issued.token, goodInput);
    expect(result).toMatchObject({ ok: true, data: { email, councilSlug: null } });
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ isModerator: true, isOfficial: true, isAdmin: false });
    expect(await db.select().from(councilMemberships).where(eq(councilMemberships.userId, user!.id))).toEqual([]);
    const [journal] = await db.select().from(auditLog).where(eq(auditLog.actorUserId, user!.id));
    expect(journal).toMatchObject({
      action: "invitation.accept",
      details: { kind: "staff", newAccount: true, grants: { moderator: true, official: true, admin: false } },
    });
  });

  it("the title the admin gave in the invitation is the account's title once accepted, new account or existing one", async () => {
    const cast = await createCast(db);
    const email = uniqueEmail();
    const issued = await db.transaction((tx) =>
      issueInvitation(tx, {
        kind: "staff",
        email,
        grantOfficial: true,
        title: "Adjointe à l'action sociale",
        invitedById: cast.userIds.admin,
      }),
    );
    expect(await accept(issued.token, goodInput)).toMatchObject({ ok: true });
    const [created] = await db.select().from(users).where(eq(users.email, email));
    expect(created).toMatchObject({ isOfficial: true, title: "Adjointe à l'action sociale" });

    const existing = await createUser(db, { title: "Bénévole" });
    const again = await db.transaction((tx) =>
      issueInvitation(tx, {
        kind: "staff",
        email: existing.email,
        grantModerator: true,
        title: "Chargée de mission",
        invitedById: cast.userIds.admin,
      }),
    );
    expect(await acceptInvitationAsUser(db, await reload(db, existing.id), { token: again.token })).toMatchObject({ ok: true });
    const titleOf = async (id: number) => (await db.select({ title: users.title }).from(users).where(eq(users.id, id)))[0]!.title;
    expect(await reload(db, existing.id)).toMatchObject({ isModerator: true });
    expect(await titleOf(existing.id)).toBe("Chargée de mission");
    // Without a title in the invitation, the one the person has stays.
    const keep = await db.transaction((tx) =>
      issueInvitation(tx, { kind: "staff", email: existing.email, grantAdmin: true, invitedById: cast.userIds.admin }),
    );
    expect(await acceptInvitationAsUser(db, await reload(db, existing.id), { token: keep.token })).toMatchObject({ ok: true });
    expect(await reload(db, existing.id)).toMatchObject({ isAdmin: true });
    expect(await titleOf(existing.id)).toBe("Chargée de mission");
  });

  it("an existing account signed in as that address gains the roles, and keeps the ones it had", async () => {
    const cast = await createCast(db);
    const existing = await createUser(db, { isOfficial: true });
    const issued = await db.transaction((tx) =>
      issueInvitation(tx, { kind: "staff", email: existing.email, grantAdmin: true, invitedById: cast.userIds.admin }),
    );
    expect(issued.hasAccount).toBe(true);
    expect(await acceptInvitationAsUser(db, await reload(db, existing.id), { token: issued.token })).toMatchObject({
      ok: true,
      data: { kind: "staff" },
    });
    expect(await reload(db, existing.id)).toMatchObject({ isAdmin: true, isOfficial: true, isModerator: false });
  });
});

describe.runIf(onPostgres)("single use under concurrent submissions (PostgreSQL)", () => {
  it("two simultaneous acceptances of one link create exactly one account", async () => {
    const cast = await createCast(db);
    for (let round = 0; round < 5; round++) {
      const { email, token } = await inviteToA(cast);
      const results = await Promise.all([accept(token, goodInput), accept(token, { ...goodInput, displayName: "Autre onglet" })]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      // The loser is told the link was used: the row lock decided, not the unique email index.
      expect(results.filter((r) => !r.ok && r.code === "INVITATION_INVALID")).toHaveLength(1);
      expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
      const [invitation] = await db.select().from(invitations).where(eq(invitations.email, email));
      const accepts = await db
        .select()
        .from(auditLog)
        .where(eq(auditLog.targetId, String(invitation!.id)));
      expect(accepts.filter((a) => a.action === "invitation.accept")).toHaveLength(1);
    }
  });
});
