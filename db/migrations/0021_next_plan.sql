CREATE TYPE "public"."plan_state" AS ENUM('draft', 'current', 'closed');--> statement-breakpoint
ALTER TABLE "themes" DROP CONSTRAINT "themes_slug_unique";--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "state" "plan_state" DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
-- Existing installs followed one plan (the first): it becomes the current plan, at the address of its
-- period (/plans/2015-2020). Any other row (none was ever created by the app) counts as closed.
UPDATE "plans" SET "state" = CASE WHEN "id" = (SELECT min("id") FROM "plans") THEN 'current'::"plan_state" ELSE 'closed'::"plan_state" END, "published_at" = now();--> statement-breakpoint
UPDATE "plans" SET "slug" = "period_start_year" || '-' || "period_end_year" WHERE "slug" = 'projet-social-communal' AND NOT EXISTS (SELECT 1 FROM "plans" "p" WHERE "p"."slug" = "plans"."period_start_year" || '-' || "plans"."period_end_year");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_one_current" ON "plans" USING btree ("state") WHERE "plans"."state" = 'current';--> statement-breakpoint
CREATE UNIQUE INDEX "plans_one_draft" ON "plans" USING btree ("state") WHERE "plans"."state" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "themes_plan_slug" ON "themes" USING btree ("plan_id","slug");