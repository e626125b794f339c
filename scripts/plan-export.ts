// `npm run plan:export -- <fichier.json> [--force]`: the install's plan as one file (the format of
// docs/format-plan.md): themes, fiches, points d'étape, milestones, councils' public fields — nothing
// about people. Reads the database only (DATABASE_URL, or the embedded one: stop the app first).
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { env } from "@/lib/env";
import { pluralize } from "@/lib/labels";
import { serializePlanFile } from "@/lib/validation/plan-file";
import { planFileCounts, readPlanFile } from "@/server/plan-file/export-plan";
import { runDatabaseCommand } from "./cli";

await runDatabaseCommand("npm run plan:export -- <fichier.json> [--force]", async (target, force) => {
  if (existsSync(target) && !force)
    throw new Error(`Le fichier ${target} existe déjà : donnez un autre nom, ou ajoutez --force pour le remplacer.`);
  const database = await openDatabase(env());
  try {
    await database.withSetupLock(() => migrateDatabase(database));
    const file = await readPlanFile(database.db);
    if (!file) throw new Error("Cette installation n'a pas de plan : rien à exporter.");
    await writeFile(target, serializePlanFile(file));
    const counts = planFileCounts(file);
    const parts = [
      pluralize(counts.thematiques, "thématique", "thématiques"),
      pluralize(counts.fiches, "fiche action", "fiches actions"),
      pluralize(counts.points_etape, "point d'étape", "points d'étape"),
      pluralize(counts.etapes, "étape de la démarche", "étapes de la démarche"),
      pluralize(counts.conseils, "conseil", "conseils"),
    ];
    console.log(`Plan « ${file.plan.titre} » exporté dans ${target} : ${parts.join(", ")}.`);
  } finally {
    await database.close();
  }
});
