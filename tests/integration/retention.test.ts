import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, like, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction, createCouncil } from "@/db/factories";
import {
  auditLog,
  contributions,
  councilMemberships,
  invitations,
  notifications,
  passwordResetTokens,
  retentionRuns,
  revokedSessions,
  signInThrottles,
  users,
} from "@/db/schema";
import { cityDay } from "@/lib/dates";
import { retentionRules, RETENTION_TICK_MINUTES, SIGN_IN_QUIET_HOURS, yearsBefore } from "@/lib/personal-data";
import { EXPIRED_ACCOUNT_REASON, eraseExpiredAccount } from "@/server/account/erase-account";
import { loadPersonalDataPage } from "@/server/retention/load-personal-data-page";
import { purgeSignInThrottles } from "@/server/retention/purge-sign-in-throttles";
import { runRetention } from "@/server/retention/run-retention";
import { loadPublishedContributions } from "@/server/plan/load-published-contributions";
import { updatePrivacySettings } from "@/server/settings/update-privacy-settings";
import { getPrivacySettings } from "@/server/settings/platform-settings";
import { createCast, createUser, type Cast } from "../support/actors";
import { createTestDatabase, onPostgres, rowsOf, type TestDatabase } from "../support/test-database";

/*
 * Issue 14, point 3: the retention job on a real database (PGlite, or PostgreSQL with
 * TEST_PG_ADMIN_URL), with an injected « now ». Every period is tested at its boundary: a row
 * exactly at the cut-off goes, a row one second younger stays. Each run is for a day of its own
 * (the claim is per day), days apart so that no test's rows are at another's boundary.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
beforeAll(async () => {
  testDb = await createTestDatabase("retention");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
});
afterAll(() => testDb.drop());

const SECOND = 1000;
const DAY = 24 * 3600 * SECOND;
const tag = () => randomUUID().slice(0, 8);
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);
/** Noon in Paris, `days` from today: each test its own calendar day of the City. */
const noon = (days: number) => {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(11, 0, 0, 0);
  return d;
};

const purgeRows = (day: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "retention.purge"), sql`${auditLog.details}->>'day' = ${day}`));

