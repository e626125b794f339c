import { sql } from "drizzle-orm";
import { users } from "./accounts";
import {
  check,
  date,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  index,
  jsonb,
} from "drizzle-orm/pg-core";

export const actionStatus = pgEnum("action_status", ["planned", "in_progress", "done", "suspended"]);
export const datePrecision = pgEnum("date_precision", ["day", "month", "year"]);
/**
 * A plan's life (decision 0027): `draft` while staff prepare the next one (never public), `current`
 * once published (the home page's plan; one at a time), `closed` when the next one replaced it
 * (readable at /plans/<slug>, « Plan terminé », taking no new contributions or reports).
 */
export const planState = pgEnum("plan_state", ["draft", "current", "closed"]);

/** A projet social communal: the current one, the earlier ones (closed) and at most one draft. */
export const plans = pgTable(
  "plans",
  {
    id: serial("id").primaryKey(),
    /** Its address under /plans/ (the period, « 2015-2020 »); follows the period while a draft, then never changes. */
    slug: text("slug").notNull().unique(),
    state: planState("state").notNull().default("draft"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    title: text("title").notNull(),
    cityName: text("city_name").notNull(),
    periodStartYear: smallint("period_start_year").notNull(),
    periodEndYear: smallint("period_end_year").notNull(),
    summary: text("summary").notNull(),
    /** How many fiches the source document announces (17), which may differ from how many it lists. */
    announcedActionCount: smallint("announced_action_count"),
    sourceTitle: text("source_title"),
    /**
     * The page « La démarche »: how the plan was made, in the City's words (plain text with links,
     * lib/plain-text.ts). Data, not code: another City's plan brings its own.
     */
    demarche: text("demarche").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // One current plan and one draft at most, whatever two admins do at once.
  (t) => [
    uniqueIndex("plans_one_current")
      .on(t.state)
      .where(sql`${t.state} = 'current'`),
    uniqueIndex("plans_one_draft")
      .on(t.state)
      .where(sql`${t.state} = 'draft'`),
  ],
);

/** The démarche: dated steps that produced the plan. Dates keep the precision the source gives. */
export const planMilestones = pgTable(
  "plan_milestones",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    position: smallint("position").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
    precision: datePrecision("precision").notNull(),
  },
  (t) => [uniqueIndex("plan_milestones_plan_key").on(t.planId, t.key)],
);

export const themes = pgTable(
  "themes",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    number: smallint("number").notNull(),
    /** Unique within its plan: a theme copied into the next plan keeps its slug (and /thematiques/<slug>). */
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    /** How many fiches the source announces for this theme. */
    announcedActionCount: smallint("announced_action_count"),
    /**
     * Set when staff archived it (only once it lists no fiche still shown): it leaves the public
     * lists and is numbered after the themes still shown; its page stays at its address and says so.
     */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("themes_plan_number").on(t.planId, t.number), uniqueIndex("themes_plan_slug").on(t.planId, t.slug)],
);

/** A fiche action. It may belong to several themes (see `actionThemes`). */
export const actions = pgTable(
  "actions",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    description: text("description"),
    /** Null when the source gives no status word. */
    status: actionStatus("status"),
    /** 0–100, only ever set by a progress report; null while nobody has measured it. */
    progress: smallint("progress"),
    /** Time frame as the source words it (« jusqu'en 2018 », « 2018/2019 »); null when not given. */
    timeframeLabel: text("timeframe_label"),
    timeframeEndYear: smallint("timeframe_end_year"),
    /** The entry's status words exactly as printed in the source, kept for traceability. */
    sourceWording: text("source_wording"),
    /**
     * The current time frame, once it was changed (with a reason: see actionDeadlineChanges).
     * Null while the original one (timeframeLabel / timeframeEndYear) still holds.
     */
    currentTimeframeLabel: text("current_timeframe_label"),
    /** The current deadline (last day), once set by a change; else the original end year's 31 December. */
    deadline: date("deadline", { mode: "string" }),
    /** The full text of the fiche, written by staff (the short one is `description`). */
    body: text("body"),
    /** « En bref, en mots simples »: at most 400 characters, written by staff (FALC guidance). */
    plainSummary: text("plain_summary"),
    /** Set when staff archived it: it leaves the public lists, its page stays and says so. */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("actions_progress_range", sql`${t.progress} is null or (${t.progress} between 0 and 100)`)],
);

export const actionThemes = pgTable(
  "action_themes",
  {
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    themeId: integer("theme_id")
      .notNull()
      .references(() => themes.id, { onDelete: "cascade" }),
    /** Order of the fiche inside the theme, as in the source. */
    position: smallint("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.themeId] }), index("action_themes_theme").on(t.themeId)],
);

/** Links a fiche gives (a project's page, a document), in the order staff wrote them. */
export const actionLinks = pgTable(
  "action_links",
  {
    id: serial("id").primaryKey(),
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    label: text("label").notNull(),
    url: text("url").notNull(),
  },
  (t) => [uniqueIndex("action_links_action_position").on(t.actionId, t.position)],
);

/** The published text of a fiche as it was before each edit by staff: public, like a report's earlier versions. */
export const actionRevisions = pgTable(
  "action_revisions",
  {
    id: serial("id").primaryKey(),
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    body: text("body"),
    plainSummary: text("plain_summary"),
    timeframeLabel: text("timeframe_label"),
    projects: jsonb("projects").$type<{ name: string; detail: string | null }[]>().notNull(),
    links: jsonb("links").$type<{ label: string; url: string }[]>().notNull(),
    /** When this version was replaced, and by whom. */
    replacedAt: timestamp("replaced_at", { withTimezone: true }).notNull().defaultNow(),
    replacedById: integer("replaced_by_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("action_revisions_action").on(t.actionId, t.replacedAt)],
);

/** Projects a fiche names (« notamment à travers … »). */
export const actionProjects = pgTable(
  "action_projects",
  {
    id: serial("id").primaryKey(),
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    name: text("name").notNull(),
    detail: text("detail"),
  },
  (t) => [uniqueIndex("action_projects_action_position").on(t.actionId, t.position)],
);

/** A point d'étape: public as soon as it exists. */
export const progressReports = pgTable(
  "progress_reports",
  {
    id: serial("id").primaryKey(),
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    /** Stable key for seeded reports, so the seed can run again without duplicating them. */
    seedKey: text("seed_key").unique(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** Null when the source gives no day: none is invented. */
    reportedOn: date("reported_on", { mode: "string" }),
    status: actionStatus("status"),
    progress: smallint("progress"),
    sourceLabel: text("source_label"),
    /** Who posted it (null for the source document's statements). */
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set when corrected (possible within 24 hours): the page says so; earlier texts are kept. */
    correctedAt: timestamp("corrected_at", { withTimezone: true }),
  },
  (t) => [
    index("progress_reports_action").on(t.actionId, t.createdAt),
    check("progress_reports_progress_range", sql`${t.progress} is null or (${t.progress} between 0 and 100)`),
  ],
);

export { isDemo } from "./columns";
