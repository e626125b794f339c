CREATE TYPE "public"."submission_policy" AS ENUM('any_member', 'referents_only');--> statement-breakpoint
CREATE TYPE "public"."contribution_kind" AS ENUM('feedback', 'proposal');--> statement-breakpoint
CREATE TYPE "public"."contribution_position" AS ENUM('favorable', 'favorable_with_reservations', 'unfavorable');--> statement-breakpoint
CREATE TYPE "public"."contribution_status" AS ENUM('draft', 'pending', 'published', 'rejected', 'hidden');--> statement-breakpoint
CREATE TABLE "contribution_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"contribution_id" integer NOT NULL,
	"author_id" integer,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contributions" (
	"id" serial PRIMARY KEY NOT NULL,
	"council_id" integer NOT NULL,
	"action_id" integer NOT NULL,
	"kind" "contribution_kind" NOT NULL,
	"position" "contribution_position",
	"title" text,
	"body" text NOT NULL,
	"status" "contribution_status" DEFAULT 'draft' NOT NULL,
	"author_id" integer,
	"submitted_by_id" integer,
	"submitted_at" timestamp with time zone,
	"decided_by_id" integer,
	"decided_at" timestamp with time zone,
	"rejection_reason" text,
	"published_at" timestamp with time zone,
	"client_request_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contributions_kind_fields" CHECK (("contributions"."kind" = 'feedback' and "contributions"."position" is not null and "contributions"."title" is null) or ("contributions"."kind" = 'proposal' and "contributions"."position" is null and "contributions"."title" is not null)),
	CONSTRAINT "contributions_rejected_reason" CHECK ("contributions"."status" <> 'rejected' or "contributions"."rejection_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "submission_policy" "submission_policy" DEFAULT 'any_member' NOT NULL;--> statement-breakpoint
ALTER TABLE "contribution_comments" ADD CONSTRAINT "contribution_comments_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_comments" ADD CONSTRAINT "contribution_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contribution_comments_contribution" ON "contribution_comments" USING btree ("contribution_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contributions_client_request_id" ON "contributions" USING btree ("client_request_id");--> statement-breakpoint
CREATE INDEX "contributions_action_published" ON "contributions" USING btree ("action_id","published_at") WHERE "contributions"."status" = 'published';--> statement-breakpoint
CREATE INDEX "contributions_pending" ON "contributions" USING btree ("submitted_at") WHERE "contributions"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "contributions_council" ON "contributions" USING btree ("council_id","created_at");