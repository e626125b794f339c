import { index, integer, pgTable, primaryKey, serial, smallint, text, timestamp, date } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { actionStatus, actions, progressReports } from "./plan";

/** Officials in charge of a fiche (named by admins): they post its progress reports. */
export const actionOfficials = pgTable(
  "action_officials",
  {
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.userId] }), index("action_officials_user").on(t.userId)],
);

/** The earlier versions of a corrected progress report: public, so a correction hides nothing. */
export const progressReportRevisions = pgTable(
  "progress_report_revisions",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id")
      .notNull()
      .references(() => progressReports.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    reportedOn: date("reported_on", { mode: "string" }),
    status: actionStatus("status"),
    progress: smallint("progress"),
    /** When this version was replaced, and by whom. */
    replacedAt: timestamp("replaced_at", { withTimezone: true }).notNull().defaultNow(),
    replacedById: integer("replaced_by_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("progress_report_revisions_report").on(t.reportId, t.replacedAt)],
);

/** Every change of a fiche's time frame, with its reason. Listed on the fiche page. */
export const actionDeadlineChanges = pgTable(
  "action_deadline_changes",
  {
    id: serial("id").primaryKey(),
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    previousLabel: text("previous_label"),
    previousDeadline: date("previous_deadline", { mode: "string" }),
    newLabel: text("new_label").notNull(),
    newDeadline: date("new_deadline", { mode: "string" }).notNull(),
    reason: text("reason").notNull(),
    changedById: integer("changed_by_id").references(() => users.id, { onDelete: "set null" }),
    /** The progress report that announced the change, if any. */
    progressReportId: integer("progress_report_id").references(() => progressReports.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("action_deadline_changes_action").on(t.actionId, t.createdAt)],
);
