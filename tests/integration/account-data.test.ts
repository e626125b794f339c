import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction, createCouncil, createMeeting } from "@/db/factories";
import {
  auditLog,
  contributionAnswers,
  contributionComments,
  contributionReports,
  contributionSupports,
  contributions,
  councilMemberships,
  invitations,
  meetingSnapshots,
  notifications,
  signInThrottles,
  users,
} from "@/db/schema";
import { can } from "@/lib/permissions";
import { eraseOwnAccountSchema } from "@/lib/validation/account";
import { userEraseSchema } from "@/lib/validation/admin";
import { eraseOwnAccount, eraseUserByAdmin } from "@/server/account/erase-account";
import { exportMyData, loadMyData } from "@/server/account/my-data";
import { loadActor } from "@/server/auth/actor";
import { verifySignIn } from "@/server/auth/sign-in";
import { accountKey } from "@/server/auth/throttle";
import { loadPublishedContributions } from "@/server/plan/load-published-contributions";
import { createCast, createUser, matrixRoles, TEST_PASSWORD, type Cast } from "../support/actors";
import { submitForm } from "../support/forms";
import { createTestDatabase, rowsOf, type TestDatabase } from "../support/test-database";
import { refusalCode } from "./contributions-helpers";

/*
 * « Mes données » and the erasure of an account, on a real database (PGlite, or PostgreSQL with
 * TEST_PG_ADMIN_URL). Each person here has a name and an e-mail found nowhere else, so that
 * « appears in no table » is a plain search of every text and jsonb column of the schema.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
beforeAll(async () => {
  testDb = await createTestDatabase("account");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
});
afterAll(() => testDb.drop());

/** Where a string appears, in any text, varchar or jsonb column of any table: `table.column` list. */
async function whereIs(needle: string): Promise<string[]> {
  const columns = rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(sql`select c.table_name, c.column_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = 'public' and c.data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY', 'USER-DEFINED')
      order by 1, 2`),
  );
  expect(columns.length).toBeGreaterThan(20);
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const [row] = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from ${sql.identifier(table_name)} where strpos(lower(${sql.identifier(column_name)}::text), ${needle.toLowerCase()}) > 0`,
      ),
    );
    if (Number(row!.n) > 0) found.push(`${table_name}.${column_name}`);
  }
  return found;
}

/** Every row of every table, as text, in a fixed order: a refused erasure must leave it identical. */
async function everything(): Promise<Record<string, string[]>> {
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  );
  const out: Record<string, string[]> = {};
  for (const { table_name } of tables) {
    const rows = rowsOf<{ r: string }>(await db.execute(sql`select row_to_json(x)::text as r from ${sql.identifier(table_name)} x`));
    out[table_name] = rows.map((r) => r.r).sort();
  }
  return out;
}

const tag = () => randomUUID().slice(0, 8);

/** A council member with a full history: contributions in every state, comments, a report, a support, notifications, journal rows. */
async function personWithHistory(label: string) {
  const t = tag();
  const council = await createCouncil(db, { name: `Conseil ${label} ${t}` });
  const other = await createCouncil(db, { name: `Conseil voisin ${label} ${t}` });
  const action = await createAction(db);
  const person = await createUser(db, {
    email: `${label}-${t}@exemple.invalid`,
    displayName: `Zéphyrine ${label} ${t}`,
    title: `Bénévole ${label} ${t}`,
  });
  const colleague = await createUser(db);
  await db.insert(councilMemberships).values([
    { councilId: council.id, userId: person.id, role: "member", showNamePublicly: true },
    { councilId: council.id, userId: colleague.id, role: "referent" },
  ]);
  const contribution = (status: "draft" | "pending" | "published", body: string, councilId = council.id, authorId = person.id) => ({
    councilId,
    actionId: action.id,
    kind: "proposal" as const,
    title: `Titre ${body}`,
    body,
    status,
    authorId,
    submittedById: status === "draft" ? null : authorId,
    publishedAt: status === "published" ? new Date() : null,
    clientRequestId: randomUUID(),
  });
  const [published, pending, draft, othersProposal] = await db
    .insert(contributions)
    .values([
      contribution("published", `publiée ${t}`),
      contribution("pending", `en attente ${t}`),
      contribution("draft", `brouillon ${t}`),
      contribution("published", `du voisin ${t}`, other.id, colleague.id),
    ])
    .returning();
  await db.insert(contributionComments).values({ contributionId: draft!.id, authorId: person.id, body: `commentaire ${t}` });
  await db.insert(contributionReports).values({ contributionId: othersProposal!.id, reporterId: person.id, reason: `signalement ${t}` });
  await db.insert(contributionSupports).values({ contributionId: othersProposal!.id, councilId: council.id, userId: person.id });
  await db.insert(notifications).values({
    userId: person.id,
    kind: "contribution_approved",
    contributionId: published!.id,
    message: `notification ${t}`,
    link: "/espace",
  });
  await db.insert(invitations).values({
    tokenHash: `hash-${t}`,
    email: person.email,
    kind: "council",
    councilId: council.id,
    councilRole: "member",
    expiresAt: new Date(Date.now() + 86_400_000),
    acceptedAt: new Date(),
    acceptedUserId: person.id,
  });
  await db.insert(signInThrottles).values({ key: accountKey(person.email), failures: 2 });
  // What the journal held before: the invitation's e-mail, a name in a reason, a title in details.
  await db.insert(auditLog).values([
    {
      actorUserId: colleague.id,
      action: "council.members.invite",
      targetType: "invitation",
      councilId: council.id,
      details: { email: person.email, role: "member", title: person.title },
    },
    {
      actorUserId: person.id,
      action: "contribution.draft.create",
      targetType: "contribution",
      targetId: String(draft!.id),
      details: { kind: "proposal" },
    },
    {
      actorUserId: cast.userIds.admin,
      action: "user.roles.change",
      targetType: "user",
      targetId: String(person.id),
      reason: `À la demande de ${person.displayName}`,
    },
  ]);
  // A staff signature, in an answer and in a frozen deck.
  await db.insert(contributionAnswers).values({
    contributionId: published!.id,
    state: "under_review",
    body: `réponse ${t}`,
    authorId: person.id,
    signatureName: person.displayName,
    signatureTitle: person.title,
    clientRequestId: randomUUID(),
  });
  const meeting = await createMeeting(db, { startsAt: new Date() });
  await db
    .insert(meetingSnapshots)
    .values({ meetingId: meeting.id, data: { version: 2, slides: [{ signature: `${person.displayName}, ${person.title}` }] } });
  const actor = (await loadActor(db, person.id, 0))!;
  return {
    t,
    person,
    actor,
    colleague,
    council,
    other,
    published: published!,
    pending: pending!,
    draft: draft!,
    othersProposal: othersProposal!,
  };
}

async function exportText(userId: number) {
  let text = "";
  for await (const chunk of exportMyData(db, userId)) text += chunk;
  return text;
}

describe("« Mes données »", () => {
  it("shows and exports the person's own data, and nothing of another person", async () => {
    const me = await personWithHistory("export");
    const someoneElse = await personWithHistory("autre");

    const page = await loadMyData(db, me.actor);
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    expect(page.data.account).toMatchObject({ email: me.person.email, displayName: me.person.displayName, title: me.person.title });
    expect(page.data.memberships.map((m) => m.council)).toEqual([me.council.name]);
    expect(page.data.lists.contributions.total).toBe(3);
    expect(page.data.lists.comments.total).toBe(1);
    expect(page.data.lists.reports.total).toBe(1);
    expect(page.data.lists.supports.total).toBe(1);
    expect(page.data.lists.notifications.total).toBe(1);
    expect(page.data.lists.journal.total).toBe(2);

    const text = await exportText(me.person.id);
    const data = JSON.parse(text) as Record<string, unknown[]> & { account: Record<string, unknown> };
    expect(data.account).toMatchObject({ email: me.person.email, displayName: me.person.displayName });
    expect(data.contributions!.map((c) => (c as { body: string }).body).sort()).toEqual(
      [`brouillon ${me.t}`, `en attente ${me.t}`, `publiée ${me.t}`].sort(),
    );
    expect(text).toContain(`commentaire ${me.t}`);
    expect(text).toContain(`signalement ${me.t}`);
    expect(text).toContain(`notification ${me.t}`);
    expect(data.supports).toHaveLength(1);
    // The other person's rows, and secrets, are absent.
    for (const absent of [
      someoneElse.person.email,
      someoneElse.person.displayName,
      someoneElse.t,
      "passwordHash",
      "password_hash",
      "tokenHash",
      "hash-",
    ]) {
      expect(text).not.toContain(absent);
    }
    // Rows about the account written by someone else: the reason, not the details of their work.
    const aboutMe = (data.journal as { action: string; byYou: boolean; details: unknown }[]).find((j) => j.action === "user.roles.change");
    expect(aboutMe).toMatchObject({ byYou: false, details: null });
  });

  it("is only ever one's own: nobody else may view or export through it", () => {
    for (const role of matrixRoles) {
      const actor = cast.actors[role];
      expect(can(actor, "account.data.view", { targetUserId: cast.userIds.memberOfA })).toBe(actor?.id === cast.userIds.memberOfA);
    }
  });
});

describe("erasing one's account", () => {
  it("erases the e-mail, name and title from every table, keeps the published contribution as « Ancien membre du conseil … », and signs out", async () => {
    const me = await personWithHistory("efface");
    const { email, displayName, title } = me.person;
    expect(await whereIs(email)).not.toEqual([]);
    expect(await whereIs(displayName)).not.toEqual([]);

    // Wrong password, then box not ticked: refused, nothing written (but the failed try is counted).
    expect(
      await submitForm(db, me.actor, eraseOwnAccountSchema, { password: "pas le bon mot de passe", understood: "on" }, (input, c) =>
        eraseOwnAccount(c.db, c.actor, input),
      ),
    ).toMatchObject({ ok: false, code: "SIGN_IN_FAILED" });
    expect(
      await submitForm(db, me.actor, eraseOwnAccountSchema, { password: TEST_PASSWORD }, (input, c) =>
        eraseOwnAccount(c.db, c.actor, input),
      ),
    ).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { understood: [expect.stringMatching(/Cochez la case/)] },
    });
    expect((await db.select().from(users).where(eq(users.id, me.person.id)))[0]!.email).toBe(email);

    const result = await submitForm(db, me.actor, eraseOwnAccountSchema, { password: TEST_PASSWORD, understood: "on" }, (input, c) =>
      eraseOwnAccount(c.db, c.actor, input),
    );
    expect(result).toMatchObject({ ok: true, data: { userId: me.person.id } });

    expect(await whereIs(email)).toEqual([]);
    expect(await whereIs(displayName)).toEqual([]);
    expect(await whereIs(title!)).toEqual([]);

    // Public: the published contribution stays, signed by the council.
    const list = await loadPublishedContributions(db, { councilId: me.council.id });
    expect(list.items.map((i) => [i.body, i.authorName])).toEqual([[`publiée ${me.t}`, `Ancien membre du conseil ${me.council.name}`]]);
    // Submitted to the council's name: kept. Their draft and comment: gone. Their report and support: kept, anonymised.
    const left = await db.select({ body: contributions.body }).from(contributions).where(eq(contributions.authorId, me.person.id));
    expect(left.map((c) => c.body).sort()).toEqual([`en attente ${me.t}`, `publiée ${me.t}`].sort());
    expect(await db.select().from(contributionComments).where(eq(contributionComments.authorId, me.person.id))).toEqual([]);
    expect(await db.select().from(contributionReports).where(eq(contributionReports.reporterId, me.person.id))).toHaveLength(1);
    expect(await db.select().from(notifications).where(eq(notifications.userId, me.person.id))).toEqual([]);
    expect(await db.select().from(councilMemberships).where(eq(councilMemberships.userId, me.person.id))).toEqual([]);

    // Signed out everywhere, and the old e-mail and password open nothing.
    expect(await loadActor(db, me.person.id, 0)).toBeNull();
    expect(await verifySignIn(db, { email, password: TEST_PASSWORD, address: "192.0.2.10" })).toMatchObject({ ok: false });

    // The journal keeps that things happened, with a pseudonym; the erasure is in it, with no personal data.
    const [row] = await db.select().from(users).where(eq(users.id, me.person.id));
    expect(row).toMatchObject({ displayName: `Personne supprimée n°${me.person.id}`, title: null, passwordHash: "", isAdmin: false });
    expect(row!.erasedAt).toBeInstanceOf(Date);
    const journal = await db.select().from(auditLog).where(eq(auditLog.actorUserId, me.person.id));
    expect(journal.map((j) => j.action).sort()).toEqual(["account.erase", "contribution.draft.create"]);
    const invite = await db.select().from(auditLog).where(eq(auditLog.actorUserId, me.colleague.id));
    expect(invite[0]!.details).toEqual({
      email: `Personne supprimée n°${me.person.id}`,
      role: "member",
      title: `Personne supprimée n°${me.person.id}`,
    });

    // Once erased, the account cannot be erased again (its session is dead).
    expect(await eraseOwnAccount(db, me.actor, { password: TEST_PASSWORD, understood: true })).toMatchObject({ ok: false });
  });

  it("refuses the last referent of a council, and leaves every table as it was", async () => {
    const me = await personWithHistory("referent");
    await db.update(councilMemberships).set({ role: "member" }).where(eq(councilMemberships.userId, me.colleague.id));
    await db.update(councilMemberships).set({ role: "referent" }).where(eq(councilMemberships.userId, me.person.id));
    const actor = (await loadActor(db, me.person.id, 0))!;
    const before = await everything();
    const result = await eraseOwnAccount(db, actor, { password: TEST_PASSWORD, understood: true });
    expect(result).toMatchObject({ ok: false, code: "LAST_REFERENT" });
    expect(!result.ok && result.message).toBe(
      `Vous êtes la dernière personne référente du conseil « ${me.council.name} » : nommez d'abord une autre personne référente, puis recommencez.`,
    );
    expect(await everything()).toEqual(before);
  });

  it("refuses the last active administrator, and leaves every table as it was", async () => {
    const person = await createUser(db, { isAdmin: true });
    // For this test only, the other administrators are deactivated (then restored).
    const others = await db
      .update(users)
      .set({ deactivatedAt: new Date() })
      .where(sql`${users.isAdmin} and ${users.deactivatedAt} is null and ${users.id} <> ${person.id}`)
      .returning({ id: users.id });
    try {
      const actor = (await loadActor(db, person.id, 0))!;
      const before = await everything();
      expect(await eraseOwnAccount(db, actor, { password: TEST_PASSWORD, understood: true })).toMatchObject({
        ok: false,
        code: "CONFLICT",
        message: expect.stringMatching(/au moins un·e administrateur·rice/),
      });
      expect(await everything()).toEqual(before);
    } finally {
      for (const { id } of others) await db.update(users).set({ deactivatedAt: null }).where(eq(users.id, id));
    }
  });
});

