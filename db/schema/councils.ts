import { integer, pgEnum, pgTable, serial, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { isDemo } from "./columns";
import { plans } from "./plan";

export const submissionPolicy = pgEnum("submission_policy", ["any_member", "referents_only"]);

/** A conseil de quartier. Only public information for now; members come with accounts. */
export const councils = pgTable(
  "councils",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    slug: text("slug").notNull().unique(),
    number: smallint("number"),
    name: text("name").notNull(),
    area: text("area"),
    description: text("description"),
    isDemo: isDemo(),
    /** Who may submit a draft to moderation: any member, or only the referents. */
    submissionPolicy: submissionPolicy("submission_policy").notNull().default("any_member"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("councils_plan_number").on(t.planId, t.number)],
);
