CREATE TABLE "meeting_snapshots" (
	"meeting_id" integer PRIMARY KEY NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	"taken_by_id" integer,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "minutes" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "created_by_id" integer;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_snapshots" ADD CONSTRAINT "meeting_snapshots_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_snapshots" ADD CONSTRAINT "meeting_snapshots_taken_by_id_users_id_fk" FOREIGN KEY ("taken_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;