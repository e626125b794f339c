import "server-only";
import { and, asc, count, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  actions,
  auditLog,
  contributionComments,
  contributionReports,
  contributionSupports,
  contributions,
  councilMemberships,
  councils,
  notifications,
  users,
} from "@/db/schema";
import { forbidden, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";

/*
 * « Mes données » (RGPD art. 15 and 20): what the app holds about the signed-in person, read with
 * their id only — never an id from the request. The page shows counts and the latest rows of each
 * list; the export writes every row, section after section and page after page, so that its
 * memory stays bounded whatever the person's history. Never the password hash nor token hashes.
 */

export const RECENT_ROWS = 20;
const EXPORT_PAGE = 500;

type Row = Record<string, unknown> & { id: number };

interface Section {
  key: "contributions" | "comments" | "reports" | "supports" | "notifications" | "journal";
  count(db: Db, userId: number): Promise<number>;
  /** Newest first; `before` is the last id of the previous page (keyset). */
  page(db: Db, userId: number, limit: number, before?: number): Promise<Row[]>;
}

const countOf = async (query: Promise<{ n: number }[]>) => Number((await query)[0]?.n ?? 0);

const byMe = (userId: number) => or(eq(contributions.authorId, userId), eq(contributions.submittedById, userId))!;
/** Journal rows the person wrote, and those about their account (roles, deactivation…). */
const myJournal = (userId: number) =>
  or(eq(auditLog.actorUserId, userId), and(eq(auditLog.targetType, "user"), eq(auditLog.targetId, String(userId))))!;

const sections: Section[] = [
  {
    key: "contributions",
    count: (db, userId) => countOf(db.select({ n: count() }).from(contributions).where(byMe(userId))),
    page: (db, userId, limit, before) =>
      db
        .select({
          id: contributions.id,
          kind: contributions.kind,
          status: contributions.status,
          position: contributions.position,
          title: contributions.title,
          body: contributions.body,
          council: councils.name,
          action: actions.title,
          writtenByYou: sql<boolean>`${contributions.authorId} is not distinct from ${userId}`,
          submittedByYou: sql<boolean>`${contributions.submittedById} is not distinct from ${userId}`,
          createdAt: contributions.createdAt,
          submittedAt: contributions.submittedAt,
          publishedAt: contributions.publishedAt,
          rejectionReason: contributions.rejectionReason,
          hiddenReason: contributions.hiddenReason,
        })
        .from(contributions)
        .innerJoin(councils, eq(councils.id, contributions.councilId))
        .innerJoin(actions, eq(actions.id, contributions.actionId))
        .where(and(byMe(userId), before === undefined ? undefined : lt(contributions.id, before)))
        .orderBy(desc(contributions.id))
        .limit(limit),
  },
  {
    key: "comments",
    count: (db, userId) => countOf(db.select({ n: count() }).from(contributionComments).where(eq(contributionComments.authorId, userId))),
    page: (db, userId, limit, before) =>
      db
        .select({
          id: contributionComments.id,
          contributionId: contributionComments.contributionId,
          body: contributionComments.body,
          createdAt: contributionComments.createdAt,
        })
        .from(contributionComments)
        .where(and(eq(contributionComments.authorId, userId), before === undefined ? undefined : lt(contributionComments.id, before)))
        .orderBy(desc(contributionComments.id))
        .limit(limit),
  },
  {
    key: "reports",
    count: (db, userId) => countOf(db.select({ n: count() }).from(contributionReports).where(eq(contributionReports.reporterId, userId))),
    page: (db, userId, limit, before) =>
      db
        .select({
          id: contributionReports.id,
          contributionId: contributionReports.contributionId,
          reason: contributionReports.reason,
          createdAt: contributionReports.createdAt,
          resolvedAt: contributionReports.resolvedAt,
        })
        .from(contributionReports)
        .where(and(eq(contributionReports.reporterId, userId), before === undefined ? undefined : lt(contributionReports.id, before)))
        .orderBy(desc(contributionReports.id))
        .limit(limit),
  },
  {
    // A support is the council's, given by one member: keyed by the proposal (one per council and
    // proposal; a person in two councils may give two, which share a proposal id — hence the
    // composite key in the id below, councils never reaching a million).
    key: "supports",
    count: (db, userId) => countOf(db.select({ n: count() }).from(contributionSupports).where(eq(contributionSupports.userId, userId))),
    page: (db, userId, limit, before) =>
      db
        .select({
          id: sql<number>`(${contributionSupports.contributionId}::bigint * 1000000 + ${contributionSupports.councilId})::float8`.mapWith(
            Number,
          ),
          contributionId: contributionSupports.contributionId,
          council: councils.name,
          createdAt: contributionSupports.createdAt,
        })
        .from(contributionSupports)
        .innerJoin(councils, eq(councils.id, contributionSupports.councilId))
        .where(
          and(
            eq(contributionSupports.userId, userId),
            before === undefined
              ? undefined
              : sql`(${contributionSupports.contributionId}::bigint * 1000000 + ${contributionSupports.councilId}) < ${before}`,
          ),
        )
        .orderBy(desc(contributionSupports.contributionId), desc(contributionSupports.councilId))
        .limit(limit),
  },
  {
    key: "notifications",
    count: (db, userId) => countOf(db.select({ n: count() }).from(notifications).where(eq(notifications.userId, userId))),
    page: (db, userId, limit, before) =>
      db
        .select({
          id: notifications.id,
          kind: notifications.kind,
          message: notifications.message,
          link: notifications.link,
          createdAt: notifications.createdAt,
          readAt: notifications.readAt,
          emailedAt: notifications.emailedAt,
        })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), before === undefined ? undefined : lt(notifications.id, before)))
        .orderBy(desc(notifications.id))
        .limit(limit),
  },
  {
    key: "journal",
    count: (db, userId) => countOf(db.select({ n: count() }).from(auditLog).where(myJournal(userId))),
    page: (db, userId, limit, before) =>
      db
        .select({
          id: auditLog.id,
          action: auditLog.action,
          byYou: sql<boolean>`${auditLog.actorUserId} is not distinct from ${userId}`,
          targetType: auditLog.targetType,
          targetId: auditLog.targetId,
          council: councils.name,
          reason: auditLog.reason,
          // What someone else did about the account: that it happened and why, not the details of
          // their work (which may name other people).
          details: sql<Record<
            string,
            unknown
          > | null>`case when ${auditLog.actorUserId} is not distinct from ${userId} then ${auditLog.details} end`,
          createdAt: auditLog.createdAt,
        })
        .from(auditLog)
        .leftJoin(councils, eq(councils.id, auditLog.councilId))
        .where(and(myJournal(userId), before === undefined ? undefined : lt(auditLog.id, before)))
        .orderBy(desc(auditLog.id))
        .limit(limit),
  },
];