describe("erasure by an administrator, on request", () => {
  it("is refused to every other role, and to oneself, with nothing written", async () => {
    const me = await personWithHistory("refus");
    for (const role of matrixRoles) {
      const before = await everything();
      const result = await eraseUserByAdmin(db, cast.actors[role], { userId: me.person.id, reason: "Demande écrite", understood: true });
      if (role === "admin") continue;
      expect(result).toMatchObject({ ok: false, code: refusalCode(role) });
      expect(await everything()).toEqual(before);
    }
    expect(await eraseUserByAdmin(db, cast.actors.admin, { userId: cast.userIds.admin, reason: "Essai", understood: true })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });

  it("needs a reason, then erases and journals it with the reason and no personal data", async () => {
    const me = await personWithHistory("admin");
    const erase = (values: Record<string, string>) =>
      submitForm(db, cast.actors.admin, userEraseSchema, { userId: String(me.person.id), understood: "on", ...values }, (input, c) =>
        eraseUserByAdmin(c.db, c.actor, input),
      );
    expect(await erase({ reason: "" })).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { reason: [expect.stringMatching(/Indiquez la raison/)] },
    });
    expect((await db.select().from(users).where(eq(users.id, me.person.id)))[0]!.erasedAt).toBeNull();

    expect(await erase({ reason: "Demande écrite reçue le 3 décembre" })).toMatchObject({ ok: true });
    const [row] = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.action} = 'user.erase' and ${auditLog.targetId} = ${String(me.person.id)}`);
    expect(row).toMatchObject({ actorUserId: cast.userIds.admin, targetType: "user", reason: "Demande écrite reçue le 3 décembre" });
    expect(await whereIs(me.person.email)).toEqual([]);
    expect(await whereIs(me.person.displayName)).toEqual([]);
    // Staff signatures become the City's.
    const [answer] = await db.select().from(contributionAnswers).where(eq(contributionAnswers.authorId, me.person.id));
    expect(answer).toMatchObject({ signatureName: "La Ville", signatureTitle: null });
  });
});
