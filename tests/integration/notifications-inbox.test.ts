import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { notificationPreferences, notifications } from "@/db/schema";
import {
  memberNotificationKinds,
  moderatorNotificationKinds,
  notificationPreferencesSchema,
  type NotificationKindName,
  notificationKinds,
} from "@/lib/validation/settings";
import { loadAttention } from "@/server/account/attention";
import {
  listMyNotifications,
  markAllNotificationsRead,
  NOTIFICATIONS_PAGE_SIZE,
  openNotification,
  safeNotificationLink,
} from "@/server/notifications/inbox";
import { getNotificationPreferences, setNotificationPreferences } from "@/server/notifications/preferences";
import { createCast, matrixRoles, type Cast } from "../support/actors";
import { auditCount } from "../support/db-snapshot";
import { submitForm } from "../support/forms";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { refusalCode } from "./contributions-helpers";
import { notify } from "./notifications-helpers";

/*
 * My notifications: the list (newest first, 20 a page), opening one (only mine; marks it read),
 * « tout marquer comme lu », the account bar's unread count, and the email preferences per kind.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
beforeAll(async () => {
  testDb = await createTestDatabase("notif_inbox");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
});
afterAll(() => testDb.drop());

const snapshot = async () => ({
  notifications: await db.select().from(notifications).orderBy(asc(notifications.id)),
  preferences: await db
    .select()
    .from(notificationPreferences)
    .orderBy(asc(notificationPreferences.userId), asc(notificationPreferences.kind)),
});

describe("my notifications", () => {
  it("newest first, 20 a page, with the unread count; never anyone else's", async () => {
    const me = cast.actors.memberOfA!;
    for (let i = 1; i <= 23; i++) {
      await notify(db, me.id, { message: `Notification ${i}` });
      await db
        .update(notifications)
        .set({ createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)) })
        .where(eq(notifications.message, `Notification ${i}`));
    }
    await notify(db, cast.userIds.memberOfB, { message: "Celle d'un autre" });

    const page1 = await listMyNotifications(db, me, {});
    if (!page1.ok) throw new Error(page1.message);
    expect(page1.data).toMatchObject({ page: 1, pageCount: 2, total: 23, unread: 23 });
    expect(page1.data.rows).toHaveLength(NOTIFICATIONS_PAGE_SIZE);
    expect(page1.data.rows[0]!.message).toBe("Notification 23");
    expect(page1.data.rows.every((r) => !r.read)).toBe(true);
    const page2 = await listMyNotifications(db, me, { page: "2" });
    expect(page2.ok).toBe(true);
    if (!page2.ok) return;
    expect(page2.data.rows.map((r) => r.message)).toEqual(["Notification 3", "Notification 2", "Notification 1"]);
    // Odd pages fall back to a real one.
    const odd = await listMyNotifications(db, me, { page: "99" });
    expect(odd.ok && odd.data.page).toBe(2);
    const junk = await listMyNotifications(db, me, { page: "-1'; drop table users" });
    expect(junk.ok && junk.data.page).toBe(1);
    expect(page1.data.rows.concat(page2.data.rows).some((r) => r.message === "Celle d'un autre")).toBe(false);

    expect(await listMyNotifications(db, null, {})).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });

  it("opening one marks it read and gives its link; the account bar's count follows", async () => {
    const me = cast.actors.referentOfA!;
    await notify(db, me.id, { message: "À ouvrir", link: "/fiches/accueil-de-jour#contribution-3" });
    await notify(db, me.id, { message: "Une autre" });
    expect((await loadAttention(db, me)).unread).toBe(2);
    const [row] = await db.select().from(notifications).where(eq(notifications.message, "À ouvrir"));

    // Written before the permalink existed: it now goes through it, to the page where the card is today.
    const opened = await openNotification(db, me, String(row!.id));
    expect(opened).toMatchObject({ ok: true, data: { link: "/fiches/accueil-de-jour/contribution/3" } });
    expect((await loadAttention(db, me)).unread).toBe(1);
    const [after] = await db.select().from(notifications).where(eq(notifications.id, row!.id));
    expect(after!.readAt).not.toBeNull();
    // Opening it again keeps the first reading time.
    await openNotification(db, me, row!.id);
    const [again] = await db.select().from(notifications).where(eq(notifications.id, row!.id));
    expect(again!.readAt).toEqual(after!.readAt);

    const marked = await markAllNotificationsRead(db, me);
    expect(marked).toMatchObject({ ok: true, data: { marked: 1 } });
    expect((await loadAttention(db, me)).unread).toBe(0);
    expect(await markAllNotificationsRead(db, me)).toMatchObject({ ok: true, data: { marked: 0 } });
  });

  it("nobody opens or marks someone else's: « not found », nothing changes", async () => {
    await notify(db, cast.userIds.memberOfB, { message: "Privée de B" });
    const [row] = await db.select().from(notifications).where(eq(notifications.message, "Privée de B"));
    for (const role of matrixRoles) {
      if (role === "memberOfB") continue;
      const before = await snapshot();
      const result = await openNotification(db, cast.actors[role], row!.id);
      expect(result).toMatchObject({ ok: false, code: role === "anonymous" || role === "deactivated" ? refusalCode(role) : "NOT_FOUND" });
      await markAllNotificationsRead(db, cast.actors[role]);
      const after = await snapshot();
      expect(after.notifications.find((n) => n.id === row!.id)).toEqual(before.notifications.find((n) => n.id === row!.id));
    }
    for (const bad of ["0", "-3", "abc", "1e3", "99999999999", ""]) {
      expect(await openNotification(db, cast.actors.memberOfB, bad)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
  });

  it("a link is always a path on this site", () => {
    expect(safeNotificationLink("/fiches/x#c-1")).toBe("/fiches/x#c-1");
    for (const bad of [
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "fiches/x",
      "/a b",
      "/.//evil.example/",
      "/%2e//evil.example",
      "/..//evil.example",
    ]) {
      expect(safeNotificationLink(bad)).toBe("/espace/notifications");
    }
  });
});

describe("email preferences, as each role", () => {
  const expected: Record<string, readonly NotificationKindName[]> = {
    memberOfA: memberNotificationKinds,
    referentOfA: memberNotificationKinds,
    memberOfB: memberNotificationKinds,
    moderator: moderatorNotificationKinds,
    official: [],
    admin: [],
    // Staff who are members of A get both: their council's news, and the moderation's.
    moderatorOfA: [...memberNotificationKinds, ...moderatorNotificationKinds],
    officialOfA: memberNotificationKinds,
  };
  for (const role of matrixRoles) {
    it(`${role}: ${role in expected ? `sees ${expected[role]!.length} kinds, saves their own only, no journal row` : "refused, nothing changes"}`, async () => {
      const actor = cast.actors[role];
      if (!(role in expected)) {
        const before = await snapshot();
        expect(await getNotificationPreferences(db, actor)).toMatchObject({ ok: false, code: refusalCode(role) });
        expect(await setNotificationPreferences(db, actor, { shown: [...notificationKinds], email: [] })).toMatchObject({
          ok: false,
          code: refusalCode(role),
        });
        expect(await snapshot()).toEqual(before);
        return;
      }
      const kinds = expected[role]!;
      const shown = await getNotificationPreferences(db, actor);
      expect(shown).toEqual({ ok: true, data: kinds.map((kind) => ({ kind, email: true })) });
      const audit = await auditCount(db);
      // Everything off but the first kind (if any); a kind that is not theirs is ignored.
      const saved = await setNotificationPreferences(db, actor, {
        shown: [...notificationKinds],
        email: [...kinds.slice(0, 1), "moderation_reported", "contribution_supported"],
      });
      expect(saved.ok).toBe(true);
      const mine = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, actor!.id));
      expect(mine.map((p) => p.kind).sort()).toEqual([...kinds].sort());
      const again = await getNotificationPreferences(db, actor);
      if (!again.ok) throw new Error(again.message);
      for (const p of again.data) {
        const wanted = p.kind === kinds[0] || p.kind === "moderation_reported" || p.kind === "contribution_supported";
        expect(p.email).toBe(wanted);
      }
      expect(await auditCount(db)).toBe(audit);
    });
  }

  it("refuses unknown kinds with a French message and changes nothing", async () => {
    const before = await snapshot();
    const actor = cast.actors.memberOfA;
    const result = await submitForm(
      db,
      actor,
      notificationPreferencesSchema,
      { shown: [...notificationKinds], email: ["contribution_approved", "<script>"] },
      (input) => setNotificationPreferences(db, actor, input),
    );
    expect(result).toMatchObject({ ok: false, code: "VALIDATION_FAILED", fieldErrors: { "email.1": ["Type de notification inconnu."] } });
    expect(await snapshot()).toEqual(before);
  });
});
