import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
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
import { users } from "./accounts";
import { councils } from "./councils";
import { isDemo } from "./columns";
import { actions } from "./plan";
import { searchVector, tsvector } from "./search";
import {
  DEACTIVATED_ACCOUNT_YEARS_DEFAULT,
  DEACTIVATED_ACCOUNT_YEARS_MAX,
  DEACTIVATED_ACCOUNT_YEARS_MIN,
  DEFAULT_DATA_CONTROLLER_ADDRESS,
  DEFAULT_DATA_CONTROLLER_NAME,
  DEFAULT_DPO_CONTACT,
  DEFAULT_PRIVACY_LEGAL_BASIS,
} from "../../lib/personal-data";
import { DEFAULT_CITY_NAME, DEFAULT_SERVICE_NAME } from "../../lib/city-identity";

export const contributionKind = pgEnum("contribution_kind", ["feedback", "proposal"]);
export const contributionPosition = pgEnum("contribution_position", ["favorable", "favorable_with_reservations", "unfavorable"]);
/** How a contribution the City recorded for a council reached it (issue 11): on paper, by mail, said in a meeting. */
export const contributionReceipt = pgEnum("contribution_receipt", ["paper", "mail", "meeting"]);
export const contributionStatus = pgEnum("contribution_status", ["draft", "pending", "published", "rejected", "hidden"]);

/**
 * An avis (feedback: a position and its reasons) or a proposition (proposal: a title and a text)
 * of a council on a fiche action. Life: draft → pending → published | rejected; published → hidden.
 * Only `published` rows are ever public (server/plan/load-published-contributions.ts filters them in one place).
 */
