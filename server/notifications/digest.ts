import "server-only";
import { type MailIdentity, siteNameOf } from "@/lib/city-identity";
import { getCityIdentity } from "@/server/settings/platform-settings";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notificationPreferences, notifications, users } from "@/db/schema";
import { pluralize } from "@/lib/labels";
import { env, siteOrigin } from "@/lib/env";
import { sendMail, type OutgoingMail } from "@/server/mail/send";
import { digestSubject } from "@/lib/mail-subject";
import { rowsOf } from "@/db/rows";

/*
 * The email digest: at most one mail a day per person, listing their unread notifications that
 * were not mailed yet, of the kinds they receive by email.
 *
 * - The first notification after a quiet day is mailed at once (requestDigests after the commit
 *   that wrote it); the next ones wait until 24 h after that mail, when the periodic run
 *   (startDigestSchedule, every 10 minutes in the running server) sends them in one digest.
 * - A person is « claimed » with a conditional UPDATE of users.last_digest_at before the mail is
 *   sent: two runs at once (two requests, two server processes) never mail the same person twice.
 *   If the mail fails, the claim is undone, so the next run tries again; nothing is marked mailed.
 * - emailed_at means « settled by the digest »: mailed, or — when a person turns a kind's email
 *   back on — created while that kind's email was off (see setNotificationPreferences). So a
 *   notification of a kind whose email is off is never mailed, not even later.
 */

export const DIGEST_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** How many notifications a digest lists one by one; the rest are counted. */
export const DIGEST_MAX_ITEMS = 20;

/** Unread, not yet mailed, and of a kind whose email this person did not turn off. */
const mailable = and(
  isNull(notifications.readAt),
  isNull(notifications.emailedAt),
  sql`not exists (select 1 from ${notificationPreferences} where ${notificationPreferences.userId} = ${notifications.userId} and ${notificationPreferences.kind} = ${notifications.kind} and ${notificationPreferences.email} = false)`,
);

interface Recipient {
  id: number;
  email: string;
  displayName: string;
  previous: Date | null;
}

/**
 * Takes this person's digest for `now` if it is due: one statement that locks the row, re-checks
 * the 24 h rule and sets last_digest_at. Under a race the second statement waits for the first,
 * re-reads the row and finds it no longer due. Returns the previous value, to undo on failure.
 */
async function claim(db: Db, userId: number, now: Date): Promise<Recipient | null> {
  const cutoff = new Date(now.getTime() - DIGEST_INTERVAL_MS);
  type Row = { id: number; email: string; display_name: string; previous: string | Date | null };
  const result: unknown = await db.execute(sql`
    with due as (
      select ${users.id} as id, ${users.lastDigestAt} as previous from ${users}
      where ${users.id} = ${userId} and ${users.deactivatedAt} is null
        and (${users.lastDigestAt} is null or ${users.lastDigestAt} <= ${cutoff.toISOString()}::timestamptz)
      for update
    )
    update ${users} set last_digest_at = ${now.toISOString()}::timestamptz
    from due where ${users.id} = due.id
    returning ${users.id} as id, ${users.email} as email, ${users.displayName} as display_name, due.previous as previous`);
  const row = rowsOf<Row>(result)[0];
  if (!row) return null;
  return {
    id: Number(row.id),
    email: row.email,
    displayName: row.display_name,
    previous: row.previous === null ? null : new Date(row.previous),
  };
}

/** Gives the claim back (only if nobody changed it since): the next run will try again. */
async function unclaim(db: Db, recipient: Recipient, now: Date): Promise<void> {
  await db
    .update(users)
    .set({ lastDigestAt: recipient.previous })
    .where(and(eq(users.id, recipient.id), eq(users.lastDigestAt, now)));
}

export interface DigestItem {
  id: number;
  message: string;
}

/** The digest mail: plain text, in French, with absolute links to this site. */
export function digestMail(
  recipient: { email: string; displayName: string },
  items: DigestItem[],
  identity: MailIdentity,
  origin = siteOrigin(),
): OutgoingMail {
  const site = siteNameOf(identity);
  const shown = items.slice(0, DIGEST_MAX_ITEMS);
  const more = items.length - shown.length;
  const lines = [
    `Bonjour ${recipient.displayName},`,
    "",
    items.length === 1
      ? `Voici une nouvelle notification sur « ${site} » :`
      : `Voici ${items.length} nouvelles notifications sur « ${site} » :`,
    "",
    ...shown.flatMap((item) => [`- ${item.message.replace(/\s+/g, " ").trim()}`, `  ${origin}/espace/notifications/${item.id}`, ""]),
    ...(more > 0 ? [`… et ${pluralize(more, "autre notification", "autres notifications")}.`, ""] : []),
    "Toutes vos notifications :",
    `${origin}/espace/notifications`,
    "",
    "Vous recevez au plus un courriel par jour : les notifications suivantes attendront le prochain.",
    "Pour choisir les courriels que vous recevez, ou ne plus en recevoir :",
    `${origin}/espace/notifications/preferences`,
    "",
    `— ${identity.cityName}, ${identity.serviceName.toLowerCase()}`,
  ];
  return {
    to: recipient.email,
    subject: digestSubject(items.map((item) => item.message)),
    text: lines.join("\n"),
  };
}

