CREATE TABLE "action_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"action_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"label" text NOT NULL,
	"url" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"action_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"body" text,
	"plain_summary" text,
	"timeframe_label" text,
	"projects" jsonb NOT NULL,
	"links" jsonb NOT NULL,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_by_id" integer
);
--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "body" text;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "plain_summary" text;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "action_links" ADD CONSTRAINT "action_links_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_revisions" ADD CONSTRAINT "action_revisions_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_revisions" ADD CONSTRAINT "action_revisions_replaced_by_id_users_id_fk" FOREIGN KEY ("replaced_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "action_links_action_position" ON "action_links" USING btree ("action_id","position");--> statement-breakpoint
CREATE INDEX "action_revisions_action" ON "action_revisions" USING btree ("action_id","replaced_at");