CREATE TABLE "retention_runs" (
	"day" date PRIMARY KEY NOT NULL,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "deactivated_account_years" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "data_controller_name" text DEFAULT 'Ville d''Aurillac' NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "data_controller_address" text DEFAULT 'Mairie d''Aurillac, 15000 Aurillac' NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "dpo_contact" text DEFAULT 'Délégué·e à la protection des données, Mairie d''Aurillac, 15000 Aurillac' NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD CONSTRAINT "platform_settings_deactivated_account_years" CHECK ("platform_settings"."deactivated_account_years" between 1 and 10);