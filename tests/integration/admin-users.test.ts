import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createCouncil } from "@/db/factories";
import { auditLog, councilMemberships, invitations, users } from "@/db/schema";
import { changeRolesSchema, inviteStaffSchema, USERS_PAGE_SIZE, userStatusFormSchema } from "@/lib/validation/admin";
import { loadActor } from "@/server/auth/actor";
import { verifySignIn } from "@/server/auth/sign-in";
import { devMailbox } from "@/server/mail/send";
import { eraseUserByAdmin } from "@/server/account/erase-account";
import { changeRoles, ERASED_ROLES_MESSAGE } from "@/server/users/change-roles";
import { setMemberRole } from "@/server/councils/set-member-role";
import { deactivateUser } from "@/server/users/deactivate-user";
import { getUser } from "@/server/users/get-user";
import { inviteStaff } from "@/server/users/invite-staff";
import { inviteAdministratorFromCommandLine } from "@/server/users/invite-administrator";
import { acceptInvitation } from "@/server/invitations/accept-invitation";
import { listUsers } from "@/server/users/list-users";
import { ERASED_REACTIVATION_MESSAGE, reactivateUser } from "@/server/users/reactivate-user";
import { LAST_ADMIN_MESSAGE } from "@/server/users/shared";
import { createCast, createUser, reload, TEST_PASSWORD, type Cast } from "../support/actors";
import { submitForm } from "../support/forms";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/test-database";
import { auditRowsAfter, checkMatrixCell, lastAuditId, matrixRoles, snapshot, type MatrixCase } from "./admin-helpers";

