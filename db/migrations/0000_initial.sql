CREATE TYPE "public"."action_status" AS ENUM('planned', 'in_progress', 'done', 'suspended');--> statement-breakpoint
CREATE TYPE "public"."date_precision" AS ENUM('day', 'month', 'year');--> statement-breakpoint
CREATE TABLE "action_projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"action_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "action_themes" (
	"action_id" integer NOT NULL,
	"theme_id" integer NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "action_themes_action_id_theme_id_pk" PRIMARY KEY("action_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"status" "action_status",
	"progress" smallint,
	"timeframe_label" text,
	"timeframe_end_year" smallint,
	"source_wording" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actions_slug_unique" UNIQUE("slug"),
	CONSTRAINT "actions_progress_range" CHECK ("actions"."progress" is null or ("actions"."progress" between 0 and 100))
);
--> statement-breakpoint
CREATE TABLE "plan_milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"key" text NOT NULL,
	"position" smallint NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"precision" date_precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"city_name" text NOT NULL,
	"period_start_year" smallint NOT NULL,
	"period_end_year" smallint NOT NULL,
	"summary" text NOT NULL,
	"announced_action_count" smallint,
	"source_title" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"action_id" integer NOT NULL,
	"seed_key" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"reported_on" date,
	"status" "action_status",
	"progress" smallint,
	"source_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_reports_seed_key_unique" UNIQUE("seed_key"),
	CONSTRAINT "progress_reports_progress_range" CHECK ("progress_reports"."progress" is null or ("progress_reports"."progress" between 0 and 100))
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"number" smallint NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"announced_action_count" smallint,
	CONSTRAINT "themes_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "councils" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"slug" text NOT NULL,
	"number" smallint,
	"name" text NOT NULL,
	"area" text,
	"description" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "councils_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"label" text NOT NULL,
	"theme_id" integer,
	"action_id" integer
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "meetings_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "action_projects" ADD CONSTRAINT "action_projects_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_themes" ADD CONSTRAINT "action_themes_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_themes" ADD CONSTRAINT "action_themes_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_milestones" ADD CONSTRAINT "plan_milestones_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "action_projects_action_position" ON "action_projects" USING btree ("action_id","position");--> statement-breakpoint
CREATE INDEX "action_themes_theme" ON "action_themes" USING btree ("theme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_milestones_plan_key" ON "plan_milestones" USING btree ("plan_id","key");--> statement-breakpoint
CREATE INDEX "progress_reports_action" ON "progress_reports" USING btree ("action_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "themes_plan_number" ON "themes" USING btree ("plan_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "councils_plan_number" ON "councils" USING btree ("plan_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_agenda_items_position" ON "meeting_agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "meetings_starts_at" ON "meetings" USING btree ("starts_at");