async function throttle(key: string, lastFailureAt: Date) {
  await db.insert(signInThrottles).values({ key, failures: 3, lastFailureAt });
  return key;
}
const sorted = <T extends number | string>(values: T[]) => [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
/** Which of these keys are still in their table, sorted. */
const left = async <T extends number | string>(column: PgColumn, keys: T[]) =>
  sorted((await db.select({ key: column }).from(column.table).where(inArray(column, keys))).map((r) => r.key as T));
const throttleKeys = (keys: string[]) => left(signInThrottles.key, keys);

async function invitation(values: Partial<typeof invitations.$inferInsert>) {
  const [row] = await db
    .insert(invitations)
    .values({
      tokenHash: randomUUID(),
      email: `invite-${tag()}@exemple.invalid`,
      kind: "staff",
      expiresAt: plus(new Date(), 7 * DAY),
      ...values,
    })
    .returning({ id: invitations.id });
  return row!.id;
}

async function resetToken(userId: number, values: Partial<typeof passwordResetTokens.$inferInsert>) {
  const [row] = await db
    .insert(passwordResetTokens)
    .values({ tokenHash: randomUUID(), userId, expiresAt: plus(new Date(), 3600 * SECOND), ...values })
    .returning({ id: passwordResetTokens.id });
  return row!.id;
}

async function notification(userId: number, values: Partial<typeof notifications.$inferInsert>) {
  const [row] = await db
    .insert(notifications)
    .values({ userId, kind: "contribution_approved", message: `notification ${tag()}`, link: "/espace", ...values })
    .returning({ id: notifications.id });
  return row!.id;
}

describe("the daily run", () => {
  it("applies every period at its boundary, and counts what it purged in one journal row, in its transaction", async () => {
    const now = noon(0);
    const settings = await getPrivacySettings(db);
    expect(settings.deactivatedAccountYears).toBe(3);
    const cut = {
      throttles: retentionRules.signInThrottles.cutoff(now),
      links: retentionRules.invitations.cutoff(now),
      resets: retentionRules.passwordResetTokens.cutoff(now),
      notifications: retentionRules.readNotifications.cutoff(now),
      sessions: retentionRules.revokedSessions.cutoff(now),
      accounts: retentionRules.deactivatedAccounts.cutoff(now, settings),
    };
    // The periods themselves, as the issue states them.
    expect(now.getTime() - cut.throttles.getTime()).toBe((SIGN_IN_QUIET_HOURS * 60 - RETENTION_TICK_MINUTES) * 60 * SECOND);
    expect(now.getTime() - cut.links.getTime()).toBe(30 * DAY);
    expect(now.getTime() - cut.resets.getTime()).toBe(30 * DAY);
    expect(cut.notifications.toISOString()).toBe(`${now.getUTCFullYear() - 1}${now.toISOString().slice(4)}`);
    expect(cut.accounts.toISOString()).toBe(`${now.getUTCFullYear() - 3}${now.toISOString().slice(4)}`);
    expect(cut.sessions).toEqual(now);

    const t = tag();
    const gone = { throttle: await throttle(`compte:parti-${t}@exemple.invalid`, cut.throttles) };
    const kept = { throttle: await throttle(`adresse:192.0.2.${Math.floor(Math.random() * 250)}-${t}`, plus(cut.throttles, SECOND)) };

    const invitationsGone = [
      await invitation({ acceptedAt: cut.links }),
      await invitation({ revokedAt: cut.links }),
      await invitation({ expiresAt: cut.links }),
    ];
    const invitationsKept = [
      await invitation({ acceptedAt: plus(cut.links, SECOND) }),
      await invitation({ revokedAt: plus(cut.links, SECOND) }),
      await invitation({ expiresAt: plus(cut.links, SECOND) }),
      // Still valid: never touched.
      await invitation({ expiresAt: plus(now, 7 * DAY) }),
    ];

    const owner = await createUser(db);
    const resetsGone = [await resetToken(owner.id, { usedAt: cut.resets }), await resetToken(owner.id, { expiresAt: cut.resets })];
    const resetsKept = [
      await resetToken(owner.id, { usedAt: plus(cut.resets, SECOND) }),
      await resetToken(owner.id, { expiresAt: plus(cut.resets, SECOND) }),
    ];

    const notificationsGone = [await notification(owner.id, { createdAt: yearsBefore(now, 2), readAt: cut.notifications })];
    const notificationsKept = [
      await notification(owner.id, { createdAt: yearsBefore(now, 2), readAt: plus(cut.notifications, SECOND) }),
      // Never read: kept whatever its age, until the account goes.
      await notification(owner.id, { createdAt: yearsBefore(now, 5), readAt: null }),
    ];

    const sessionGone = `session-${t}-a`;
    const sessionKept = `session-${t}-b`;
    await db.insert(revokedSessions).values([
      { sessionId: sessionGone, userId: owner.id, expiresAt: cut.sessions },
      { sessionId: sessionKept, userId: owner.id, expiresAt: plus(cut.sessions, SECOND) },
    ]);

    const expired = await createUser(db, { deactivatedAt: cut.accounts });
    const almost = await createUser(db, { deactivatedAt: plus(cut.accounts, SECOND) });
    const audits = (await db.select({ id: auditLog.id }).from(auditLog)).length;

    const run = await runRetention(db, now);
    const purged = {
      signInThrottles: 1,
      invitations: 3,
      passwordResetTokens: 2,
      readNotifications: 1,
      revokedSessions: 1,
      deactivatedAccounts: 1,
    };
    expect(run).toEqual({ day: cityDay(now), ran: true, purged });

    expect(await throttleKeys([gone.throttle, kept.throttle])).toEqual([kept.throttle]);
    expect(await left(invitations.id, [...invitationsGone, ...invitationsKept])).toEqual(sorted(invitationsKept));
    expect(await left(passwordResetTokens.id, [...resetsGone, ...resetsKept])).toEqual(sorted(resetsKept));
    expect(await left(notifications.id, [...notificationsGone, ...notificationsKept])).toEqual(sorted(notificationsKept));
    expect(await left(revokedSessions.sessionId, [sessionGone, sessionKept])).toEqual([sessionKept]);
    const [erased] = await db.select().from(users).where(eq(users.id, expired.id));
    expect(erased).toMatchObject({ displayName: `Personne supprimée n°${expired.id}`, passwordHash: "" });
    expect(erased!.erasedAt).toBeInstanceOf(Date);
    const [notYet] = await db.select().from(users).where(eq(users.id, almost.id));
    expect(notYet).toMatchObject({ email: almost.email, erasedAt: null });

    // The journal: the run's row with its counts (by the system), and the erasure's own row.
    const added = await db.select().from(auditLog).orderBy(asc(auditLog.id)).offset(audits);
    expect(added.map((r) => [r.action, r.actorUserId])).toEqual([
      ["retention.erase", null],
      ["retention.purge", null],
    ]);
    expect(added[0]).toMatchObject({ targetType: "user", targetId: String(expired.id), reason: EXPIRED_ACCOUNT_REASON(3) });
    expect(added[1]).toMatchObject({ targetType: "retention", details: { day: cityDay(now), purged, deactivatedAccountYears: 3 } });
    // The claim: one row for the day.
    expect(
      await db
        .select()
        .from(retentionRuns)
        .where(eq(retentionRuns.day, cityDay(now))),
    ).toEqual([{ day: cityDay(now), ranAt: now }]);
  });

  it("runs once a day: a second run the same day does nothing, the next day's run purges what aged since", async () => {
    const now = noon(3);
    const first = await runRetention(db, now);
    expect(first.ran).toBe(true);
    const cutoff = retentionRules.signInThrottles.cutoff(now);
    const key = await throttle(`compte:plus-tard-${tag()}@exemple.invalid`, cutoff);
    const audits = (await db.select({ id: auditLog.id }).from(auditLog)).length;

    expect(await runRetention(db, plus(now, 3600 * SECOND))).toEqual({ day: cityDay(now), ran: false, purged: null });
    expect(await throttleKeys([key])).toEqual([key]);
    expect((await db.select({ id: auditLog.id }).from(auditLog)).length).toBe(audits);

    const next = await runRetention(db, plus(now, DAY));
    expect(next).toMatchObject({ day: cityDay(plus(now, DAY)), ran: true, purged: { signInThrottles: 1 } });
    expect(await throttleKeys([key])).toEqual([]);
    expect(await purgeRows(cityDay(plus(now, DAY)))).toHaveLength(1);
  });

  it("two processes at once: one runs, the other finds the day taken — one journal row, each row purged once", async () => {
    const now = noon(6);
    const keys = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        throttle(`compte:course-${i}-${tag()}@exemple.invalid`, retentionRules.signInThrottles.cutoff(now)),
      ),
    );
    // PGlite has one connection (the calls queue on it); PostgreSQL gets a second pool, a second process's.
    const other = onPostgres ? await testDb.open() : database;
    try {
      const runs = await Promise.all([runRetention(db, now), runRetention(other.db, now)]);
      expect(runs.map((r) => r.ran).sort()).toEqual([false, true]);
      expect(runs.find((r) => r.ran)!.purged!.signInThrottles).toBe(keys.length);
      expect(await throttleKeys(keys)).toEqual([]);
      const rows = await purgeRows(cityDay(now));
      expect(rows).toHaveLength(1);
      expect(rows[0]!.details).toMatchObject({ purged: { signInThrottles: keys.length } });
      expect(
        await db
          .select()
          .from(retentionRuns)
          .where(eq(retentionRuns.day, cityDay(now))),
      ).toHaveLength(1);
    } finally {
      if (other !== database) await other.close();
    }
  });

  it.runIf(onPostgres)("many processes at once on PostgreSQL, ten rounds: exactly one run a day", async () => {
    const others = await Promise.all([testDb.open(), testDb.open()]);
    try {
      for (let round = 0; round < 10; round++) {
        const now = noon(100 + round);
        const runs = await Promise.all([db, ...others.map((o) => o.db), db].map((d) => runRetention(d, now)));
        expect(runs.filter((r) => r.ran)).toHaveLength(1);
        expect(await purgeRows(cityDay(now))).toHaveLength(1);
      }
    } finally {
      await Promise.all(others.map((o) => o.close()));
    }
  });

  it("a run that fails leaves everything as it was, its claim included, and the next tick does it", async () => {
    const now = noon(9);
    const key = await throttle(`compte:echec-${tag()}@exemple.invalid`, retentionRules.signInThrottles.cutoff(now));
    // The journal refuses the run's row (as a full disk or a lost connection would fail the run at its end).
    await db.execute(sql`create function refuse_retention_purge() returns trigger language plpgsql as $$
      begin
        if new.action = 'retention.purge' then raise exception 'journal indisponible'; end if;
        return new;
      end $$`);
    await db.execute(
      sql`create trigger refuse_retention_purge before insert on audit_log for each row execute function refuse_retention_purge()`,
    );
    try {
      await expect(runRetention(db, now)).rejects.toThrow();
      expect(await throttleKeys([key])).toEqual([key]);
      expect(
        await db
          .select()
          .from(retentionRuns)
          .where(eq(retentionRuns.day, cityDay(now))),
      ).toEqual([]);
    } finally {
      await db.execute(sql`drop trigger refuse_retention_purge on audit_log`);
      await db.execute(sql`drop function refuse_retention_purge()`);
    }
    expect(await runRetention(db, plus(now, RETENTION_TICK_MINUTES * 60 * SECOND))).toMatchObject({ ran: true });
    expect(await throttleKeys([key])).toEqual([]);
  });
});

