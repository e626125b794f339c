import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/*
 * French full-text search (issue 13, docs/decisions/0013-french-search.md). One text-search
 * configuration, `french_unaccent` (migration 0009): PostgreSQL's `french` with `unaccent` in front
 * of the French stemmer, so « parentalite » and « parentalité » give the same lexeme, on the indexed
 * text, on the query and in `ts_headline` (which then highlights the original, accented words).
 * `to_tsvector(regconfig, text)` is immutable, so an expression index needs no wrapper function.
 *
 * The index expressions below and the search queries (server/search/) are built by the same
 * functions: PostgreSQL uses an expression index only for the very same expression.
 */
export const SEARCH_CONFIG = "public.french_unaccent";

/** The lexemes of a text, under the search configuration. */
export const searchVector = (text: SQLWrapper): SQL => sql`to_tsvector('public.french_unaccent'::regconfig, ${text})`;

/** A contribution's searchable text: a proposal's title and text, an avis's text (its title is null). */
export const contributionText = (title: SQLWrapper, body: SQLWrapper): SQL => sql`coalesce(${title}, '') || ' ' || ${body}`;
