import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { auditLog, passwordResetTokens, signInThrottles, users } from "@/db/schema";
import { passwordResetRequestSchema, passwordResetSchema } from "@/lib/validation/auth";
import { verifyPassword } from "@/server/auth/password";
import {
  COMMON_PASSWORD_MESSAGE,
  isResetTokenValid,
  MAX_RESET_REQUESTS_PER_HOUR,
  RESET_REQUESTED_MESSAGE,
  requestPasswordReset,
  resetPassword,
} from "@/server/auth/password-reset";
import { verifySignIn } from "@/server/auth/sign-in";
import { accountKey } from "@/server/auth/throttle";
import { hashToken } from "@/server/auth/tokens";
import type { OutgoingMail } from "@/server/mail/send";
import { countQueries } from "@/db/query-count";
import { createUser, TEST_PASSWORD } from "../support/actors";
import { submitForm } from "../support/forms";
import { createTestDatabase, rowsOf, type TestDatabase } from "../support/test-database";

let testDb: TestDatabase;
let database: Database;
let db: Db;
beforeAll(async () => {
  testDb = await createTestDatabase("auth_reset");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
});
afterAll(() => testDb.drop());

const NEW_PASSWORD = "une girafe boit du thé au lait";
const origin = "https://social.exemple.fr";

/** Requests a reset through the form (the address as typed) and returns what was mailed (at most one mail). */
async function request(email: string) {
  const sent: OutgoingMail[] = [];
  const result = await submitForm(db, null, passwordResetRequestSchema, { email }, (input) =>
    requestPasswordReset(db, input, { baseUrl: origin, send: async (mail) => void sent.push(mail) }),
  );
  return { result, mail: sent[0], sentCount: sent.length };
}

/** Sets a new password, typed twice the same. */
const reset = (token: string, password: string) => resetPassword(db, { token, password, confirmation: password });

function tokenFrom(mail: OutgoingMail | undefined): string {
  const match = mail?.text.match(/https:\/\/social\.exemple\.fr\/mot-de-passe\/nouveau\/([A-Za-z0-9_-]+)/);
  if (!match) throw new Error("pas de lien dans le courriel");
  return match[1]!;
}

