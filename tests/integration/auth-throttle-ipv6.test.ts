import { randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { verifySignIn } from "@/server/auth/sign-in";
import { createUser, TEST_PASSWORD } from "../support/actors";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/*
 * Throttling per client network: an IPv6 client can pick a new address in its /64 for every
 * attempt, so the per-address counter counts the /64; an IPv4 client seen through a dual-stack
 * socket (::ffff:a.b.c.d) is counted as that IPv4 address.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
beforeAll(async () => {
  testDb = await createTestDatabase("auth_throttle_ipv6");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
});
afterAll(() => testDb.drop());

const hex = () => randomInt(0, 0x10000).toString(16);
/** A random /64 of the documentation prefix, as `2001:db8:x:y`. */
const randomPrefix = () => `2001:db8:${hex()}:${hex()}`;
const unknownEmail = () => `personne-${randomUUID().slice(0, 8)}@exemple.invalid`;

describe("throttling per IPv6 /64", () => {
  it("5 failures from 5 addresses of one /64 block a 6th address of that /64, not the next /64", async () => {
    const prefix = randomPrefix();
    for (let i = 1; i <= 5; i++) {
      const outcome = await verifySignIn(db, {
        email: unknownEmail(),
        password: "faux",
        address: `${prefix}:${hex()}:${hex()}:${hex()}:${i}`,
      });
      expect(outcome).toEqual({ ok: false, code: "INVALID_CREDENTIALS" });
    }
    const user = await createUser(db);
    // The right password, from yet another address of the same /64: refused while the network waits.
    expect(await verifySignIn(db, { email: user.email, password: TEST_PASSWORD, address: `${prefix}::beef` })).toMatchObject({
      ok: false,
      code: "THROTTLED",
    });
    // From a different /64 (the same /48): fine.
    const [a, b, c] = prefix.split(":").slice(1);
    const neighbour = `2001:${a}:${b}:${((parseInt(c!, 16) + 1) % 0x10000).toString(16)}::beef`;
    expect((await verifySignIn(db, { email: user.email, password: TEST_PASSWORD, address: neighbour })).ok).toBe(true);
  });

  it("an IPv4 client counts the same whether it is seen as IPv4 or as IPv4-mapped IPv6", async () => {
    const v4 = `198.51.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    for (let i = 0; i < 5; i++) {
      const address = i % 2 === 0 ? `::ffff:${v4}` : v4;
      await verifySignIn(db, { email: unknownEmail(), password: "faux", address });
    }
    const user = await createUser(db);
    expect(await verifySignIn(db, { email: user.email, password: TEST_PASSWORD, address: v4 })).toMatchObject({
      ok: false,
      code: "THROTTLED",
    });
    expect(await verifySignIn(db, { email: user.email, password: TEST_PASSWORD, address: `::ffff:${v4}` })).toMatchObject({
      ok: false,
      code: "THROTTLED",
    });
  });
});