const uniqueEmail = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}@exemple.invalid`;

// Mails go to the in-memory development mailbox in tests (no SMTP_URL): keep the console quiet.
const log = console.log;
beforeAll(() => {
  console.log = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].includes("[courriel de développement]")) return;
    log(...args);
  };
});
afterAll(() => {
  console.log = log;
});

let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;

beforeAll(async () => {
  testDb = await createTestDatabase("admin_users");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
});
afterAll(() => testDb.drop());

const targetUser = async (dbx: Db) => ({ target: (await createUser(dbx)).id });

const cases: MatrixCase[] = [
  {
    name: "listUsers",
    setup: async () => ({}),
    call: (d, actor) => listUsers(d, actor, { search: "" }),
    audit: null,
  },
  {
    name: "getUser",
    setup: targetUser,
    call: (d, actor, ids) => getUser(d, actor, ids.target!),
    audit: null,
  },
  {
    name: "inviteStaff",
    setup: async () => ({}),
    call: (d, actor) =>
      inviteStaff(d, actor, { email: uniqueEmail("invite"), moderator: true, official: false, admin: false, title: null }),
    audit: () => ({ action: "user.invite_staff", targetType: "invitation", targetId: "any", reason: null }),
  },
  {
    name: "changeRoles",
    setup: targetUser,
    call: (d, actor, ids) =>
      changeRoles(d, actor, {
        userId: ids.target!,
        moderator: true,
        official: true,
        admin: false,
        title: "Chargée de mission",
        reason: "Nouvelle mission",
      }),
    audit: (ids) => ({ action: "user.roles.change", targetType: "user", targetId: ids.target!, reason: "Nouvelle mission" }),
  },
  {
    name: "deactivateUser",
    setup: targetUser,
    call: (d, actor, ids) => deactivateUser(d, actor, { userId: ids.target!, reason: "A quitté la mairie" }),
    audit: (ids) => ({ action: "user.deactivate", targetType: "user", targetId: ids.target!, reason: "A quitté la mairie" }),
  },
  {
    name: "reactivateUser",
    setup: async (d) => ({ target: (await createUser(d, { deactivatedAt: new Date(), sessionVersion: 3 })).id }),
    call: (d, actor, ids) => reactivateUser(d, actor, { userId: ids.target!, reason: "De retour" }),
    audit: (ids) => ({ action: "user.reactivate", targetType: "user", targetId: ids.target!, reason: "De retour" }),
  },
];

describe("permission matrix of the user administration functions", () => {
  for (const c of cases) {
    for (const role of matrixRoles) {
      it(`${c.name} as ${role}`, async () => {
        await checkMatrixCell(db, cast, role, c);
      });
    }
  }

  it("an admin may not change their own roles nor deactivate themselves; nothing changes", async () => {
    const admin = cast.actors.admin!;
    const before = await snapshot(db);
    const roles = await changeRoles(db, admin, {
      userId: admin.id,
      moderator: true,
      official: false,
      admin: false,
      title: null,
      reason: "essai",
    });
    expect(roles).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(!roles.ok && roles.message).toMatch(/propres rôles/);
    const off = await deactivateUser(db, admin, { userId: admin.id, reason: "essai" });
    expect(off).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await snapshot(db)).toEqual(before);
  });

  it("a reason is required to change roles, deactivate and reactivate; nothing is written without one", async () => {
    const admin = cast.actors.admin!;
    const target = await createUser(db);
    const userId = String(target.id);
    const before = await snapshot(db);
    const status = (change: "deactivate" | "reactivate", reason: string) =>
      submitForm(db, admin, userStatusFormSchema, { userId, change, reason }, (input, { db, actor }) =>
        (input.change === "deactivate" ? deactivateUser : reactivateUser)(db, actor, input),
      );
    for (const result of [
      await submitForm(db, admin, changeRolesSchema, { userId, moderator: "on", reason: "  " }, (input, { db, actor }) =>
        changeRoles(db, actor, input),
      ),
      await status("deactivate", ""),
      await status("reactivate", "x"),
    ]) {
      expect(result).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
      expect(!result.ok && result.fieldErrors?.reason?.[0]).toMatch(/raison/);
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it("a person's id must be one PostgreSQL can hold; nothing is written otherwise", async () => {
    const before = await snapshot(db);
    const result = await submitForm(
      db,
      cast.actors.admin,
      changeRolesSchema,
      { userId: "2147483648", moderator: "on", reason: "Nouvelle mission" },
      (input, { db, actor }) => changeRoles(db, actor, input),
    );
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { userId: [expect.stringMatching(/Personne inconnue/)] },
    });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe("listUsers", () => {
  it("searches name and email, accents folded, and returns narrow rows with council memberships", async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const council = await createCouncil(db, { name: `Conseil Écoles ${tag}` });
    const elise = await createUser(db, {
      displayName: `Élise Durand ${tag}`,
      email: `elise.${tag}@exemple.invalid`,
      isOfficial: true,
      title: "Adjointe",
    });
    await db.insert(councilMemberships).values({ councilId: council.id, userId: elise.id, role: "referent" });
    await createUser(db, { displayName: `Paul ${tag}`, email: `paul.${tag}@exemple.invalid`, deactivatedAt: new Date() });

    const byName = await listUsers(db, cast.actors.admin, { search: `elise durand ${tag}` });
    expect(byName.ok && byName.data.rows).toEqual([
      {
        id: elise.id,
        displayName: `Élise Durand ${tag}`,
        email: `elise.${tag}@exemple.invalid`,
        title: "Adjointe",
        roles: { moderator: false, official: true, admin: false },
        deactivated: false,
        councils: [{ name: `Conseil Écoles ${tag}`, role: "referent", archived: false }],
      },
    ]);
    const byEmail = await listUsers(db, cast.actors.admin, { search: `PAUL.${tag}` });
    expect(byEmail.ok && byEmail.data.rows.map((r) => [r.displayName, r.deactivated])).toEqual([[`Paul ${tag}`, true]]);
    const both = await listUsers(db, cast.actors.admin, { search: tag });
    expect(both.ok && both.data.total).toBe(2);
    // LIKE wildcards typed by the admin are taken literally.
    const wildcard = await listUsers(db, cast.actors.admin, { search: "%" });
    expect(wildcard.ok && wildcard.data.total).toBe(0);
  });

  it("paginates, and a page past the end shows the last page", async () => {
    const tag = `page${Math.random().toString(36).slice(2, 8)}`;
    for (let i = 0; i < USERS_PAGE_SIZE + 3; i++) await createUser(db, { displayName: `${tag} ${String(i).padStart(2, "0")}` });
    const first = await listUsers(db, cast.actors.admin, { search: tag, page: 1 });
    const second = await listUsers(db, cast.actors.admin, { search: tag, page: "2" });
    const beyond = await listUsers(db, cast.actors.admin, { search: tag, page: 99 });
    expect(first.ok && [first.data.rows.length, first.data.pageCount, first.data.total]).toEqual([USERS_PAGE_SIZE, 2, USERS_PAGE_SIZE + 3]);
    expect(second.ok && second.data.rows.map((r) => r.displayName)).toEqual([`${tag} 20`, `${tag} 21`, `${tag} 22`]);
    expect(beyond.ok && beyond.data.page).toBe(2);
  });
});

describe("inviteStaff", () => {
  it("stores an invitation with the chosen roles (only the token's hash) and mails the link", async () => {
    const email = uniqueEmail("nouvelle.elue");
    // As the form sends it: the address as typed, one ticked box.
    const result = await submitForm(
      db,
      cast.actors.admin,
      inviteStaffSchema,
      { email: `  ${email.toUpperCase()} `, official: "on", title: " Adjointe " },
      (input, { db, actor }) => inviteStaff(db, actor, input),
    );
    expect(result).toMatchObject({ ok: true, data: { email } });
    const [row] = await db.select().from(invitations).where(eq(invitations.email, email));
    expect(row).toMatchObject({
      kind: "staff",
      grantModerator: false,
      grantOfficial: true,
      grantAdmin: false,
      invitedById: cast.userIds.admin,
    });
    const mail = devMailbox().find((m) => m.to === email);
    expect(mail?.text).toMatch(/\/invitation\/[A-Za-z0-9_-]{43}/);
    expect(mail?.text).not.toContain(row!.tokenHash);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.invite_staff"), eq(auditLog.targetId, String(row!.id))));
    // No e-mail in the journal (issue 14): the row names the invitation, whose address the journal page shows.
    expect(audit?.details).toEqual({ grants: { moderator: false, official: true, admin: false }, title: "Adjointe" });
  });

  it("inviting the address of a deactivated account says to reactivate it instead; nothing is written or sent", async () => {
    const person = await createUser(db, { deactivatedAt: new Date() });
    const before = await snapshot(db);
    const mails = devMailbox().length;
    const result = await inviteStaff(db, cast.actors.admin, {
      email: person.email.toUpperCase(),
      moderator: true,
      official: false,
      admin: false,
      title: null,
    });
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(!result.ok && result.message).toContain(
      `réactivez ce compte depuis sa fiche (Utilisateurs et rôles, /admin/utilisateurs/${person.id})`,
    );
    expect(await snapshot(db)).toEqual(before);
    expect(devMailbox()).toHaveLength(mails);
  });

  it("refuses an invitation without any role or with a bad address, and writes nothing", async () => {
    const before = await snapshot(db);
    const none = await submitForm(db, cast.actors.admin, inviteStaffSchema, { email: "pas-une-adresse" }, (input, { db, actor }) =>
      inviteStaff(db, actor, input),
    );
    expect(none).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(!none.ok && Object.keys(none.fieldErrors ?? {}).sort()).toEqual(["email", "roles"]);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe("the first administrator, invited from the server's command line (npm run admin:invite)", () => {
  it("issues an admin invitation journaled without an actor, mailed and returned as a link; accepting it makes an administrator", async () => {
    const email = uniqueEmail("premiere.admin");
    const mark = await lastAuditId(db);
    const result = await inviteAdministratorFromCommandLine(db, `  ${email.toUpperCase()} `);
    expect(result).toMatchObject({
      ok: true,
      data: { email, mailed: true, link: expect.stringMatching(/\/invitation\/[A-Za-z0-9_-]{43}$/) },
    });
    if (!result.ok) return;
    const [row] = await db.select().from(invitations).where(eq(invitations.email, email));
    expect(row).toMatchObject({ kind: "staff", grantAdmin: true, grantModerator: false, grantOfficial: false, invitedById: null });
    expect(await auditRowsAfter(db, mark)).toMatchObject([
      {
        actorUserId: null,
        action: "user.invite_staff",
        targetType: "invitation",
        targetId: String(row!.id),
        details: { via: "ligne de commande" },
      },
    ]);
    expect(devMailbox().find((m) => m.to === email)?.text).toContain(result.data.link);

    const token = result.data.link.split("/invitation/")[1]!;
    expect(
      await acceptInvitation(db, {
        token,
        displayName: "Première Admin",
        password: "une phrase de passe assez longue",
        confirmation: "une phrase de passe assez longue",
      }),
    ).toMatchObject({
      ok: true,
    });
    const [account] = await db.select({ id: users.id, isAdmin: users.isAdmin }).from(users).where(eq(users.email, email));
    expect(account).toMatchObject({ isAdmin: true });
  });

  it("refuses a malformed address or a deactivated account's, in French, and writes nothing", async () => {
    const person = await createUser(db, { deactivatedAt: new Date() });
    const before = await snapshot(db);
    expect(await inviteAdministratorFromCommandLine(db, "pas-une-adresse")).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      message: expect.stringContaining("Adresse électronique invalide"),
    });
    expect(await inviteAdministratorFromCommandLine(db, person.email)).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe("deactivating a council's only referent", () => {
  it("is refused while another member could take over; once someone does, it goes through", async () => {
    const admin = cast.actors.admin!;
    const council = await createCouncil(db, { name: `Conseil Reprise ${Math.random().toString(36).slice(2, 8)}` });
    const referent = await createUser(db, { displayName: "Rita Référente" });
    const member = await createUser(db, { displayName: "Marc Membre" });
    const gone = await createUser(db, { displayName: "Ancien Membre", deactivatedAt: new Date() });
    await db.insert(councilMemberships).values([
      { councilId: council.id, userId: referent.id, role: "referent" },
      { councilId: council.id, userId: member.id, role: "member" },
      { councilId: council.id, userId: gone.id, role: "member" },
    ]);

    // The page asks who takes over, offering the active members only.
    const page = await getUser(db, admin, referent.id);
    expect(page.ok && page.data.soleReferentOf).toEqual([
      {
        councilId: council.id,
        name: council.name,
        slug: council.slug,
        candidates: [{ userId: member.id, displayName: "Marc Membre" }],
        more: false,
      },
    ]);
    const before = await snapshot(db);
    const refused = await deactivateUser(db, admin, { userId: referent.id, reason: "A déménagé" });
    expect(refused).toMatchObject({ ok: false, code: "LAST_REFERENT" });
    expect(!refused.ok && refused.message).toMatch(new RegExp(`seule référente du conseil «\\s${council.name}\\s»`));
    expect(await snapshot(db)).toEqual(before);

    expect(await setMemberRole(db, admin, { councilId: council.id, userId: member.id, role: "referent", reason: "Reprise" })).toMatchObject(
      { ok: true },
    );
    const after = await getUser(db, admin, referent.id);
    expect(after.ok && after.data.soleReferentOf).toEqual([]);
    expect(await deactivateUser(db, admin, { userId: referent.id, reason: "A déménagé" })).toMatchObject({ ok: true });
  });

  it("goes through when nobody else could take over (the council waits for an invited referent)", async () => {
    const council = await createCouncil(db);
    const alone = await createUser(db);
    await db.insert(councilMemberships).values({ councilId: council.id, userId: alone.id, role: "referent" });
    const page = await getUser(db, cast.actors.admin, alone.id);
    expect(page.ok && page.data.soleReferentOf).toEqual([]);
    expect(await deactivateUser(db, cast.actors.admin, { userId: alone.id, reason: "Parti" })).toMatchObject({ ok: true });
  });
});

describe("deactivation and reactivation", () => {
  it("signs the person out at once; reactivation lets them sign in again but old sessions stay dead", async () => {
    const person = await createUser(db, { isModerator: true });
    const oldVersion = person.sessionVersion;
    expect(await loadActor(db, person.id, oldVersion)).not.toBeNull();

    expect(await deactivateUser(db, cast.actors.admin, { userId: person.id, reason: "Départ" })).toMatchObject({ ok: true });
    expect(await loadActor(db, person.id, oldVersion)).toBeNull();
    expect(await verifySignIn(db, { email: person.email, password: TEST_PASSWORD, address: "203.0.113.9" })).toEqual({
      ok: false,
      code: "INVALID_CREDENTIALS",
    });
    const [row] = await db.select().from(users).where(eq(users.id, person.id));
    expect(row!.deactivatedAt).toBeInstanceOf(Date);
    expect(row!.sessionVersion).toBe(oldVersion + 1);

    // A second deactivation is refused and changes nothing.
    const before = await snapshot(db);
    expect(await deactivateUser(db, cast.actors.admin, { userId: person.id, reason: "Encore" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect(await snapshot(db)).toEqual(before);

    expect(await reactivateUser(db, cast.actors.admin, { userId: person.id, reason: "Retour" })).toMatchObject({ ok: true });
    expect(await loadActor(db, person.id, oldVersion)).toBeNull();
    const signIn = await verifySignIn(db, { email: person.email, password: TEST_PASSWORD, address: "203.0.113.9" });
    expect(signIn).toEqual({ ok: true, userId: person.id, sessionVersion: oldVersion + 1 });
    expect(await loadActor(db, person.id, oldVersion + 1)).toMatchObject({ id: person.id, isModerator: true });

    expect(await reactivateUser(db, cast.actors.admin, { userId: person.id, reason: "Encore" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });

  it("an unknown person is « introuvable »", async () => {
    expect(await deactivateUser(db, cast.actors.admin, { userId: 987_654, reason: "Départ" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });
});

describe("an erased account", () => {
  it("cannot be given roles nor reactivated, even by an admin; nothing is written", async () => {
    const person = await createUser(db, { isModerator: true, title: "Bénévole" });
    const erased = await eraseUserByAdmin(db, cast.actors.admin, { userId: person.id, reason: "À sa demande", understood: true });
    expect(erased).toMatchObject({ ok: true });
    const [row] = await db.select().from(users).where(eq(users.id, person.id));
    // What the refusals are about: the row is erased, and deactivated (so only the erasure stops a reactivation).
    expect(row).toMatchObject({ isModerator: false, title: null });
    expect(row!.erasedAt).toBeInstanceOf(Date);
    expect(row!.deactivatedAt).toBeInstanceOf(Date);

    const before = await snapshot(db);
    const roles = await changeRoles(db, cast.actors.admin, {
      userId: person.id,
      moderator: true,
      official: false,
      admin: true,
      title: "Revenu",
      reason: "Erreur",
    });
    expect(roles).toEqual({ ok: false, code: "CONFLICT", message: ERASED_ROLES_MESSAGE, fieldErrors: undefined });
    // Even a « change » to what the row already holds is refused: the form has no business on it.
    const same = await changeRoles(db, cast.actors.admin, {
      userId: person.id,
      moderator: false,
      official: false,
      admin: false,
      title: null,
      reason: "Rien",
    });
    expect(same).toMatchObject({ ok: false, code: "CONFLICT", message: ERASED_ROLES_MESSAGE });
    // Through the form too (the admin page no longer shows it, but anyone can post to an action).
    const form = await submitForm(
      db,
      cast.actors.admin,
      userStatusFormSchema,
      { userId: String(person.id), change: "reactivate", reason: "Retour demandé" },
      (input, { db, actor }) => (input.change === "deactivate" ? deactivateUser : reactivateUser)(db, actor, input),
    );
    expect(form).toMatchObject({ ok: false, code: "CONFLICT", message: ERASED_REACTIVATION_MESSAGE });
    expect(await reactivateUser(db, cast.actors.admin, { userId: person.id, reason: "Retour" })).toMatchObject({
      ok: false,
      message: ERASED_REACTIVATION_MESSAGE,
    });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe("role changes", () => {
  it("take effect on the person's next request, and the journal keeps before and after", async () => {
    const person = await createUser(db, { isModerator: true });
    const session = person.sessionVersion;
    expect(await loadActor(db, person.id, session)).toMatchObject({ isModerator: true, isOfficial: false, isAdmin: false });
    const mark = await lastAuditId(db);
    const result = await changeRoles(db, cast.actors.admin, {
      userId: person.id,
      moderator: false,
      official: true,
      admin: true,
      title: "Adjoint au maire",
      reason: "Élection",
    });
    expect(result).toMatchObject({ ok: true, data: { changed: true } });
    // Same session, new rights: no need to sign in again.
    expect(await loadActor(db, person.id, session)).toMatchObject({ isModerator: false, isOfficial: true, isAdmin: true });
    const [row] = await auditRowsAfter(db, mark);
    expect(row?.details).toEqual({
      before: { moderator: true, official: false, admin: false, title: null },
      after: { moderator: false, official: true, admin: true, title: "Adjoint au maire" },
    });
  });

  it("changing nothing writes nothing", async () => {
    const person = await createUser(db, { isOfficial: true, title: "Élue" });
    const before = await snapshot(db);
    const result = await changeRoles(db, cast.actors.admin, {
      userId: person.id,
      moderator: false,
      official: true,
      admin: false,
      title: "Élue",
      reason: "rien",
    });
    expect(result).toMatchObject({ ok: true, data: { changed: false } });
    expect(await snapshot(db)).toEqual(before);
  });

  it("getUser shows the person's journal, newest first, with who did it and why", async () => {
    const person = await createUser(db);
    await changeRoles(db, cast.actors.admin, {
      userId: person.id,
      moderator: true,
      official: false,
      admin: false,
      title: null,
      reason: "Renfort",
    });
    await deactivateUser(db, cast.actors.admin, { userId: person.id, reason: "Fin du renfort" });
    const detail = await getUser(db, cast.actors.admin, person.id);
    expect(detail.ok).toBe(true);
    if (!detail.ok) return;
    expect(detail.data.journal.map((j) => [j.action, j.reason, j.actorName])).toEqual([
      ["user.deactivate", "Fin du renfort", cast.actors.admin!.displayName],
      ["user.roles.change", "Renfort", cast.actors.admin!.displayName],
    ]);
    expect(Object.keys(detail.data)).not.toContain("passwordHash");
  });
});

describe("the site always keeps an active administrator", () => {
  let own: TestDatabase;
  let odb: Db;
  beforeAll(async () => {
    own = await createTestDatabase("admin_last");
    odb = (await own.openPrepared({ demo: false })).db;
  });
  afterAll(() => own.drop());

  const activeAdmins = async () =>
    (
      await odb
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.isAdmin, true), isNull(users.deactivatedAt)))
    ).map((r) => r.id);

  it("an admin whose rights were just removed cannot demote or deactivate the last one (stale session)", async () => {
    const x = await createUser(odb, { isAdmin: true });
    const y = await createUser(odb, { isAdmin: true });
    const actorX = await reload(odb, x.id);
    const actorY = await reload(odb, y.id);
    expect(
      await changeRoles(odb, actorY, {
        userId: x.id,
        moderator: false,
        official: false,
        admin: false,
        title: null,
        reason: "Fin de mandat",
      }),
    ).toMatchObject({
      ok: true,
    });
    // X's request started before the change: its actor still says admin.
    const before = await snapshot(odb);
    const demote = await changeRoles(odb, actorX, {
      userId: y.id,
      moderator: false,
      official: false,
      admin: false,
      title: null,
      reason: "Représailles",
    });
    expect(demote).toEqual({ ok: false, code: "CONFLICT", message: LAST_ADMIN_MESSAGE, fieldErrors: undefined });
    const deactivate = await deactivateUser(odb, actorX, { userId: y.id, reason: "Représailles" });
    expect(deactivate).toMatchObject({ ok: false, code: "CONFLICT", message: LAST_ADMIN_MESSAGE });
    expect(await snapshot(odb)).toEqual(before);
    expect(await activeAdmins()).toEqual([y.id]);
    // And with a third admin present, the stale one is still refused: their rights are re-read under the lock.
    const z = await createUser(odb, { isAdmin: true });
    const stale = await changeRoles(odb, actorX, {
      userId: z.id,
      moderator: false,
      official: false,
      admin: false,
      title: null,
      reason: "Représailles",
    });
    expect(stale).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await activeAdmins()).sort()).toEqual([y.id, z.id].sort());
  });

  describe.runIf(onPostgres)("two admins acting on each other at the same moment (PostgreSQL)", () => {
    const onlyThese = async (ids: number[]) => {
      await odb
        .update(users)
        .set({ deactivatedAt: new Date() })
        .where(
          and(
            eq(users.isAdmin, true),
            isNull(users.deactivatedAt),
            sql`${users.id} not in (${sql.join(
              ids.map((id) => sql`${id}`),
              sql`, `,
            )})`,
          ),
        );
    };
    const pair = async () => {
      const x = await createUser(odb, { isAdmin: true });
      const y = await createUser(odb, { isAdmin: true });
      await onlyThese([x.id, y.id]);
      return { x, y, actorX: (await reload(odb, x.id))!, actorY: (await reload(odb, y.id))! };
    };

    for (let round = 1; round <= 8; round++) {
      it(`round ${round}: demote × demote, deactivate × demote — one wins, an admin remains`, async () => {
        const { x, y, actorX, actorY } = await pair();
        const mark = await lastAuditId(odb);
        const results = await Promise.all(
          round % 2 === 0
            ? [
                changeRoles(odb, actorX, { userId: y.id, moderator: false, official: false, admin: false, title: null, reason: "course" }),
                changeRoles(odb, actorY, { userId: x.id, moderator: false, official: false, admin: false, title: null, reason: "course" }),
              ]
            : [
                deactivateUser(odb, actorX, { userId: y.id, reason: "course" }),
                changeRoles(odb, actorY, { userId: x.id, moderator: false, official: false, admin: false, title: null, reason: "course" }),
              ],
        );
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(await activeAdmins()).toHaveLength(1);
        expect(await auditRowsAfter(odb, mark)).toHaveLength(1);
      });
    }
  });
});
