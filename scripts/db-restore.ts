// `npm run db:restore -- <fichier> [--force]`: puts a backup made by db:backup back into the
// database (DATABASE_URL, or the embedded one in PGLITE_DIR). Refused over a database that holds
// anything unless --force; see db/backup.ts and docs/deploiement.md.
import { restoreDatabase } from "@/db/backup";
import { env } from "@/lib/env";
import { dropCachedPages, runDatabaseCommand } from "./cli";

await runDatabaseCommand("npm run db:restore -- <fichier de sauvegarde> [--force]", async (file, force) => {
  const settings = env();
  console.log(await restoreDatabase(settings, file, { force }));
  await dropCachedPages(settings, "Base restaurée");
});
