CREATE TYPE "public"."contribution_receipt" AS ENUM('paper', 'mail', 'meeting');--> statement-breakpoint
CREATE TABLE "contribution_scans" (
	"contribution_id" integer PRIMARY KEY NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contributions" ADD COLUMN "received_via" "contribution_receipt";--> statement-breakpoint
ALTER TABLE "contributions" ADD COLUMN "received_on" date;--> statement-breakpoint
ALTER TABLE "contributions" ADD COLUMN "written_author_name" text;--> statement-breakpoint
ALTER TABLE "contribution_scans" ADD CONSTRAINT "contribution_scans_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_received" CHECK (("contributions"."received_via" is null) = ("contributions"."received_on" is null) and ("contributions"."received_via" is not null or "contributions"."written_author_name" is null));