import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { contributions, platformSettings } from "@/db/schema";
import { defaultPlatformSettings } from "@/server/settings/platform-settings";

/** The platform's delay to answer a proposal, in days (its setting, or the default). */
export const answerDueDaysSql: SQL<number> = sql<number>`coalesce((select ${platformSettings.answerDueDays} from ${platformSettings} limit 1), ${sql.raw(String(defaultPlatformSettings.answerDueDays))})`;

/**
 * When a published proposal's first answer is due: `answer_due_at`, set at approval; for a row
 * published without it (older rows, a writer that forgot), publication + the platform's delay.
 * One SQL expression, so lists and counts need no extra query.
 */
export const answerDueAtSql: SQL<Date> =
  sql<Date>`coalesce(${contributions.answerDueAt}, ${contributions.publishedAt} + make_interval(days => ${answerDueDaysSql}))`.mapWith(
    contributions.answerDueAt,
  );

/** From publication to the first answer (an interval): the expression the `contributions_answer_delay` index holds. */
export const answerDelaySql: SQL = sql`(${contributions.firstAnsweredAt} - ${contributions.publishedAt})`;

/** A timestamp parameter (an ISO string cast in SQL: the same on postgres.js and PGlite). */
export const at = (date: Date): SQL => sql`${date.toISOString()}::timestamptz`;

/**
 * The median time from publication to the first answer, in days (an aggregate; null over no row):
 * the middle delay, or the mean of the two middle ones — of the intervals themselves, converted to
 * days once (sorting intervals costs less than numerics).
 */
export const medianFirstAnswerDaysSql: SQL<number | null> = sql<
  number | null
>`(extract(epoch from percentile_cont(0.5) within group (order by ${answerDelaySql})) / 86400)::float8`;