const tokensOf = (userId: number) => db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));
const userRow = async (userId: number) => (await db.select().from(users).where(eq(users.id, userId)))[0]!;
const auditRows = (userId: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "user.password_reset"), eq(auditLog.targetId, String(userId))));
const tokenCount = async () => rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from password_reset_tokens`))[0]!.n;

describe("requestPasswordReset", () => {
  it("an unknown email gets the same answer, and no token row and no mail", async () => {
    const before = await tokenCount();
    const { result, sentCount } = await request(`personne-${randomUUID().slice(0, 8)}@exemple.invalid`);
    expect(result).toEqual({ ok: true, data: undefined, message: RESET_REQUESTED_MESSAGE });
    expect(sentCount).toBe(0);
    expect(await tokenCount()).toBe(before);
  });

  it("a known email gets the same answer, one mail with a link, and a token row holding only the hash", async () => {
    const user = await createUser(db);
    const { result, mail } = await request(`  ${user.email.toUpperCase()} `);
    expect(result).toEqual({ ok: true, data: undefined, message: RESET_REQUESTED_MESSAGE });
    expect(mail!.to).toBe(user.email);
    expect(mail!.subject).toMatch(/nouveau mot de passe/);
    expect(mail!.text).toMatch(/valable 1 heure/);
    const token = tokenFrom(mail);

    const rows = await tokensOf(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashToken(token));
    expect(rows[0]!.tokenHash).not.toContain(token);
    expect(JSON.stringify(rows[0])).not.toContain(token);
    expect(rows[0]!.usedAt).toBeNull();
    // Valid one hour.
    const lifetime = rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime();
    expect(Math.abs(lifetime - 3600_000)).toBeLessThan(1000);
  });

  it("a deactivated account gets the same answer, no token and no mail", async () => {
    const user = await createUser(db, { deactivatedAt: new Date() });
    const { result, sentCount } = await request(user.email);
    expect(result).toEqual({ ok: true, data: undefined, message: RESET_REQUESTED_MESSAGE });
    expect(sentCount).toBe(0);
    expect(await tokensOf(user.id)).toHaveLength(0);
  });

  it(`stops mailing one account with ${MAX_RESET_REQUESTS_PER_HOUR} unused links from the last hour, with the same answer`, async () => {
    const user = await createUser(db);
    for (let i = 0; i < MAX_RESET_REQUESTS_PER_HOUR; i++) expect((await request(user.email)).sentCount).toBe(1);
    const extra = await request(user.email);
    expect(extra.result).toEqual({ ok: true, data: undefined, message: RESET_REQUESTED_MESSAGE });
    expect(extra.sentCount).toBe(0);
    expect(await tokensOf(user.id)).toHaveLength(MAX_RESET_REQUESTS_PER_HOUR);
    // Using a link lifts the cap (only unused links count), and so does time.
    const used = await request(user.email);
    expect(used.sentCount).toBe(0);
    await db
      .update(passwordResetTokens)
      .set({ createdAt: sql`now() - interval '61 minutes'` })
      .where(eq(passwordResetTokens.userId, user.id));
    expect((await request(user.email)).sentCount).toBe(1);
    expect((await reset(tokenFrom((await request(user.email)).mail), NEW_PASSWORD)).ok).toBe(true);
    for (let i = 0; i < MAX_RESET_REQUESTS_PER_HOUR; i++) expect((await request(user.email)).sentCount).toBe(1);
  });

  it("refuses something that is not an email, with a field error", async () => {
    const { result, sentCount } = await request("pas une adresse");
    expect(result).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(!result.ok && result.fieldErrors?.email?.[0]).toMatch(/^Adresse électronique invalide/);
    expect(sentCount).toBe(0);
  });

  it("a failing mail server does not change the answer", async () => {
    const user = await createUser(db);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const result = await requestPasswordReset(
        db,
        { email: user.email },
        {
          baseUrl: origin,
          send: async () => {
            throw new Error("SMTP en panne");
          },
        },
      );
      expect(result).toEqual({ ok: true, data: undefined, message: RESET_REQUESTED_MESSAGE });
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
  });
});

describe("resetPassword", () => {
  it("sets the new password, consumes the token, signs out everywhere and writes the journal", async () => {
    const user = await createUser(db, { sessionVersion: 7 });
    const token = tokenFrom((await request(user.email)).mail);
    expect(await isResetTokenValid(db, token)).toBe(true);

    const result = await reset(token, NEW_PASSWORD);
    expect(result).toMatchObject({ ok: true });

    const after = await userRow(user.id);
    expect(after.sessionVersion).toBe(8);
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(after.passwordHash, TEST_PASSWORD)).toBe(false);
    expect((await tokensOf(user.id))[0]!.usedAt).not.toBeNull();
    const audit = await auditRows(user.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: user.id, targetType: "user", action: "user.password_reset" });
    expect(JSON.stringify(audit[0]!.details)).not.toContain(NEW_PASSWORD);

    // The new password signs in; the old one does not.
    expect(await verifySignIn(db, { email: user.email, password: NEW_PASSWORD, address: "reset-1" })).toMatchObject({
      ok: true,
      sessionVersion: 8,
    });
    expect(await verifySignIn(db, { email: user.email, password: TEST_PASSWORD, address: "reset-2" })).toMatchObject({ ok: false });
  });

  it("a token works once", async () => {
    const user = await createUser(db);
    const token = tokenFrom((await request(user.email)).mail);
    expect((await reset(token, NEW_PASSWORD)).ok).toBe(true);
    const again = await reset(token, "un autre mot de passe bien long");
    expect(again).toMatchObject({ ok: false, code: "TOKEN_INVALID" });
    expect(await isResetTokenValid(db, token)).toBe(false);
    expect(await verifyPassword((await userRow(user.id)).passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await auditRows(user.id)).toHaveLength(1);
  });

  it("using one link voids the account's other pending links", async () => {
    const user = await createUser(db);
    const first = tokenFrom((await request(user.email)).mail);
    const second = tokenFrom((await request(user.email)).mail);
    expect((await reset(second, NEW_PASSWORD)).ok).toBe(true);
    expect(await reset(first, "encore un autre mot de passe")).toMatchObject({ ok: false, code: "TOKEN_INVALID" });
  });

  it("an expired token is refused and changes nothing", async () => {
    const user = await createUser(db);
    const token = tokenFrom((await request(user.email)).mail);
    await db
      .update(passwordResetTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(passwordResetTokens.tokenHash, hashToken(token)));
    expect(await isResetTokenValid(db, token)).toBe(false);
    const before = await userRow(user.id);
    expect(await reset(token, NEW_PASSWORD)).toMatchObject({ ok: false, code: "TOKEN_INVALID" });
    expect(await userRow(user.id)).toEqual(before);
    expect((await tokensOf(user.id))[0]!.usedAt).toBeNull();
  });

  it("a token of a deactivated account is refused", async () => {
    const user = await createUser(db);
    const token = tokenFrom((await request(user.email)).mail);
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, user.id));
    expect(await reset(token, NEW_PASSWORD)).toMatchObject({ ok: false, code: "TOKEN_INVALID" });
    expect((await tokensOf(user.id))[0]!.usedAt).toBeNull();
  });

  it.each(["", "not-a-token", "a".repeat(43), "../../etc/passwd"])("an unknown or malformed token (%j) is refused", async (token) => {
    expect(await reset(token, NEW_PASSWORD)).toMatchObject({ ok: false, code: "TOKEN_INVALID" });
  });

  it("a form without its token (or with two) says the link no longer works, and two different passwords are refused on the second field", async () => {
    const user = await createUser(db);
    const token = tokenFrom((await request(user.email)).mail);
    const send = (values: Record<string, string | string[] | undefined>) =>
      submitForm(db, null, passwordResetSchema, values, (input) => resetPassword(db, input));
    expect(await send({ password: NEW_PASSWORD, confirmation: NEW_PASSWORD })).toMatchObject({ ok: false, code: "TOKEN_INVALID" });
    expect(await send({ token: [token, token], password: NEW_PASSWORD, confirmation: NEW_PASSWORD })).toMatchObject({
      ok: false,
      code: "TOKEN_INVALID",
    });
    expect(await send({ token, password: NEW_PASSWORD, confirmation: "autre chose" })).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { confirmation: ["Les deux mots de passe ne sont pas identiques."] },
    });
    expect((await tokensOf(user.id))[0]!.usedAt).toBeNull();
    expect(await auditRows(user.id)).toHaveLength(0);
  });

  it.each([
    ["too short", "court", "Le mot de passe doit faire au moins 12 caractères."],
    ["common", "motdepasse123", COMMON_PASSWORD_MESSAGE],
    ["common with digits", "azertyuiop123456", COMMON_PASSWORD_MESSAGE],
    ["a keyboard row", "azertyuiopqsdf", COMMON_PASSWORD_MESSAGE],
    // The City's name as its settings give it (« Ville d'Aurillac » in the seed), not a word in the code.
    ["the City's name", "Aurillac2024!", COMMON_PASSWORD_MESSAGE],
  ])("a new password that breaks the rule (%s) is refused and nothing is written", async (_label, password, message) => {
    const user = await createUser(db, { sessionVersion: 2 });
    const token = tokenFrom((await request(user.email)).mail);
    const before = await userRow(user.id);
    // Sent the way the form sends it: the length rule is the schema's, the common list the server's.
    const result = await submitForm(db, null, passwordResetSchema, { token, password, confirmation: password }, (input) =>
      resetPassword(db, input),
    );
    expect(result).toMatchObject({ ok: false, code: "VALIDATION_FAILED", fieldErrors: { password: [message] } });
    expect(await userRow(user.id)).toEqual(before);
    expect((await tokensOf(user.id))[0]!.usedAt).toBeNull();
    expect(await auditRows(user.id)).toHaveLength(0);
    // The link still works with a good password.
    expect((await reset(token, NEW_PASSWORD)).ok).toBe(true);
  });

  it("password, session version, token and journal are one transaction: if the journal fails, nothing is written", async () => {
    const user = await createUser(db, { sessionVersion: 4 });
    const token = tokenFrom((await request(user.email)).mail);
    const before = await userRow(user.id);
    // Make the journal refuse this one row, from inside the database.
    await db.execute(
      sql.raw(`
      create or replace function refuse_reset_audit() returns trigger language plpgsql as $$
      begin
        if new.action = 'user.password_reset' and new.target_id = '${user.id}' then
          raise exception 'journal indisponible';
        end if;
        return new;
      end $$`),
    );
    await db.execute(sql`create trigger refuse_reset_audit before insert on audit_log for each row execute function refuse_reset_audit()`);
    try {
      await expect(reset(token, NEW_PASSWORD)).rejects.toThrow();
    } finally {
      await db.execute(sql`drop trigger refuse_reset_audit on audit_log`);
      await db.execute(sql`drop function refuse_reset_audit()`);
    }
    expect(await userRow(user.id)).toEqual(before);
    expect((await tokensOf(user.id))[0]!.usedAt).toBeNull();
    expect(await auditRows(user.id)).toHaveLength(0);
    // Once the journal works again, the same link goes through.
    expect((await reset(token, NEW_PASSWORD)).ok).toBe(true);
    expect((await userRow(user.id)).sessionVersion).toBe(5);
  });

  it("lifts the account's sign-in wait", async () => {
    const user = await createUser(db);
    for (let i = 0; i < 5; i++) await verifySignIn(db, { email: user.email, password: "faux", address: `reset-throttle-${i}` });
    expect(
      await db
        .select()
        .from(signInThrottles)
        .where(eq(signInThrottles.key, accountKey(user.email))),
    ).toHaveLength(1);
    const token = tokenFrom((await request(user.email)).mail);
    expect((await reset(token, NEW_PASSWORD)).ok).toBe(true);
    expect(
      await db
        .select()
        .from(signInThrottles)
        .where(eq(signInThrottles.key, accountKey(user.email))),
    ).toHaveLength(0);
    expect((await verifySignIn(db, { email: user.email, password: NEW_PASSWORD, address: "reset-throttle-x" })).ok).toBe(true);
  });
});

describe("timing of « Mot de passe oublié »", () => {
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

  it("a known address and an unknown one are answered after the same work: no query before the answer, similar time", async () => {
    const user = await createUser(db);
    const later: (() => Promise<void>)[] = [];
    const ask = (email: string) =>
      requestPasswordReset(db, { email }, { baseUrl: origin, send: async () => {}, schedule: (task) => void later.push(task) });
    // The look-up, the token and the mail all wait for the answer to be sent.
    expect((await countQueries(() => ask(user.email))).queries).toBe(0);
    expect((await countQueries(() => ask(`personne-${randomUUID().slice(0, 8)}@exemple.invalid`))).queries).toBe(0);
    // Time, as the sign-in test does: ratio of medians, each sample a batch of 50 requests.
    const timed = async (emails: string[]) => {
      const start = performance.now();
      for (const email of emails) await ask(email);
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 15; i++) {
      const strangers = Array.from({ length: 50 }, () => `personne-${randomUUID().slice(0, 8)}@exemple.invalid`);
      known.push(await timed(Array.from({ length: 50 }, () => user.email)));
      unknown.push(await timed(strangers));
    }
    const ratio = median(known) / median(unknown);
    expect(
      ratio,
      `médianes : connue ${median(known).toFixed(2)} ms, inconnue ${median(unknown).toFixed(2)} ms (50 demandes)`,
    ).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
    // The deferred work still does its job: links for the known address only, at most 5 an hour.
    for (const task of later) await task();
    expect((await tokensOf(user.id)).length).toBe(5);
  });
});