export const contributions = pgTable(
  "contributions",
  {
    id: serial("id").primaryKey(),
    councilId: integer("council_id")
      .notNull()
      .references(() => councils.id, { onDelete: "cascade" }),
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
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
    /** Last edit by the council while pending (moderators see that the text changed). */
    editedAt: timestamp("edited_at", { withTimezone: true }),
    /** Hidden after publication: by a moderator (hiddenById set) or by reports (hiddenById null). */
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenById: integer("hidden_by_id").references(() => users.id, { onDelete: "set null" }),
    hiddenReason: text("hidden_reason"),
    /** Hidden automatically after N reports: waits for a moderator to restore it or keep it hidden. */
    reviewRequired: boolean("review_required").notNull().default(false),
    /** Proposals only: when the City's first answer is due (publication + the answer delay setting). */
    answerDueAt: timestamp("answer_due_at", { withTimezone: true }),
    /** Proposals only: the City's first answer, for the answered / waiting / late counts and the median. */
    firstAnsweredAt: timestamp("first_answered_at", { withTimezone: true }),
    /**
     * Received on paper, by mail or said in a meeting, and recorded by a moderator on the council's
     * behalf (server/contributions/record-paper.ts): how it came and the day it was received; null
     * for a contribution written on the site. Such a row has no author account (`authorId` null);
     * `submittedById` is the moderator who recorded it.
     */
    receivedVia: contributionReceipt("received_via"),
    receivedOn: date("received_on", { mode: "string" }),
    /** The author's name as written on the paper, if the council gave one: shown as the signature. */
    writtenAuthorName: text("written_author_name"),
    /** Generated once per form render: the same form submitted twice creates one contribution. */
    clientRequestId: text("client_request_id").notNull(),
    /** Written by the demo seed (never in production unless asked): the demo shows the whole loop. */
    isDemo: isDemo(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The public search's lexemes of the title and text (server/search/), kept by PostgreSQL. Stored,
     * not only indexed: the newest-first scan of a frequent word tests it row by row, and reading it
     * costs a fraction of computing it again (docs/decisions/0013-french-search.md).
     */
    searchVector: tsvector("search_vector")
      .notNull()
      .generatedAlwaysAs(searchVector(sql`coalesce("title", '') || ' ' || "body"`)),
  },
  (t) => [
    uniqueIndex("contributions_client_request_id").on(t.clientRequestId),
    index("contributions_action_published")
      .on(t.actionId, t.publishedAt)
      .where(sql`${t.status} = 'published'`),
    index("contributions_pending")
      .on(t.submittedAt)
      .where(sql`${t.status} = 'pending'`),
    index("contributions_council").on(t.councilId, t.createdAt),
    // A council's list, one section (status) at a time, newest first, by keyset (list-council-contributions.ts):
    // read backwards. Ascending on purpose: drizzle's .desc() writes DESC NULLS LAST, which does not match
    // ORDER BY … DESC (NULLS FIRST), and PostgreSQL would then sort instead of reading the index in order.
    index("contributions_council_status").on(t.councilId, t.status, t.createdAt, t.id),
    check(
      "contributions_kind_fields",
      sql`(${t.kind} = 'feedback' and ${t.position} is not null and ${t.title} is null) or (${t.kind} = 'proposal' and ${t.position} is null and ${t.title} is not null)`,
    ),
    check(
      "contributions_received",
      sql`(${t.receivedVia} is null) = (${t.receivedOn} is null) and (${t.receivedVia} is not null or ${t.writtenAuthorName} is null)`,
    ),
    check("contributions_rejected_reason", sql`${t.status} <> 'rejected' or ${t.rejectionReason} is not null`),
    check("contributions_hidden_reason", sql`${t.status} <> 'hidden' or ${t.hiddenReason} is not null`),
    index("contributions_council_published")
      .on(t.councilId, t.publishedAt)
      .where(sql`${t.status} = 'published'`),
    index("contributions_review")
      .on(t.hiddenAt)
      .where(sql`${t.reviewRequired}`),
    // Every published row's figures without reading the table: the officials' dashboard groups by
    // council (in this order, so without a sort) and by fiche, and /reponses counts and orders the
    // published proposals, all from this index alone (index-only scans, issue 15).
    index("contributions_published_figures")
      .on(t.councilId, t.kind, t.actionId, t.publishedAt, t.firstAnsweredAt, t.answerDueAt, t.id)
      .where(sql`${t.status} = 'published'`),
    // « Réponses de la Ville (N) » in every signed-in page's account bar, and the proposals to answer:
    // only the published proposals still waiting for a first answer (server/account/attention.ts).
    index("contributions_unanswered")
      .on(t.councilId, t.publishedAt)
      .where(sql`${t.status} = 'published' and ${t.kind} = 'proposal' and ${t.firstAnsweredAt} is null`),
    // The public search (server/search/): only published items are ever searched, so only they are
    // indexed. The words (GIN), and the newest-first order for a word found everywhere (read backwards).
    index("contributions_search")
      .using("gin", t.searchVector)
      .where(sql`${t.status} = 'published'`),
    index("contributions_published_order")
      .on(t.publishedAt, t.id)
      .where(sql`${t.status} = 'published'`),
    // The public moderation register (server/moderation/load-register.ts): decisions by month with
    // their delay, and first answers by month with their due date, read from these indexes alone
    // instead of two scans of the whole table (docs/benchmark.md: p50 ≈ 200 → ≈ 100 ms at 100,000).
    index("contributions_decided")
      .on(t.decidedAt, t.submittedAt, t.status, t.id)
      .where(sql`${t.decidedAt} is not null`),
    index("contributions_first_answered")
      .on(t.firstAnsweredAt, t.answerDueAt, t.publishedAt)
      .where(sql`${t.kind} = 'proposal' and ${t.firstAnsweredAt} is not null`),
    // The answers list (server/answers/list-answerable.ts), one page read in index order, and the
    // late counts and answer delays of the officials' dashboard, from these two indexes alone
    // (issue 15): the published proposals waiting for a first answer, soonest due first…
    index("contributions_awaiting_answer")
      .on(t.answerDueAt, t.id, t.councilId, t.actionId, t.publishedAt)
      .where(sql`${t.status} = 'published' and ${t.kind} = 'proposal' and ${t.firstAnsweredAt} is null`),
    // (those published without a due date: in the order of publication, the order of their due date)…
    index("contributions_awaiting_answer_undated")
      .on(t.publishedAt, t.id)
      .where(sql`${t.status} = 'published' and ${t.kind} = 'proposal' and ${t.firstAnsweredAt} is null and ${t.answerDueAt} is null`),
    // …and the answered ones, latest first answer first (DESC NULLS LAST: list-answerable.ts orders by the same).
    index("contributions_answered")
      .on(t.firstAnsweredAt.desc(), t.id, t.councilId, t.actionId, t.publishedAt)
      .where(sql`${t.status} = 'published' and ${t.kind} = 'proposal' and ${t.firstAnsweredAt} is not null`),
    // One fiche's answers in figures (server/plan/load-tallies.ts with `onlyActionId`: the fiche's
    // page, rendered again after every approval on it): its awaiting and its answered proposals
    // read from this index alone. The two above lead with the due date and the first answer, so a
    // fiche read them whole: 16,000 entries each at 100,000 contributions, 5 and 2 ms (1 and 0.04 ms with it).
    index("contributions_proposals_by_action")
      .on(t.actionId, t.firstAnsweredAt, t.answerDueAt, t.publishedAt)
      .where(sql`${t.status} = 'published' and ${t.kind} = 'proposal'`),
    // The plan's median delay to a first answer (server/plan/load-tallies.ts, the home page, rendered
    // again after every approval): the answered proposals in the order of that delay, so that the
    // middle one is read at its rank — the count is in contribution_figures — instead of sorting all
    // of them. Both columns of the delay are in it too: PostgreSQL reads an expression from the index
    // alone only when its columns are there as well.
    index("contributions_answer_delay")
      .on(sql`(${t.firstAnsweredAt} - ${t.publishedAt})`, t.actionId, t.firstAnsweredAt, t.publishedAt)
      .where(sql`${t.status} = 'published' and ${t.kind} = 'proposal' and ${t.firstAnsweredAt} is not null`),
  ],
);

/**
 * How many published contributions each council has on each fiche, by kind and by month of
 * publication (City time, "YYYY-MM"; "" for a row without a publication date), and how many of
 * those proposals have had a first answer: the officials' dashboard and the answers list count
 * from these few rows instead of every contribution (issue 15). Kept by PostgreSQL itself, in the
 * transaction of every write to `contributions` (the trigger `contribution_figures_*` of migration
 * `contribution_figures_trigger`): never written by the app. A row whose counts fall to zero is
 * deleted, so the table is the same whether kept row by row or rebuilt from the contributions.
 * No foreign keys: the contributions' own cascades keep it in step, and readers join councils and fiches.
 */
export const contributionFigures = pgTable(
  "contribution_figures",
  {
    councilId: integer("council_id").notNull(),
    actionId: integer("action_id").notNull(),
    kind: contributionKind("kind").notNull(),
    month: text("month").notNull(),
    published: integer("published").notNull(),
    /** Proposals only: those with a first answer (`first_answered_at`). */
    answered: integer("answered").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.councilId, t.actionId, t.kind, t.month] }),
    // A fiche's total (its public list of contributions, the pages a write refreshes): the primary
    // key starts with the council. Councils × fiches × months × 2 kinds: tens of thousands of rows
    // after a few years of a plan.
    index("contribution_figures_action").on(t.actionId),
  ],
);

