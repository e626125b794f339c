// `npm run plan:import -- <fichier.json>`: loads a plan file (docs/format-plan.md) into an install
// that has no plan (started with SEED_PLAN=0): everything in one transaction with its journal row,
// or nothing at all and the file's errors in French, one per line. With the embedded database, stop
// the app first; on PostgreSQL the app may run (its pages cached in Redis are dropped afterwards).
import { readFile, stat } from "node:fs/promises";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed/run";
import { env, shouldSeedDemoData } from "@/lib/env";
import { PLAN_FILE_MAX_BYTES } from "@/lib/validation/plan-file";
import { importPlanText } from "@/server/plan-file/import-plan";
import { dropCachedPages, runDatabaseCommand } from "./cli";

await runDatabaseCommand("npm run plan:import -- <fichier.json>", async (source) => {
  const size = (await stat(source)).size;
  if (size > PLAN_FILE_MAX_BYTES)
    throw new Error(
      `Le fichier fait ${Math.ceil(size / 1024)} Ko : un fichier de plan ne dépasse pas ${PLAN_FILE_MAX_BYTES / 1024 / 1024} Mo.`,
    );
  const text = await readFile(source, "utf8");
  const settings = env();
  const database = await openDatabase(settings);
  try {
    // A database never started is prepared as an empty install (never with the source's plan).
    await database.withSetupLock(async () => {
      await migrateDatabase(database);
      await seedDatabase(database.db, { demo: shouldSeedDemoData(settings), plan: false });
    });
    const result = await importPlanText(database.db, null, text, "ligne de commande");
    if (!result.ok) throw new Error([result.message, ...(result.fieldErrors?.file ?? []).map((line) => `  - ${line}`)].join("\n"));
    console.log(result.message);
  } finally {
    await database.close();
  }
  await dropCachedPages(settings, "Plan importé");
});
