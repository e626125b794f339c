import { date, pgTable, timestamp } from "drizzle-orm/pg-core";

/**
 * The daily runs of the retention job (server/retention/run-retention.ts), one row per calendar
 * day of the City. Inserting the day's row is the run's claim: it is written in the run's own
 * transaction, so when several app processes start the job at once the others wait on the row,
 * then find it taken and do nothing; if the run fails, the claim goes with it and a later tick
 * tries again. No personal data.
 */
export const retentionRuns = pgTable("retention_runs", {
  day: date("day").primaryKey(),
  ranAt: timestamp("ran_at", { withTimezone: true }).notNull().defaultNow(),
});
