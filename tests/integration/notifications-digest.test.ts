import { and, eq, inArray, isNull } from "drizzle-orm";
import { notificationKinds } from "@/lib/validation/settings";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { notifications, users } from "@/db/schema";
import { DIGEST_INTERVAL_MS, DIGEST_MAX_ITEMS, digestsSettled, requestDigests, sendDueDigests } from "@/server/notifications/digest";
import { setNotificationPreferences } from "@/server/notifications/preferences";
import { createUser, reload } from "../support/actors";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/test-database";
import { notify, startSmtpSink, type SmtpSink } from "./notifications-helpers";

/*
 * The email digest over real SMTP (a local smtp-server; the app sends with nodemailer as in
 * production): at most one mail a day per person, only unread and not-yet-mailed notifications of
 * kinds whose email is on; a failed mail is retried; two runs at once never mail twice.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
  // Read once by lib/env.ts, when the first mail is sent (after this).
  process.env.SMTP_URL = sink.url;
  testDb = await createTestDatabase("notif_digest");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
});
afterAll(async () => {
  await digestsSettled();
  await testDb.drop();
  await sink.close();
});

const hours = (n: number) => n * 60 * 60 * 1000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

async function rowsOf(userId: number) {
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(notifications.id);
}
async function lastDigestAt(userId: number) {
  const [row] = await db.select({ at: users.lastDigestAt }).from(users).where(eq(users.id, userId));
  return row?.at ?? null;
}
/** A « now » well after every real timestamp of this file's rows, so they count as already written. */
const soon = () => at(new Date(), 1000);

describe("the daily digest", () => {
  it("mails the first notification at once, in French, with absolute links; later ones wait for the next day", async () => {
    const user = await createUser(db, { displayName: "Jeanne Digest" });
    await notify(db, user.id, { message: "Votre avis sur « Accueil de jour » est publié.", link: "/fiches/accueil-de-jour" });
    const t0 = soon();
    const first = await sendDueDigests(db, t0);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const mails = sink.to(user.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe("Votre avis sur « Accueil de jour » est publié");
    expect(mail.text).toContain("Bonjour Jeanne Digest,");
    expect(mail.text).toContain("- Votre avis sur « Accueil de jour » est publié.");
    const [row] = await rowsOf(user.id);
    // Each item goes through /espace/notifications/<id> (marks it read, then its page).
    expect(mail.text).toMatch(new RegExp(`^  https?://[^\\s/]+/espace/notifications/${row!.id}$`, "m"));
    expect(mail.text).toMatch(/^https?:\/\/[^\s/]+\/espace\/notifications$/m);
    expect(mail.text).toMatch(/^https?:\/\/[^\s/]+\/espace\/notifications\/preferences$/m);
    expect(mail.text).toContain("au plus un courriel par jour");
    expect(row!.emailedAt?.getTime()).toBe(t0.getTime());
    expect((await lastDigestAt(user.id))?.getTime()).toBe(t0.getTime());

    // Two more the same day: no mail before 24 h have passed since the last one.
    await notify(db, user.id, { message: "Seconde notification." });
    await notify(db, user.id, { message: "Troisième notification." });
    await sendDueDigests(db, at(t0, hours(1)));
    await sendDueDigests(db, at(t0, hours(23.9)));
    expect(sink.to(user.email)).toHaveLength(1);

    // The next day's digest lists both, once.
    const t1 = at(t0, DIGEST_INTERVAL_MS);
    await sendDueDigests(db, t1);
    await sendDueDigests(db, at(t1, hours(1)));
    const after = sink.to(user.email);
    expect(after).toHaveLength(2);
    expect(after[1]!.subject).toBe("Seconde notification (et 1 autre notification)");
    expect(after[1]!.text).toContain("- Seconde notification.");
    expect(after[1]!.text).toContain("- Troisième notification.");
    expect(after[1]!.text).not.toContain("Accueil de jour");
    expect((await rowsOf(user.id)).every((n) => n.emailedAt !== null)).toBe(true);
  });

  it("never mails what was read, nor anyone deactivated, nor when nothing is new", async () => {
    const reader = await createUser(db);
    await notify(db, reader.id);
    await db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.userId, reader.id));
    const gone = await createUser(db);
    await notify(db, gone.id);
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, gone.id));
    const quiet = await createUser(db);

    await sendDueDigests(db, soon());
    expect(sink.to(reader.email)).toHaveLength(0);
    expect(sink.to(gone.email)).toHaveLength(0);
    expect(sink.to(quiet.email)).toHaveLength(0);
    expect(await lastDigestAt(reader.id)).toBeNull();
    expect(await lastDigestAt(quiet.id)).toBeNull();
  });

  it("lists at most 20 items one by one and counts the others", async () => {
    const busy = await createUser(db);
    for (let i = 0; i < DIGEST_MAX_ITEMS + 3; i++) await notify(db, busy.id, { message: `Élément ${i + 1}.` });
    await sendDueDigests(db, soon());
    const [mail] = sink.to(busy.email);
    expect(mail!.subject).toBe(`Élément 1 (et ${DIGEST_MAX_ITEMS + 2} autres notifications)`);
    expect(mail!.text).toContain(`- Élément ${DIGEST_MAX_ITEMS}.`);
    expect(mail!.text).not.toContain(`- Élément ${DIGEST_MAX_ITEMS + 1}.`);
    expect(mail!.text).toContain("… et 3 autres notifications.");
    expect((await rowsOf(busy.id)).every((n) => n.emailedAt !== null)).toBe(true);
  });
});