/** One person's digest, once claimed: mail, then mark mailed; on failure, undo the claim. */
async function sendOne(db: Db, recipient: Recipient, now: Date): Promise<boolean> {
  const items = await db
    .select({ id: notifications.id, message: notifications.message })
    .from(notifications)
    .where(and(eq(notifications.userId, recipient.id), mailable))
    .orderBy(asc(notifications.createdAt), asc(notifications.id));
  if (items.length === 0) {
    // Read in the meantime: no mail, and the next notification may be mailed at once.
    await unclaim(db, recipient, now);
    return false;
  }
  try {
    await sendMail(digestMail(recipient, items, await getCityIdentity(db)));
  } catch (error) {
    console.error(
      `[courriel] résumé des notifications non envoyé (compte ${recipient.id}) : ${error instanceof Error ? error.message : String(error)}`,
    );
    await unclaim(db, recipient, now);
    return false;
  }
  await db
    .update(notifications)
    .set({ emailedAt: now })
    .where(
      and(
        eq(notifications.userId, recipient.id),
        isNull(notifications.emailedAt),
        inArray(
          notifications.id,
          items.map((i) => i.id),
        ),
      ),
    );
  return true;
}

/** Mails every person whose digest is due (unread, not-yet-emailed notifications; at most one mail a day). */
export async function sendDueDigests(db: Db, now: Date = new Date()): Promise<{ sent: number }> {
  const cutoff = new Date(now.getTime() - DIGEST_INTERVAL_MS);
  const due = await db
    .selectDistinct({ id: users.id })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(
      and(
        mailable,
        isNull(users.deactivatedAt),
        sql`(${users.lastDigestAt} is null or ${users.lastDigestAt} <= ${cutoff.toISOString()}::timestamptz)`,
      ),
    )
    .orderBy(asc(users.id));
  let sent = 0;
  for (const { id } of due) {
    const recipient = await claim(db, id, now);
    if (recipient && (await sendOne(db, recipient, now))) sent++;
  }
  return { sent };
}

/*
 * In-process coalescing: while a run is going, further requests only ask for one more run after
 * it (the notifications they wrote may have been committed after the running query read).
 */
const state = globalThis as unknown as { __pscDigestRun?: Promise<void> | null; __pscDigestAgain?: boolean; __pscDigestDb?: Db };

/** Fire-and-forget after a commit that wrote notifications: never throws, never delays the caller. */
export function requestDigests(db: Db): void {
  try {
    // In the test runner, only where a mail server is set (the digest's own tests): other tests'
    // rows are never changed behind their back by a background run.
    const e = env();
    if (e.NODE_ENV === "test" && !e.SMTP_URL) return;
    // The latest database asked for (one per process in the app; tests may switch).
    state.__pscDigestDb = db;
    if (state.__pscDigestRun) {
      state.__pscDigestAgain = true;
      return;
    }
    state.__pscDigestAgain = false;
    state.__pscDigestRun = (async () => {
      // Let the caller finish (and more requests gather) before reading.
      await new Promise((resolve) => setTimeout(resolve, 50));
      do {
        state.__pscDigestAgain = false;
        try {
          await sendDueDigests(state.__pscDigestDb ?? db);
        } catch (error) {
          console.error(
            `[courriel] envoi des résumés de notifications impossible : ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      } while (state.__pscDigestAgain);
    })().finally(() => {
      state.__pscDigestRun = null;
    });
  } catch {
    // Never throws: the periodic run catches up.
  }
}

/** Tests: resolves when the runs started by requestDigests are over. */
export async function digestsSettled(): Promise<void> {
  while (state.__pscDigestRun) await state.__pscDigestRun;
}

export const DIGEST_PERIOD_MS = 10 * 60 * 1000;

/**
 * The periodic run (instrumentation.ts, in the running server only): sends the digests that
 * became due since (the 24 h of a person's last digest are over). Unref'd: it never keeps a
 * process alive. Started once per process.
 */
const timers = globalThis as unknown as {
  __pscDigestTimer?: ReturnType<typeof setInterval>;
  __pscDigestFirstRun?: ReturnType<typeof setTimeout>;
};

export function startDigestSchedule(db: Db, periodMs = DIGEST_PERIOD_MS): void {
  if (timers.__pscDigestTimer) return;
  timers.__pscDigestTimer = setInterval(() => requestDigests(db), periodMs);
  timers.__pscDigestTimer.unref?.();
  // Once soon after start: what became due while the server was down.
  timers.__pscDigestFirstRun = setTimeout(() => requestDigests(db), 30_000);
  timers.__pscDigestFirstRun.unref?.();
}

/**
 * At shutdown (ops/server.mjs, before the database is closed): no new run starts; a run under way
 * is waited for (unless the stop is forced), so that no digest is cut between its mail and its record.
 */
export async function stopDigestSchedule(options: { wait: boolean } = { wait: true }): Promise<void> {
  clearInterval(timers.__pscDigestTimer);
  clearTimeout(timers.__pscDigestFirstRun);
  timers.__pscDigestTimer = timers.__pscDigestFirstRun = undefined;
  if (options.wait) await digestsSettled();
}
