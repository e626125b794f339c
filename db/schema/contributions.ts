import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { councils } from "./councils";
import { actions } from "./plan";

export const contributionKind = pgEnum("contribution_kind", ["feedback", "proposal"]);
export const contributionPosition = pgEnum("contribution_position", ["favorable", "favorable_with_reservations", "unfavorable"]);
export const contributionStatus = pgEnum("contribution_status", ["draft", "pending", "published", "rejected", "hidden"]);

/**
 * An avis (feedback: a position and its reasons) or a proposition (proposal: a title and a text)
 * of a council on a fiche action. Life: draft → pending → published | rejected; published → hidden.
 * Only `published` rows are ever public (server/plan/queries.ts filters them in one place).
 */
export const contributions = pgTable(
  "contributions",
  {
    id: serial("id").primaryKey(),
    councilId: integer("council_id").notNull().references(() => councils.id, { onDelete: "cascade" }),
    actionId: integer("action_id").notNull().references(() => actions.id, { onDelete: "cascade" }),
    kind: contributionKind("kind").notNull(),
    position: contributionPosition("position"),
    title: text("title"),
    body: text("body").notNull(),
    status: contributionStatus("status").notNull().default("draft"),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    submittedById: integer("submitted_by_id").references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    decidedById: integer("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    rejectionReason: text("rejection_reason"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** Generated once per form render: the same form submitted twice creates one contribution. */
    clientRequestId: text("client_request_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("contributions_client_request_id").on(t.clientRequestId),
    index("contributions_action_published").on(t.actionId, t.publishedAt).where(sql`${t.status} = 'published'`),
    index("contributions_pending").on(t.submittedAt).where(sql`${t.status} = 'pending'`),
    index("contributions_council").on(t.councilId, t.createdAt),
    check(
      "contributions_kind_fields",
      sql`(${t.kind} = 'feedback' and ${t.position} is not null and ${t.title} is null) or (${t.kind} = 'proposal' and ${t.position} is null and ${t.title} is not null)`,
    ),
    check("contributions_rejected_reason", sql`${t.status} <> 'rejected' or ${t.rejectionReason} is not null`),
  ],
);

/** Internal comments of a council's members on a draft. Never public. */
export const contributionComments = pgTable(
  "contribution_comments",
  {
    id: serial("id").primaryKey(),
    contributionId: integer("contribution_id").notNull().references(() => contributions.id, { onDelete: "cascade" }),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("contribution_comments_contribution").on(t.contributionId, t.createdAt)],
);
