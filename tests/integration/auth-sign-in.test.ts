import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { signInThrottles, users } from "@/db/schema";
import { verifySignIn } from "@/server/auth/sign-in";
import { accountKey, addressKey } from "@/server/auth/throttle";
import { createUser, TEST_PASSWORD } from "../support/actors";
import { createTestDatabase, rowsOf, type TestDatabase } from "../support/test-database";

/*
 * Sign-in: one answer for every kind of failure, throttling per account and per client address
 * with a growing wait, and the same work (hence similar time) for known and unknown emails.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
beforeAll(async () => {
  testDb = await createTestDatabase("auth_sign_in");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
});
afterAll(() => testDb.drop());

const uniqueAddress = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join(".")}-${randomUUID().slice(0, 4)}`;
const unknownEmail = () => `personne-${randomUUID().slice(0, 8)}@exemple.invalid`;

async function throttleRow(key: string) {
  const rows = rowsOf<{ failures: number; blocked_seconds: number | null; blocked_in_future: boolean | null }>(
    await db.execute(sql`
      select failures,
             extract(epoch from blocked_until - last_failure_at)::float8 as blocked_seconds,
             blocked_until > now() as blocked_in_future
      from sign_in_throttles where key = ${key}`),
  );
  return rows[0] ?? null;
}

/** Pretends the current wait is over (instead of sleeping through it). */
async function endWait(key: string) {
  await db.execute(sql`update sign_in_throttles set blocked_until = now() - interval '1 second' where key = ${key}`);
}

describe("verifySignIn", () => {
  it("accepts the right password, with the account's session version", async () => {
    const user = await createUser(db, { sessionVersion: 3 });
    const outcome = await verifySignIn(db, { email: user.email, password: TEST_PASSWORD, address: uniqueAddress() });
    expect(outcome).toEqual({ ok: true, userId: user.id, sessionVersion: 3 });
    const [after] = await db.select({ lastSignInAt: users.lastSignInAt }).from(users).where(eq(users.id, user.id));
    expect(after!.lastSignInAt).not.toBeNull();
  });

  it("ignores case and spaces around the email", async () => {
    const user = await createUser(db);
    const outcome = await verifySignIn(db, { email: `  ${user.email.toUpperCase()} `, password: TEST_PASSWORD, address: uniqueAddress() });
    expect(outcome.ok).toBe(true);
  });

  it("gives the same code for a wrong password and an unknown email", async () => {
    const user = await createUser(db);
    const wrong = await verifySignIn(db, { email: user.email, password: "pas-le-bon-mot-de-passe", address: uniqueAddress() });
    const unknown = await verifySignIn(db, { email: unknownEmail(), password: TEST_PASSWORD, address: uniqueAddress() });
    expect(wrong).toEqual({ ok: false, code: "INVALID_CREDENTIALS" });
    expect(unknown).toEqual(wrong);
  });

  it("refuses a deactivated account, even with the right password, with the same code", async () => {
    const user = await createUser(db, { deactivatedAt: new Date() });
    const outcome = await verifySignIn(db, { email: user.email, password: TEST_PASSWORD, address: uniqueAddress() });
    expect(outcome).toEqual({ ok: false, code: "INVALID_CREDENTIALS" });
  });
});

describe("malformed input never reaches a query", () => {
  it("an e-mail with a NUL byte, of 8 KB, or a password with a NUL byte: the same refusal, no throttle key made of it", async () => {
    const address = uniqueAddress();
    const user = await createUser(db);
    for (const [email, password] of [
      [`ad\u0000min@exemple.invalid`, "peu importe"],
      [`${"a".repeat(8 * 1024)}@exemple.invalid`, "peu importe"],
      [user.email, "mot\u0000de-passe"],
      [`lone\uD800@exemple.invalid`, "peu importe"],
    ] as const) {
      await expect(verifySignIn(db, { email, password, address })).resolves.toEqual({ ok: false, code: "INVALID_CREDENTIALS" });
    }
    const keys = (await db.select({ key: signInThrottles.key }).from(signInThrottles)).map((r) => r.key);
    expect(keys.every((k) => k.length <= 300)).toBe(true);
    expect(keys.some((k) => k.includes("\u0000"))).toBe(false);
    // They still count against the address, like any failure.
    expect((await throttleRow(addressKey(address)))?.failures).toBe(4);
  });
});

