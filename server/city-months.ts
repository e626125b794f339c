import "server-only";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/*
 * Calendar months in SQL, in the City's time zone (lib/months.ts writes them "YYYY-MM"): where a
 * month starts, and which month an instant falls in. The City's midnight (Paris time), not UTC's.
 */

/** The instant « `month` » starts in the City (Paris time), as a timestamptz. */
export const cityMonthStartSql = (month: string): SQL => sql`(${`${month}-01`}::timestamp at time zone 'Europe/Paris')`;

/** The month of a timestamptz column, "YYYY-MM" in City time. */
export const cityMonthSql = (column: SQLWrapper): SQL<string> => sql<string>`to_char(${column} at time zone 'Europe/Paris', 'YYYY-MM')`;
