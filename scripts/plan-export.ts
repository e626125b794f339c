// `npm run plan:export -- <fichier.json> [--force]`: the install's plan as one file (the format of
// docs/format-plan.md): themes, fiches, points d'étape, milestones, councils' public fields — nothing
// about people. Reads the database only (DATABASE_URL, or the embedded one: stop the app first).
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { env } from "@/lib/env";
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
    console.log(
      `Plan « ${file.plan.titre} » exporté dans ${target} : ${counts.thematiques} thématiques, ${counts.fiches} fiches actions, ${counts.points_etape} points d'étape, ${counts.etapes} étapes de la démarche, ${counts.conseils} conseils.`,
    );
  } finally {
    await database.close();
  }
});