describe("the short pass (IP addresses)", () => {
  it("deletes the throttle rows before they are 24 hours old, journals what it deleted, and nothing when there is nothing", async () => {
    const now = noon(12);
    const cutoff = retentionRules.signInThrottles.cutoff(now);
    const t = tag();
    const gone = await throttle(`adresse:198.51.100.7-${t}`, cutoff);
    const kept = await throttle(`adresse:198.51.100.8-${t}`, plus(cutoff, SECOND));
    const audits = (await db.select({ id: auditLog.id }).from(auditLog)).length;

    expect(await purgeSignInThrottles(db, now)).toBe(1);
    expect(await throttleKeys([gone, kept])).toEqual([kept]);
    const [row] = await db.select().from(auditLog).orderBy(asc(auditLog.id)).offset(audits);
    expect(row).toMatchObject({ action: "retention.purge", actorUserId: null, details: { purged: { signInThrottles: 1 } } });

    // Nothing more to delete now: no journal row.
    expect(await purgeSignInThrottles(db, now)).toBe(0);
    expect((await db.select({ id: auditLog.id }).from(auditLog)).length).toBe(audits + 1);

    // The next pass, one tick later: the kept row goes, before its 24th hour.
    const next = plus(now, RETENTION_TICK_MINUTES * 60 * SECOND);
    const [keptRow] = await db.select().from(signInThrottles).where(eq(signInThrottles.key, kept));
    expect(next.getTime() - keptRow!.lastFailureAt.getTime()).toBeLessThan(SIGN_IN_QUIET_HOURS * 3600 * SECOND);
    expect(await purgeSignInThrottles(db, next)).toBe(1);
    expect(await throttleKeys([kept])).toEqual([]);
  });
});

