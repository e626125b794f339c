// Re-runs the seed: inserts what is missing from the source document (and demo data outside
// production), never overwrites. With the embedded database, stop the app first: one process only.
import { getDatabase } from "@/db/client";
import { countRows, seedDatabase } from "@/db/seed/run";
import { shouldSeedDemoData, shouldSeedPlan } from "@/lib/env";

const database = await getDatabase();
const demo = shouldSeedDemoData();
const plan = shouldSeedPlan();
await seedDatabase(database.db, { demo, plan });
console.log(
  `Données ${plan ? "du plan" : "de base (sans plan : SEED_PLAN=0)"}${demo ? " et de démonstration" : ""} en place (${database.kind}) :`,
);
console.table(await countRows(database.db));
await database.close();
