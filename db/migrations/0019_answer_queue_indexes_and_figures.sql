CREATE TABLE "contribution_figures" (
	"council_id" integer NOT NULL,
	"action_id" integer NOT NULL,
	"kind" "contribution_kind" NOT NULL,
	"month" text NOT NULL,
	"published" integer NOT NULL,
	"answered" integer NOT NULL,
	CONSTRAINT "contribution_figures_council_id_action_id_kind_month_pk" PRIMARY KEY("council_id","action_id","kind","month")
);
--> statement-breakpoint
CREATE INDEX "contributions_awaiting_answer" ON "contributions" USING btree ("answer_due_at","id","council_id","action_id","published_at") WHERE "contributions"."status" = 'published' and "contributions"."kind" = 'proposal' and "contributions"."first_answered_at" is null;--> statement-breakpoint
CREATE INDEX "contributions_awaiting_answer_undated" ON "contributions" USING btree ("published_at","id") WHERE "contributions"."status" = 'published' and "contributions"."kind" = 'proposal' and "contributions"."first_answered_at" is null and "contributions"."answer_due_at" is null;--> statement-breakpoint
CREATE INDEX "contributions_answered" ON "contributions" USING btree ("first_answered_at" DESC NULLS LAST,"id","council_id","action_id","published_at") WHERE "contributions"."status" = 'published' and "contributions"."kind" = 'proposal' and "contributions"."first_answered_at" is not null;