CREATE TABLE "action_deadline_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"action_id" integer NOT NULL,
	"previous_label" text,
	"previous_deadline" date,
	"new_label" text NOT NULL,
	"new_deadline" date NOT NULL,
	"reason" text NOT NULL,
	"changed_by_id" integer,
	"progress_report_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_officials" (
	"action_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_officials_action_id_user_id_pk" PRIMARY KEY("action_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "progress_report_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"reported_on" date,
	"status" "action_status",
	"progress" smallint,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_by_id" integer
);
--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "current_timeframe_label" text;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "deadline" date;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "author_id" integer;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "corrected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "action_deadline_changes" ADD CONSTRAINT "action_deadline_changes_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_deadline_changes" ADD CONSTRAINT "action_deadline_changes_changed_by_id_users_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_deadline_changes" ADD CONSTRAINT "action_deadline_changes_progress_report_id_progress_reports_id_fk" FOREIGN KEY ("progress_report_id") REFERENCES "public"."progress_reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_officials" ADD CONSTRAINT "action_officials_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_officials" ADD CONSTRAINT "action_officials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_report_revisions" ADD CONSTRAINT "progress_report_revisions_report_id_progress_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."progress_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_report_revisions" ADD CONSTRAINT "progress_report_revisions_replaced_by_id_users_id_fk" FOREIGN KEY ("replaced_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_deadline_changes_action" ON "action_deadline_changes" USING btree ("action_id","created_at");--> statement-breakpoint
CREATE INDEX "action_officials_user" ON "action_officials" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "progress_report_revisions_report" ON "progress_report_revisions" USING btree ("report_id","replaced_at");--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;