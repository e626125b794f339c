-- French full-text search (issue 13, docs/decisions/0013-french-search.md). Both extensions are
-- "trusted" (PostgreSQL 13+): the database's owner may create them; PGlite loads them in db/client.ts.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- French stemming on unaccented words: « parentalite » and « parentalité » give the same lexeme.
CREATE TEXT SEARCH CONFIGURATION public.french_unaccent (COPY = pg_catalog.french);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION public.french_unaccent ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.french_stem;--> statement-breakpoint
ALTER TABLE "contributions" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('public.french_unaccent'::regconfig, coalesce("title", '') || ' ' || "body")) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "contribution_answers_search" ON "contribution_answers" USING gin (to_tsvector('public.french_unaccent'::regconfig, "body"));--> statement-breakpoint
CREATE INDEX "contributions_search" ON "contributions" USING gin ("search_vector") WHERE "contributions"."status" = 'published';--> statement-breakpoint
CREATE INDEX "contributions_published_order" ON "contributions" USING btree ("published_at","id") WHERE "contributions"."status" = 'published';