// `npm run db:backup -- <fichier>`: saves the database (DATABASE_URL, or the embedded one in
// PGLITE_DIR) to a file; see db/backup.ts and docs/deploiement.md.
import { backupDatabase } from "@/db/backup";
import { env } from "@/lib/env";
import { runDatabaseCommand } from "./cli";

await runDatabaseCommand("npm run db:backup -- <fichier de sauvegarde>", async (file) => {
  console.log(await backupDatabase(env(), file));
});