describe("throttling per account", () => {
  it("after 5 failures the next attempt is refused even with the right password, and the wait doubles", async () => {
    const user = await createUser(db);
    const key = accountKey(user.email);
    // Each attempt from a new address: only the account's count is at work here.
    for (let i = 1; i <= 4; i++) {
      expect(await verifySignIn(db, { email: user.email, password: `faux-${i}`, address: uniqueAddress() })).toEqual({
        ok: false,
        code: "INVALID_CREDENTIALS",
      });
      expect(await throttleRow(key)).toMatchObject({ failures: i, blocked_seconds: null });
    }
    // The 5th failure starts the wait.
    await verifySignIn(db, { email: user.email, password: "faux-5", address: uniqueAddress() });
    expect(await throttleRow(key)).toMatchObject({ failures: 5, blocked_seconds: 1, blocked_in_future: true });

    // 6th attempt, right password, fresh address: still refused while the wait runs.
    const sixth = await verifySignIn(db, { email: user.email, password: TEST_PASSWORD, address: uniqueAddress() });
    expect(sixth).toEqual({ ok: false, code: "THROTTLED", retryAfterSeconds: 1 });
    // A refused attempt during the wait is not counted and does not extend it.
    expect(await throttleRow(key)).toMatchObject({ failures: 5, blocked_seconds: 1 });

    // Each failure after a wait doubles the next one: 2 s, 4 s, 8 s…
    for (const [failures, seconds] of [
      [6, 2],
      [7, 4],
      [8, 8],
    ] as const) {
      await endWait(key);
      await verifySignIn(db, { email: user.email, password: "encore-faux", address: uniqueAddress() });
      expect(await throttleRow(key)).toMatchObject({ failures, blocked_seconds: seconds, blocked_in_future: true });
      const refused = await verifySignIn(db, { email: user.email, password: TEST_PASSWORD, address: uniqueAddress() });
      expect(refused.ok).toBe(false);
      expect(refused).toMatchObject({ code: "THROTTLED" });
      if (!refused.ok && refused.code === "THROTTLED") {
        expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(seconds - 1);
        expect(refused.retryAfterSeconds).toBeLessThanOrEqual(seconds);
      }
    }

    // The real owner is never locked out for good: once the wait is over, the right password works.
    await endWait(key);
    const owner = await verifySignIn(db, { email: user.email, password: TEST_PASSWORD, address: uniqueAddress() });
    expect(owner.ok).toBe(true);
  });

  it("the wait is capped at 15 minutes", async () => {
    const email = unknownEmail();
    const key = accountKey(email);
    await db.insert(signInThrottles).values({ key, failures: 40, lastFailureAt: new Date(), blockedUntil: null });
    await verifySignIn(db, { email, password: "faux", address: uniqueAddress() });
    expect(await throttleRow(key)).toMatchObject({ failures: 41, blocked_seconds: 900 });
  });

  it("a success clears the account's count", async () => {
    const user = await createUser(db);
    const address = uniqueAddress();
    for (let i = 0; i < 3; i++) await verifySignIn(db, { email: user.email, password: "faux", address });
    expect(await throttleRow(accountKey(user.email))).toMatchObject({ failures: 3 });
    expect((await verifySignIn(db, { email: user.email, password: TEST_PASSWORD, address })).ok).toBe(true);
    expect(await throttleRow(accountKey(user.email))).toBeNull();
    // …but not the address's: one good password must not wipe an attacker's count on that address.
    expect(await throttleRow(addressKey(address))).toMatchObject({ failures: 3 });
    // Four more failures on the account start again from 1.
    for (let i = 1; i <= 4; i++) await verifySignIn(db, { email: user.email, password: "faux", address: uniqueAddress() });
    expect(await throttleRow(accountKey(user.email))).toMatchObject({ failures: 4, blocked_seconds: null });
  });

  it("unknown emails are throttled exactly like known ones", async () => {
    const email = unknownEmail();
    for (let i = 0; i < 5; i++) await verifySignIn(db, { email, password: "faux", address: uniqueAddress() });
    const outcome = await verifySignIn(db, { email, password: "faux", address: uniqueAddress() });
    expect(outcome).toEqual({ ok: false, code: "THROTTLED", retryAfterSeconds: 1 });
  });

  it("failures older than 24 hours are forgotten", async () => {
    const user = await createUser(db);
    const key = accountKey(user.email);
    for (let i = 0; i < 5; i++) await verifySignIn(db, { email: user.email, password: "faux", address: uniqueAddress() });
    expect(await throttleRow(key)).toMatchObject({ failures: 5, blocked_in_future: true });
    await db.execute(
      sql`update sign_in_throttles set last_failure_at = now() - interval '25 hours', blocked_until = now() - interval '25 hours' where key = ${key}`,
    );
    await verifySignIn(db, { email: user.email, password: "faux", address: uniqueAddress() });
    expect(await throttleRow(key)).toMatchObject({ failures: 1, blocked_seconds: null });
    expect((await verifySignIn(db, { email: user.email, password: TEST_PASSWORD, address: uniqueAddress() })).ok).toBe(true);
  });

  it("failures less than 24 hours old still count", async () => {
    const email = unknownEmail();
    const key = accountKey(email);
    for (let i = 0; i < 3; i++) await verifySignIn(db, { email, password: "faux", address: uniqueAddress() });
    await db.execute(sql`update sign_in_throttles set last_failure_at = now() - interval '23 hours' where key = ${key}`);
    await verifySignIn(db, { email, password: "faux", address: uniqueAddress() });
    expect(await throttleRow(key)).toMatchObject({ failures: 4 });
  });
});