/** Internal comments of a council's members on a draft. Never public. */
export const contributionComments = pgTable(
  "contribution_comments",
  {
    id: serial("id").primaryKey(),
    contributionId: integer("contribution_id")
      .notNull()
      .references(() => contributions.id, { onDelete: "cascade" }),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("contribution_comments_contribution").on(t.contributionId, t.createdAt)],
);

/** A signed-in person's report of a published item. One per person and item. */
export const contributionReports = pgTable(
  "contribution_reports",
  {
    id: serial("id").primaryKey(),
    contributionId: integer("contribution_id")
      .notNull()
      .references(() => contributions.id, { onDelete: "cascade" }),
    reporterId: integer("reporter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set when a moderator reviewed the item (kept published or hidden): the report leaves the queue. */
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedById: integer("resolved_by_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("contribution_reports_once").on(t.contributionId, t.reporterId),
    index("contribution_reports_open")
      .on(t.contributionId)
      .where(sql`${t.resolvedAt} is null`),
  ],
);

export const answerState = pgEnum("answer_state", ["under_review", "accepted", "rejected", "done"]);

/**
 * The City's answers to a published proposal: a public history, newest last. The signature is
 * copied at answer time so that a later change of name or title does not rewrite the past.
 */
export const contributionAnswers = pgTable(
  "contribution_answers",
  {
    id: serial("id").primaryKey(),
    contributionId: integer("contribution_id")
      .notNull()
      .references(() => contributions.id, { onDelete: "cascade" }),
    state: answerState("state").notNull(),
    body: text("body").notNull(),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    signatureName: text("signature_name").notNull(),
    signatureTitle: text("signature_title"),
    /** Generated once per form render: the same answer form submitted twice records one answer. */
    clientRequestId: text("client_request_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("contribution_answers_client_request_id").on(t.clientRequestId),
    index("contribution_answers_contribution").on(t.contributionId, t.createdAt),
    // The public search: an answer is public while its proposal is published (a join, not a filter here).
    index("contribution_answers_search").using("gin", searchVector(t.body)),
  ],
);

/** A council's support of another council's published proposal. Once per council. */
export const contributionSupports = pgTable(
  "contribution_supports",
  {
    contributionId: integer("contribution_id")
      .notNull()
      .references(() => contributions.id, { onDelete: "cascade" }),
    councilId: integer("council_id")
      .notNull()
      .references(() => councils.id, { onDelete: "cascade" }),
    /** The member who gave the council's support. */
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.contributionId, t.councilId] })],
);

