// Applies pending migrations and seeds an empty database (what the app also does when it starts).
import { getDatabase } from "@/db/client";

const database = await getDatabase();
console.log(`Base de données prête (${database.kind}).`);
await database.close();
