// Re-runs the seed: inserts what is missing from the source document (and demo data outside
// production), never overwrites. With the embedded database, stop the app first: one process only.
import { getDatabase } from "@/db/client";
import { countRows, seedDatabase } from "@/db/seed/run";
import { shouldSeedDemoData } from "@/lib/env";

const database = await getDatabase();
const demo = shouldSeedDemoData();
await seedDatabase(database.db, { demo });
console.log(`Données ${demo ? "du plan et de démonstration" : "du plan"} en place (${database.kind}) :`);
console.table(await countRows(database.db));
await database.close();
