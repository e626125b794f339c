import { customType } from "drizzle-orm/pg-core";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/*
 * French full-text search (issue 13, docs/decisions/0013-french-search.md). One text-search
 * configuration, `french_unaccent` (migration 0009): PostgreSQL's `french` with `unaccent` in front
 * of the French stemmer, so « parentalite » and « parentalité » give the same lexeme, on the indexed
 * text, on the query and in `ts_headline` (which then highlights the original, accented words).
 * `to_tsvector(regconfig, text)` is immutable, so an index or a generated column needs no wrapper.
 */

/** The lexemes of a text, under the search configuration. */
export const searchVector = (text: SQLWrapper): SQL => sql`to_tsvector('public.french_unaccent'::regconfig, ${text})`;

/** A `tsvector` column (drizzle has no built-in type for it); read as its text form, which nothing needs to. */
export const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => "tsvector" });