describe("deactivated accounts", () => {
  /** A member who published an avis, the only referent of their council, with an e-mail in an old journal row. */
  async function formerReferent(deactivatedAt: Date) {
    const t = tag();
    const council = await createCouncil(db, { name: `Conseil Conservation ${t}` });
    const action = await createAction(db);
    const person = await createUser(db, {
      email: `ancien-${t}@exemple.invalid`,
      displayName: `Ancien Référent ${t}`,
      deactivatedAt,
    });
    await db.insert(councilMemberships).values({ councilId: council.id, userId: person.id, role: "referent", showNamePublicly: true });
    await db.insert(contributions).values({
      councilId: council.id,
      actionId: action.id,
      kind: "feedback",
      position: "favorable",
      body: `avis publié ${t}`,
      status: "published",
      authorId: person.id,
      submittedById: person.id,
      publishedAt: new Date(),
      clientRequestId: randomUUID(),
    });
    // A row written before issue 14 named the invitee by e-mail.
    await db.insert(auditLog).values({
      actorUserId: cast.userIds.admin,
      action: "council.members.invite",
      targetType: "invitation",
      councilId: council.id,
      details: { email: person.email, role: "referent" },
    });
    return { t, council, person };
  }

  it("erases them as an erasure does — the last referent too — signed « Ancien membre du conseil … » and gone from the journal", async () => {
    const now = noon(15);
    const { t, council, person } = await formerReferent(plus(yearsBefore(now, 3), -DAY));
    const run = await runRetention(db, now);
    expect(run.purged?.deactivatedAccounts).toBeGreaterThanOrEqual(1);

    const [row] = await db.select().from(users).where(eq(users.id, person.id));
    expect(row).toMatchObject({ email: `supprime-${person.id}@compte-supprime.invalid`, displayName: `Personne supprimée n°${person.id}` });
    const list = await loadPublishedContributions(db, { councilId: council.id });
    expect(list.items.map((i) => [i.body, i.authorName])).toEqual([[`avis publié ${t}`, `Ancien membre du conseil ${council.name}`]]);
    // The council had no other referent: it has none now (it had no active one since the deactivation); an admin names one.
    expect(await db.select().from(councilMemberships).where(eq(councilMemberships.councilId, council.id))).toEqual([]);
    const mentions = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from audit_log where strpos(lower(audit_log::text), ${person.email}) > 0
        or strpos(audit_log::text, ${person.displayName}) > 0`),
    );
    expect(Number(mentions[0]!.n)).toBe(0);
  });

  it("follows the period the admin sets, as the page says it, and leaves an account reactivated in the meantime", async () => {
    const now = noon(18);
    expect(
      await updatePrivacySettings(db, cast.actors.admin, { ...(await getPrivacySettings(db)), deactivatedAccountYears: 1 }),
    ).toMatchObject({
      ok: true,
    });
    try {
      const page = await loadPersonalDataPage(db);
      expect(page.periods.find((p) => p.kind === "deactivatedAccounts")!.period).toMatch(/^effacés un an après leur désactivation/);
      const gone = await createUser(db, { deactivatedAt: yearsBefore(now, 1) });
      const stays = await createUser(db, { deactivatedAt: plus(yearsBefore(now, 1), SECOND) });
      const run = await runRetention(db, now);
      expect(run.purged?.deactivatedAccounts).toBe(1);
      expect((await db.select().from(users).where(eq(users.id, gone.id)))[0]!.erasedAt).toBeInstanceOf(Date);
      expect((await db.select().from(users).where(eq(users.id, stays.id)))[0]!.erasedAt).toBeNull();
      expect((await purgeRows(cityDay(now)))[0]!.details).toMatchObject({ deactivatedAccountYears: 1 });

      // Five years: the page says so, and the same account, a year and a second old, is not due.
      expect(
        await updatePrivacySettings(db, cast.actors.admin, { ...(await getPrivacySettings(db)), deactivatedAccountYears: 5 }),
      ).toMatchObject({ ok: true });
      const five = await loadPersonalDataPage(db);
      expect(five.periods.find((p) => p.kind === "deactivatedAccounts")!.period).toMatch(/^effacés 5 ans après leur désactivation/);
      expect((await runRetention(db, plus(now, 2 * DAY))).purged?.deactivatedAccounts).toBe(0);
    } finally {
      await updatePrivacySettings(db, cast.actors.admin, { ...(await getPrivacySettings(db)), deactivatedAccountYears: 3 });
    }
  });

  it("never erases an account reactivated after the run chose it: checked again under the row's lock, nothing written", async () => {
    const now = noon(21);
    const person = await createUser(db, { deactivatedAt: yearsBefore(now, 4) });
    // An admin reactivated it between the run's list and its erasure.
    await db.update(users).set({ deactivatedAt: null }).where(eq(users.id, person.id));
    const audits = (await db.select({ id: auditLog.id }).from(auditLog)).length;
    const result = await eraseExpiredAccount(db, { userId: person.id, deactivatedBefore: yearsBefore(now, 3), years: 3 });
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await db.select().from(users).where(eq(users.id, person.id)))[0]).toMatchObject({ email: person.email, erasedAt: null });
    expect((await db.select({ id: auditLog.id }).from(auditLog)).length).toBe(audits);
    // Deactivated again, but recently: not due either.
    await db.update(users).set({ deactivatedAt: now }).where(eq(users.id, person.id));
    expect(await eraseExpiredAccount(db, { userId: person.id, deactivatedBefore: yearsBefore(now, 3), years: 3 })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect(
      await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, person.id), like(users.email, "supprime-%"))),
    ).toEqual([]);
  });
});
