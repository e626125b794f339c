import { index, integer, jsonb, pgTable, serial, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { isDemo } from "./columns";
import { actions, plans, themes } from "./plan";

/** A réunion publique. */
export const meetings = pgTable(
  "meetings",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    place: text("place").notNull(),
    /** The compte rendu, added after the meeting. Plain text. */
    minutes: text("minutes"),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    isDemo: isDemo(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("meetings_starts_at").on(t.startsAt)],
);

/** The agenda, in order: a free label, optionally pointing at a theme or a fiche. */
export const meetingAgendaItems = pgTable(
  "meeting_agenda_items",
  {
    id: serial("id").primaryKey(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    label: text("label").notNull(),
    themeId: integer("theme_id").references(() => themes.id, { onDelete: "set null" }),
    actionId: integer("action_id").references(() => actions.id, { onDelete: "set null" }),
    /** Presenter's notes for this item: shown in the presenter view only, never public. */
    notes: text("notes"),
  },
  (t) => [uniqueIndex("meeting_agenda_items_position").on(t.meetingId, t.position)],
);

/**
 * « État au … »: the data of a meeting's slides frozen by the presenter before the meeting, so the
 * slides do not move while presenting; after the meeting the public version shows this snapshot.
 * One current snapshot per meeting (freezing again replaces it, and the journal says so).
 */
export const meetingSnapshots = pgTable("meeting_snapshots", {
  meetingId: integer("meeting_id")
    .primaryKey()
    .references(() => meetings.id, { onDelete: "cascade" }),
  takenAt: timestamp("taken_at", { withTimezone: true }).notNull().defaultNow(),
  takenById: integer("taken_by_id").references(() => users.id, { onDelete: "set null" }),
  /** The slides' data as the presentation module builds it (versioned inside). */
  data: jsonb("data").$type<Record<string, unknown>>().notNull(),
});