describe("throttling per client address", () => {
  it("5 failures from one address on 5 different accounts block that address, not the accounts elsewhere", async () => {
    const address = uniqueAddress();
    for (let i = 0; i < 5; i++) await verifySignIn(db, { email: unknownEmail(), password: "faux", address });
    expect(await throttleRow(addressKey(address))).toMatchObject({ failures: 5, blocked_seconds: 1, blocked_in_future: true });

    // A real account with its right password, from the blocked address: refused.
    const user = await createUser(db);
    expect(await verifySignIn(db, { email: user.email, password: TEST_PASSWORD, address })).toEqual({
      ok: false,
      code: "THROTTLED",
      retryAfterSeconds: 1,
    });
    // The same account from another address: fine (its own count is untouched).
    expect(await throttleRow(accountKey(user.email))).toBeNull();
    expect((await verifySignIn(db, { email: user.email, password: TEST_PASSWORD, address: uniqueAddress() })).ok).toBe(true);
  });

  it("failures on one address do not count against another", async () => {
    const [a, b] = [uniqueAddress(), uniqueAddress()];
    for (let i = 0; i < 4; i++) await verifySignIn(db, { email: unknownEmail(), password: "faux", address: a });
    await verifySignIn(db, { email: unknownEmail(), password: "faux", address: b });
    expect(await throttleRow(addressKey(a))).toMatchObject({ failures: 4 });
    expect(await throttleRow(addressKey(b))).toMatchObject({ failures: 1 });
  });
});

describe("timing", () => {
  const median = (values: number[]) => {
    const sorted = [...values].sort((x, y) => x - y);
    return sorted[Math.floor(sorted.length / 2)]!;
  };

  it("a known email with a wrong password and an unknown email take similar time", async () => {
    const user = await createUser(db);
    const timed = async (email: string) => {
      // Start each attempt from a clean slate, so both kinds take the same path (no throttling).
      await db.delete(signInThrottles).where(sql`true`); // every row, on purpose: a clean slate
      const start = performance.now();
      const outcome = await verifySignIn(db, { email, password: "mauvais-mot-de-passe", address: uniqueAddress() });
      const elapsed = performance.now() - start;
      expect(outcome).toEqual({ ok: false, code: "INVALID_CREDENTIALS" });
      return elapsed;
    };
    // Warm-up: the first unknown email computes the dummy hash once.
    await timed(unknownEmail());
    await timed(user.email);
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 10; i++) {
      known.push(await timed(user.email));
      unknown.push(await timed(unknownEmail()));
    }
    const ratio = median(known) / median(unknown);
    expect(ratio, `médianes : connu ${median(known).toFixed(1)} ms, inconnu ${median(unknown).toFixed(1)} ms`).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});
