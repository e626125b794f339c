import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInThrottles } from "@/db/schema";
import { throttleNetwork } from "@/lib/client-address";
import { SIGN_IN_QUIET_HOURS } from "@/lib/personal-data";

/*
 * Sign-in throttling, per account and per client address (an IPv6 client is counted by its /64
 * network, see lib/client-address.ts). The first 5 failures are free; then each failure blocks
 * the key for 2^(n-5) seconds, capped at 15 minutes — a real owner is slowed, never locked out for
 * good. Failures older than 24 h are forgotten, and the retention job deletes the rows by then
 * (server/retention/): a key holds an e-mail or a client's network, kept no longer than needed.
 * A success clears the account key (not the address key: one good password must not reset an
 * attacker's count on an address); so does a password
 * reset (server/auth/password-reset.ts), which is what the owner can do when someone keeps their
 * account blocked on purpose.
 */
export const FREE_FAILURES = 5;
const MAX_BLOCK_SECONDS = 15 * 60;
const FORGET_AFTER_HOURS = SIGN_IN_QUIET_HOURS;

export const accountKey = (email: string) => `compte:${email.trim().toLowerCase()}`;
/** Per network, not per address: an IPv6 client is counted by its /64 (see throttleNetwork). */
export const addressKey = (address: string) => `adresse:${throttleNetwork(address)}`;

/** When the longest block among these keys ends, or null if none is blocked now. */
export async function blockedUntil(db: Db, keys: string[], now = new Date()): Promise<Date | null> {
  const rows = await db
    .select({ blockedUntil: signInThrottles.blockedUntil })
    .from(signInThrottles)
    .where(inArray(signInThrottles.key, keys));
  const ends = rows.map((r) => r.blockedUntil).filter((d): d is Date => d !== null && d > now);
  return ends.length === 0 ? null : new Date(Math.max(...ends.map((d) => d.getTime())));
}

export async function recordFailure(db: Db, keys: string[]): Promise<void> {
  for (const key of keys) {
    // One statement per key, atomic under concurrency: count, forget stale failures, compute the block.
    await db
      .insert(signInThrottles)
      .values({ key, failures: 1, lastFailureAt: sql`now()`, blockedUntil: null })
      .onConflictDoUpdate({
        target: signInThrottles.key,
        set: {
          failures: sql`case when ${signInThrottles.lastFailureAt} < now() - interval '${sql.raw(String(FORGET_AFTER_HOURS))} hours' then 1 else ${signInThrottles.failures} + 1 end`,
          lastFailureAt: sql`now()`,
          blockedUntil: sql`case
            when ${signInThrottles.lastFailureAt} < now() - interval '${sql.raw(String(FORGET_AFTER_HOURS))} hours' then null
            when ${signInThrottles.failures} + 1 >= ${FREE_FAILURES}
              then now() + least(power(2, ${signInThrottles.failures} + 1 - ${FREE_FAILURES}), ${MAX_BLOCK_SECONDS}) * interval '1 second'
            else null end`,
        },
      });
  }
}

export async function clearKey(db: Db, key: string): Promise<void> {
  await db.delete(signInThrottles).where(inArray(signInThrottles.key, [key]));
}
