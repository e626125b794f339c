// `npm run db:restore -- <fichier> [--force]`: puts a backup made by db:backup back into the
// database (DATABASE_URL, or the embedded one in PGLITE_DIR). Refused over a database that holds
// anything unless --force; see db/backup.ts and docs/deploiement.md.
import { restoreDatabase } from "@/db/backup";
import { env } from "@/lib/env";
import { invalidateEveryPage } from "@/ops/cache-handler.mjs";
import { runDatabaseCommand } from "./cli";

await runDatabaseCommand("npm run db:restore -- <fichier de sauvegarde> [--force]", async (file, force) => {
  const settings = env();
  console.log(await restoreDatabase(settings, file, { force }));
  // The pages cached in Redis show the database before the restore: every one is dropped, for
  // every process (without Redis, restarting the app drops its own cache).
  if (settings.REDIS_URL) {
    try {
      await invalidateEveryPage(settings.REDIS_URL, settings.REDIS_PREFIX);
      console.log("Pages en cache (Redis) périmées : chaque page sera rendue de nouveau depuis la base restaurée.");
    } catch (error) {
      throw new Error(
        `Base restaurée, mais Redis injoignable : les pages en cache montrent encore l'ancienne base. Videz-les quand Redis répond : redis-cli --scan --pattern '${settings.REDIS_PREFIX}:page:*' | xargs -r redis-cli del (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
});
