import { index, integer, pgTable, serial, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { actions, isDemo, plans, themes } from "./plan";

/** A réunion publique. */
export const meetings = pgTable(
  "meetings",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id").notNull().references(() => plans.id, { onDelete: "cascade" }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    place: text("place").notNull(),
    isDemo: isDemo(),
  },
  (t) => [index("meetings_starts_at").on(t.startsAt)],
);

/** The agenda, in order: a free label, optionally pointing at a theme or a fiche. */
export const meetingAgendaItems = pgTable(
  "meeting_agenda_items",
  {
    id: serial("id").primaryKey(),
    meetingId: integer("meeting_id").notNull().references(() => meetings.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    label: text("label").notNull(),
    themeId: integer("theme_id").references(() => themes.id, { onDelete: "set null" }),
    actionId: integer("action_id").references(() => actions.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("meeting_agenda_items_position").on(t.meetingId, t.position)],
);
