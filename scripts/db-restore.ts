// `npm run db:restore -- <fichier> [--force]`: puts a backup made by db:backup back into the
// database (DATABASE_URL, or the embedded one in PGLITE_DIR). Refused over a database that holds
// anything unless --force; see db/backup.ts and docs/deploiement.md.
import { parseArgs } from "node:util";
import { BackupError, restoreDatabase } from "@/db/backup";
import { env } from "@/lib/env";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  strict: true,
  options: { force: { type: "boolean", default: false } },
});
if (positionals.length !== 1) {
  console.error("Usage : npm run db:restore -- <fichier de sauvegarde> [--force]");
  process.exit(2);
}
try {
  console.log(await restoreDatabase(env(), positionals[0]!, { force: values.force }));
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
}
