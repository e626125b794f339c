-- register_months (db/schema/contributions.ts): the public moderation register's figures of each month
-- that is over, counted at the first render that shows it (docs/decisions/0030-register-months.md).
CREATE TABLE "register_months" (
	"month" text PRIMARY KEY NOT NULL,
	"received" integer NOT NULL,
	"hidden_by_moderator" integer NOT NULL,
	"hidden_by_reports" integer NOT NULL,
	"published" integer NOT NULL,
	"rejected" integer NOT NULL,
	"rejected_by_template" jsonb NOT NULL,
	"median_decision_seconds" double precision,
	"answers_given" integer NOT NULL,
	"answers_late" integer NOT NULL,
	"frozen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "register_months_month" CHECK ("register_months"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