/** Moderators' reusable rejection / hiding reasons. Editable; the text is copied into each decision. */
export const moderationReasonTemplates = pgTable("moderation_reason_templates", {
  id: serial("id").primaryKey(),
  label: text("label").notNull(),
  body: text("body").notNull(),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The public moderation register's figures of a month that is over (City time, "YYYY-MM"), as the
 * register first published them (server/moderation/load-register.ts): what happened in a month is
 * recorded once and for good, so its figures are counted once, at the first render that needs
 * them, and read from here afterwards — even if the rows they were counted from are deleted later
 * (docs/decisions/0030-register-months.md). Counts only: no id of a person, an item or a text. Its
 * reports are not here: their outcome is decided later, so they stay counted live.
 */
export const registerMonths = pgTable(
  "register_months",
  {
    month: text("month").primaryKey(),
    received: integer("received").notNull(),
    hiddenByModerator: integer("hidden_by_moderator").notNull(),
    hiddenByReports: integer("hidden_by_reports").notNull(),
    published: integer("published").notNull(),
    rejected: integer("rejected").notNull(),
    /**
     * Refusals per reason template, by the template's id ({"3": 2}): categories are the templates'
     * labels of the day the register is read. Refusals without a template are the rest of `rejected`.
     */
    rejectedByTemplate: jsonb("rejected_by_template").$type<Record<string, number>>().notNull(),
    /** The median time from submission to decision of the month's decisions, in seconds; null if none. */
    medianDecisionSeconds: doublePrecision("median_decision_seconds"),
    answersGiven: integer("answers_given").notNull(),
    answersLate: integer("answers_late").notNull(),
    /** When these figures were counted (the first render after the month was over). */
    frozenAt: timestamp("frozen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("register_months_month", sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)],
);

/** The platform's settings: a single row (id is always true). Admins change them. */
export const platformSettings = pgTable(
  "platform_settings",
  {
    id: boolean("id").primaryKey().default(true),
    /** After this many open reports, a published item is hidden until a moderator reviews it. */
    reportThreshold: integer("report_threshold").notNull().default(3),
    /** A published proposal's answer is due this many days after publication. */
    answerDueDays: integer("answer_due_days").notNull().default(60),
    /** A deactivated account is erased this many years after its deactivation (server/retention/). */
    deactivatedAccountYears: integer("deactivated_account_years").notNull().default(DEACTIVATED_ACCOUNT_YEARS_DEFAULT),
    /**
     * Who answers for the personal data, printed on /donnees-personnelles (RGPD art. 13). Generic
     * until the City sets them (the seed installs Aurillac's).
     */
    dataControllerName: text("data_controller_name").notNull().default(DEFAULT_DATA_CONTROLLER_NAME),
    dataControllerAddress: text("data_controller_address").notNull().default(DEFAULT_DATA_CONTROLLER_ADDRESS),
    /** How to reach the City's data protection officer (postal address, e-mail, form…): free text. */
    dpoContact: text("dpo_contact").notNull().default(DEFAULT_DPO_CONTACT),
    /** The legal basis of the processings, printed on /donnees-personnelles. */
    privacyLegalBasis: text("privacy_legal_basis").notNull().default(DEFAULT_PRIVACY_LEGAL_BASIS),
    /** What the City adds there (hosting, technical logs…): plain text with links (lib/plain-text.ts). */
    privacyNotes: text("privacy_notes").notNull().default(""),
    // ——— The City's identity (lib/city-identity.ts): every public page shows it ———
    cityName: text("city_name").notNull().default(DEFAULT_CITY_NAME),
    serviceName: text("service_name").notNull().default(DEFAULT_SERVICE_NAME),
    contactAddress: text("contact_address").notNull().default(""),
    /**
     * The logo, in the database so that a backup carries it and every replica serves it: base64
     * text rather than bytea, so that both drivers (postgres.js, PGlite) read it the same way. The
     * hash of its bytes names its URL (served immutable): a new logo is a new address.
     */
    logoBase64: text("logo_base64"),
    logoType: text("logo_type"),
    logoHash: text("logo_hash"),
    // ——— The legal pages: plain text with links, empty until the City writes them ———
    legalNotice: text("legal_notice").notNull().default(""),
    accessibilityStatus: text("accessibility_status").notNull().default("non_conforme"),
    accessibilityAuditDate: date("accessibility_audit_date", { mode: "string" }),
    accessibilityDerogations: text("accessibility_derogations").notNull().default(""),
    accessibilityContact: text("accessibility_contact").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("platform_settings_single_row", sql`${t.id}`),
    check("platform_settings_ranges", sql`${t.reportThreshold} between 1 and 100 and ${t.answerDueDays} between 1 and 365`),
    check(
      "platform_settings_logo",
      sql`(${t.logoBase64} is null) = (${t.logoType} is null) and (${t.logoType} is null) = (${t.logoHash} is null)`,
    ),
    check(
      "platform_settings_accessibility_status",
      sql`${t.accessibilityStatus} in ('non_conforme', 'partiellement_conforme', 'totalement_conforme')`,
    ),
    check(
      "platform_settings_deactivated_account_years",
      sql`${t.deactivatedAccountYears} between ${sql.raw(String(DEACTIVATED_ACCOUNT_YEARS_MIN))} and ${sql.raw(String(DEACTIVATED_ACCOUNT_YEARS_MAX))}`,
    ),
  ],
);

export const notificationKind = pgEnum("notification_kind", [
  "contribution_approved",
  "contribution_rejected",
  "contribution_hidden",
  "contribution_answered",
  "contribution_supported",
  "moderation_waiting",
  "moderation_reported",
]);

/** In-app notifications; the email digest sends the unread, not-yet-emailed ones (at most once a day). */
export const notifications = pgTable(
  "notifications",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKind("kind").notNull(),
    contributionId: integer("contribution_id").references(() => contributions.id, { onDelete: "cascade" }),
    councilId: integer("council_id").references(() => councils.id, { onDelete: "cascade" }),
    /** One sentence in French, shown in the list and in the email. Plain text. */
    message: text("message").notNull(),
    /** A path on this site (never an external address). */
    link: text("link").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_user").on(t.userId, t.createdAt),
    index("notifications_unread")
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    index("notifications_to_email")
      .on(t.userId)
      .where(sql`${t.emailedAt} is null and ${t.readAt} is null`),
  ],
);

/** Email opt-out per kind. No row = email on. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKind("kind").notNull(),
    email: boolean("email").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