describe("email turned off for a kind", () => {
  it("is never mailed, not even after the kind is turned back on; new ones are", async () => {
    const member = await createUser(db);
    const { createCouncil } = await import("@/db/factories");
    const { councilMemberships } = await import("@/db/schema");
    const council = await createCouncil(db);
    await db.insert(councilMemberships).values({ councilId: council.id, userId: member.id, role: "member" });
    const actor = await reload(db, member.id);

    // Everything but « answered ».
    const off = await setNotificationPreferences(db, actor, {
      shown: [...notificationKinds],
      email: ["contribution_approved", "contribution_rejected", "contribution_hidden", "contribution_supported"],
    });
    expect(off.ok).toBe(true);
    await notify(db, member.id, { kind: "contribution_answered", message: "La Ville a répondu (courriel coupé)." });
    await sendDueDigests(db, soon());
    expect(sink.to(member.email)).toHaveLength(0);
    // Nothing was claimed: the next notification of a kind that is on is mailed at once.
    expect(await lastDigestAt(member.id)).toBeNull();

    // Back on: what came while it was off is settled, never mailed.
    await setNotificationPreferences(db, actor, {
      shown: [...notificationKinds],
      email: ["contribution_approved", "contribution_rejected", "contribution_hidden", "contribution_supported", "contribution_answered"],
    });
    await sendDueDigests(db, soon());
    expect(sink.to(member.email)).toHaveLength(0);

    await notify(db, member.id, { kind: "contribution_answered", message: "La Ville a répondu (courriel rétabli)." });
    await sendDueDigests(db, soon());
    const mails = sink.to(member.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("courriel rétabli");
    expect(mails[0]!.text).not.toContain("courriel coupé");
  });
});

describe("when the mail fails", () => {
  it("undoes the claim and leaves the notifications unmailed, so the next run sends them", async () => {
    const user = await createUser(db);
    const earlier = new Date(Date.now() - hours(30));
    await db.update(users).set({ lastDigestAt: earlier }).where(eq(users.id, user.id));
    await notify(db, user.id, { message: "Une notification à retenter." });
    sink.refuse = (address) => address === user.email;
    const failed = soon();
    await sendDueDigests(db, failed);
    expect(sink.to(user.email)).toHaveLength(0);
    expect((await lastDigestAt(user.id))?.getTime()).toBe(earlier.getTime());
    expect((await rowsOf(user.id))[0]!.emailedAt).toBeNull();

    sink.refuse = () => false;
    await sendDueDigests(db, at(failed, 10 * 60 * 1000));
    const mails = sink.to(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("Une notification à retenter.");
    expect((await rowsOf(user.id))[0]!.emailedAt).not.toBeNull();
  });
});

describe("requestDigests", () => {
  it("never throws, coalesces calls made together and sends after the caller's commit", async () => {
    const user = await createUser(db);
    await notify(db, user.id, { message: "Annoncée par requestDigests." });
    for (let i = 0; i < 10; i++) expect(() => requestDigests(db)).not.toThrow();
    await digestsSettled();
    expect(sink.to(user.email)).toHaveLength(1);
  });

  it("survives a broken database (logs, does not throw)", async () => {
    const broken = {
      selectDistinct() {
        throw new Error("base indisponible (test)");
      },
    } as unknown as Db;
    expect(() => requestDigests(broken)).not.toThrow();
    await digestsSettled();
  });
});

describe.runIf(onPostgres)("on PostgreSQL, runs at the same time", () => {
  it("two processes (separate connection pools) running 8 times each at once: one digest per person", async () => {
    const people = await Promise.all(Array.from({ length: 12 }, () => createUser(db)));
    for (const p of people) await notify(db, p.id, { message: `Course ${p.id}.` });
    const other = await testDb.open();
    try {
      const now = soon();
      const runs = await Promise.all(Array.from({ length: 16 }, (_, i) => sendDueDigests(i % 2 === 0 ? db : other.db, now)));
      expect(runs.reduce((sum, r) => sum + r.sent, 0)).toBeGreaterThanOrEqual(people.length);
      for (const p of people) expect(sink.to(p.email)).toHaveLength(1);
      const pending = await db
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          and(
            inArray(
              notifications.userId,
              people.map((p) => p.id),
            ),
            isNull(notifications.emailedAt),
          ),
        );
      expect(pending).toHaveLength(0);
    } finally {
      await other.close();
    }
  });
});
