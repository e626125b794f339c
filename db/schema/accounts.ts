import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { councils } from "./councils";
import { isDemo } from "./columns";

export const councilRole = pgEnum("council_role", ["member", "referent"]);
export const invitationKind = pgEnum("invitation_kind", ["staff", "council"]);

/**
 * A person who can sign in. Global roles combine; council roles live in `councilMemberships`.
 * `sessionVersion` is copied into the session token at sign-in and checked on every request:
 * bumping it signs the person out everywhere at once.
 */
export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    /** Stored lower-cased and trimmed. */
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    /** Shown with an official's answers later (« adjointe au maire chargée des solidarités »). */
    title: text("title"),
    passwordHash: text("password_hash").notNull(),
    isModerator: boolean("is_moderator").notNull().default(false),
    isOfficial: boolean("is_official").notNull().default(false),
    isAdmin: boolean("is_admin").notNull().default(false),
    sessionVersion: integer("session_version").notNull().default(0),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    /**
     * Set when the account was erased (RGPD art. 17): the row stays, emptied of personal data, so
     * that published contributions and journal rows keep pointing somewhere (« Ancien membre du
     * conseil … », « personne supprimée n°… ») without the old e-mail or name existing anywhere.
     */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    isDemo: isDemo(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    /** The last notification digest mailed: at most one a day. */
    lastDigestAt: timestamp("last_digest_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("users_email").on(t.email)],
);

export const councilMemberships = pgTable(
  "council_memberships",
  {
    councilId: integer("council_id")
      .notNull()
      .references(() => councils.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: councilRole("role").notNull().default("member"),
    /** A member's name is public only if they chose so. */
    showNamePublicly: boolean("show_name_publicly").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.councilId, t.userId] }), index("council_memberships_user").on(t.userId)],
);

/** One-time invitation links. Only a hash of the token is stored. */
export const invitations = pgTable(
  "invitations",
  {
    id: serial("id").primaryKey(),
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    kind: invitationKind("kind").notNull(),
    grantModerator: boolean("grant_moderator").notNull().default(false),
    grantOfficial: boolean("grant_official").notNull().default(false),
    grantAdmin: boolean("grant_admin").notNull().default(false),
    councilId: integer("council_id").references(() => councils.id, { onDelete: "cascade" }),
    councilRole: councilRole("council_role"),
    /** A staff invitation's title (« Adjointe à l'action sociale »), given to the account when it is accepted. */
    title: text("title"),
    invitedById: integer("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedUserId: integer("accepted_user_id").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("invitations_token_hash").on(t.tokenHash),
    index("invitations_council_pending")
      .on(t.councilId)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);

/** One-time password reset links (1 hour). Only a hash of the token is stored. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: serial("id").primaryKey(),
    tokenHash: text("token_hash").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("password_reset_tokens_token_hash").on(t.tokenHash)],
);

/** The journal: who did what, when and why. Written in the same transaction as the change. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Null for the system (seed, automatic actions). */
    actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    councilId: integer("council_id").references(() => councils.id, { onDelete: "set null" }),
    reason: text("reason"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The journal (/admin/journal), newest first page by page (keyset on created_at, id), whole or
    // filtered by action or by council: each read stops after one page, whatever the journal holds.
    // NULLS FIRST as in `order by … desc` (PostgreSQL's default): otherwise the index gives no order.
    index("audit_log_created").on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("audit_log_action_created").on(t.action, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("audit_log_council_created").on(t.councilId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("audit_log_target").on(t.targetType, t.targetId),
    index("audit_log_actor").on(t.actorUserId, t.createdAt),
  ],
);

/**
 * Sign-in throttling, per account and per client address: after 5 failures each new failure
 * doubles the wait (capped), and the count fades after a quiet day — nobody is locked out for good.
 */
export const signInThrottles = pgTable("sign_in_throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull().defaultNow(),
  blockedUntil: timestamp("blocked_until", { withTimezone: true }),
});

/**
 * Sessions ended by « Se déconnecter » before their cookie expires. A session is a signed cookie
 * (next-auth's JWT) that the server cannot delete from a browser: a copy of it must still be
 * refused, so its id is kept here until the day it would have expired anyway.
 */
export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sessionId: text("session_id").primaryKey(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("revoked_sessions_expires_at_idx").on(t.expiresAt)],
);
