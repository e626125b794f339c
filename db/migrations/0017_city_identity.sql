ALTER TABLE "platform_settings" ALTER COLUMN "data_controller_name" SET DEFAULT 'La Ville';--> statement-breakpoint
ALTER TABLE "platform_settings" ALTER COLUMN "data_controller_address" SET DEFAULT 'Mairie (adresse à compléter)';--> statement-breakpoint
ALTER TABLE "platform_settings" ALTER COLUMN "dpo_contact" SET DEFAULT 'Délégué·e à la protection des données de la Ville (contact à compléter)';--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "demarche" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "privacy_legal_basis" text DEFAULT 'Mission d''intérêt public (article 6, paragraphe 1, point e du RGPD) : associer les habitants à la politique sociale de la commune.' NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "privacy_notes" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "city_name" text DEFAULT 'La Ville' NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "service_name" text DEFAULT 'Projet social communal' NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "contact_address" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "logo_base64" text;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "logo_type" text;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "logo_hash" text;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "legal_notice" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "accessibility_status" text DEFAULT 'non_conforme' NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "accessibility_audit_date" date;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "accessibility_derogations" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "accessibility_contact" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD CONSTRAINT "platform_settings_logo" CHECK (("platform_settings"."logo_base64" is null) = ("platform_settings"."logo_type" is null) and ("platform_settings"."logo_type" is null) = ("platform_settings"."logo_hash" is null));--> statement-breakpoint
ALTER TABLE "platform_settings" ADD CONSTRAINT "platform_settings_accessibility_status" CHECK ("platform_settings"."accessibility_status" in ('non_conforme', 'partiellement_conforme', 'totalement_conforme'));--> statement-breakpoint
-- hand-written: the City's name was written in the code until now, so an install that already has
-- Aurillac's plan keeps showing « Ville d'Aurillac » and its démarche (the text the page « La
-- démarche » had in its code, now the plan's data); a fresh install (no plan yet: the seed runs
-- after the migrations) drops the Aurillac contacts migration 0012 installed as defaults, and gets
-- its City's values from the seed or from an admin.
UPDATE "platform_settings" SET "city_name" = 'Ville d''Aurillac' WHERE EXISTS (SELECT 1 FROM "plans" WHERE "city_name" = 'Aurillac');--> statement-breakpoint
-- hand-written: and the legal notice the page « Mentions légales » had in its code (the seed writes it only on a fresh install).
UPDATE "platform_settings" SET "legal_notice" = 'Éditeur : Ville d''Aurillac (Cantal).

Sources des informations : les informations d''origine viennent de l''article « Premier point d''étape pour le projet social communal » publié par la Ville d''Aurillac (date de publication non précisée). Rien n''y est ajouté : quand ce document ne donne pas une information (un jour, un avancement, un statut), le site l''indique comme « non précisé » ou « non renseigné ».

Certaines informations sont des données de démonstration (par exemple les conseils de quartier) : elles sont signalées comme telles sur chaque page où elles apparaissent.

Directeur ou directrice de la publication, hébergeur : à compléter par la Ville.' WHERE "legal_notice" = '' AND EXISTS (SELECT 1 FROM "plans" WHERE "city_name" = 'Aurillac');--> statement-breakpoint
UPDATE "platform_settings" SET "data_controller_name" = DEFAULT, "data_controller_address" = DEFAULT, "dpo_contact" = DEFAULT
  WHERE NOT EXISTS (SELECT 1 FROM "plans")
    AND "data_controller_name" = 'Ville d''Aurillac'
    AND "data_controller_address" = 'Mairie d''Aurillac, 15000 Aurillac'
    AND "dpo_contact" = 'Délégué·e à la protection des données, Mairie d''Aurillac, 15000 Aurillac';--> statement-breakpoint
UPDATE "plans" SET "demarche" = 'Le projet social communal est issu des Assises de la Solidarité. Face à l''aggravation de la crise économique, la Municipalité d''Aurillac a lancé les Assises de la Solidarité pour repenser sa politique sociale, notamment en faveur des personnes les plus fragiles.

Elles ont rassemblé de nombreux acteurs locaux du monde social, mais aussi des habitants, à travers les conseils de quartier. Leur but : une politique sociale lisible, unique et compréhensible pour celles et ceux qui en ont besoin.

« Les Assises de la Solidarité visaient à définir la politique sociale en faveur des Aurillacois, notamment les plus fragiles, pour la période 2015-2020 et à construire un programme d''actions partagé, opérationnel et adapté. »
— Ville d''Aurillac, article « Premier point d''étape pour le projet social communal »

Le document source ajoute : « Fruit d''une large concertation, le projet social communal a abouti à une stratégie développée en cinq thématiques et dix-sept fiches actions, que le maire et ses adjoints ont décliné par domaines de compétences. »

« Nous avons fait le choix politique d''un Aurillac pour tous. C''est-à-dire que nous souhaitons construire une société inclusive où chacun trouve sa place, quel que soit son statut social. »
— Pierre Mathonier, maire, lors de la première réunion de restitution du projet social communal (même article)' WHERE "city_name" = 'Aurillac' AND "demarche" = '';