export type SectionKey = Section["key"];

async function account(db: Db, userId: number) {
  const [row] = await db
    .select({
      email: users.email,
      displayName: users.displayName,
      title: users.title,
      isModerator: users.isModerator,
      isOfficial: users.isOfficial,
      isAdmin: users.isAdmin,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

const memberships = (db: Db, userId: number) =>
  db
    .select({
      council: councils.name,
      slug: councils.slug,
      role: councilMemberships.role,
      nameShownPublicly: councilMemberships.showNamePublicly,
      since: councilMemberships.createdAt,
    })
    .from(councilMemberships)
    .innerJoin(councils, eq(councils.id, councilMemberships.councilId))
    .where(eq(councilMemberships.userId, userId))
    .orderBy(asc(councils.name));

export interface MyDataSummary {
  account: NonNullable<Awaited<ReturnType<typeof account>>>;
  memberships: Awaited<ReturnType<typeof memberships>>;
  lists: Record<SectionKey, { total: number; recent: Row[] }>;
}

/** What the page shows: the account, the memberships, and for each list its size and latest rows. */
export async function loadMyData(db: Db, actor: MaybeActor): Promise<ActionResult<MyDataSummary>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "account.data.view", { targetUserId: actor.id })) return forbidden();
  const [me, mine, ...lists] = await Promise.all([
    account(db, actor.id),
    memberships(db, actor.id),
    ...sections.map(async (s) => [s.key, { total: await s.count(db, actor.id), recent: await s.page(db, actor.id, RECENT_ROWS) }] as const),
  ]);
  if (!me) return unauthenticated();
  return ok({ account: me, memberships: mine, lists: Object.fromEntries(lists) as MyDataSummary["lists"] });
}

/**
 * The whole export as JSON text, piece by piece: one object, each list written page by page.
 * The caller has checked the actor; `userId` is always the signed-in person's.
 */
export async function* exportMyData(db: Db, userId: number, now = new Date()): AsyncGenerator<string> {
  const me = await account(db, userId);
  if (!me) return;
  yield `{"exportedAt":${JSON.stringify(now)},"account":${JSON.stringify(me)},"memberships":${JSON.stringify(await memberships(db, userId))}`;
  for (const section of sections) {
    yield `,${JSON.stringify(section.key)}:[`;
    let before: number | undefined;
    let first = true;
    for (;;) {
      const rows = await section.page(db, userId, EXPORT_PAGE, before);
      for (const row of rows) {
        const out = section.key === "supports" ? (({ id: _id, ...rest }) => rest)(row) : row;
        yield (first ? "" : ",") + JSON.stringify(out);
        first = false;
      }
      if (rows.length < EXPORT_PAGE) break;
      before = rows[rows.length - 1]!.id;
    }
    yield "]";
  }
  yield "}\n";
}
