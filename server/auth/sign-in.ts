import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { isCleanText } from "@/lib/validation/fields";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { accountKey, addressKey, blockedUntil, clearKey, recordFailure } from "./throttle";

export type SignInOutcome =
  | { ok: true; userId: number; sessionVersion: number }
  | { ok: false; code: "INVALID_CREDENTIALS" }
  | { ok: false; code: "THROTTLED"; retryAfterSeconds: number };

/** Longer than any password the app lets people choose (200 characters, up to 4 bytes each). */
const PASSWORD_MAX_LENGTH = 1000;

/** An address an account could have: 254 characters at most, no control character, one @. */
function isPlausibleEmail(email: string): boolean {
  return email.length > 0 && email.length <= 254 && isCleanText(email) && /^[^\s@]+@[^\s@]+$/.test(email);
}

/**
 * Checks an email and password. Unknown email, wrong password and deactivated account give the
 * same answer after the same work (one argon2 verification), so the answer tells nothing about
 * which accounts exist. Failures are counted per account and per client address.
 */
export async function verifySignIn(db: Db, input: { email: string; password: string; address: string }): Promise<SignInOutcome> {
  const email = input.email.trim().toLowerCase();
  if (!isPlausibleEmail(email) || input.password.length > PASSWORD_MAX_LENGTH || !isCleanText(input.password)) {
    // No account can match: the same work as a wrong password, counted against the address only
    // (an e-mail of 8 KB or with a NUL byte never reaches a query, nor becomes a throttle key).
    await verifyAgainstDummy(input.password.slice(0, PASSWORD_MAX_LENGTH));
    const until = await blockedUntil(db, [addressKey(input.address)]);
    if (until) return { ok: false, code: "THROTTLED", retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000)) };
    await recordFailure(db, [addressKey(input.address)]);
    return { ok: false, code: "INVALID_CREDENTIALS" };
  }
  const keys = [accountKey(email), addressKey(input.address)];
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(and(eq(users.email, email), isNull(users.deactivatedAt)));
  const until = await blockedUntil(db, keys);
  const passwordOk = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (until) {
    return { ok: false, code: "THROTTLED", retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000)) };
  }
  if (!user || !passwordOk) {
    await recordFailure(db, keys);
    return { ok: false, code: "INVALID_CREDENTIALS" };
  }
  await clearKey(db, keys[0]!);
  await db
    .update(users)
    .set({ lastSignInAt: sql`now()` })
    .where(eq(users.id, user.id));
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
}
