// `npm run db:backup -- <fichier>`: saves the database (DATABASE_URL, or the embedded one in
// PGLITE_DIR) to a file; see db/backup.ts and docs/deploiement.md.
import { parseArgs } from "node:util";
import { BackupError, backupDatabase } from "@/db/backup";
import { env } from "@/lib/env";

const { positionals } = parseArgs({ allowPositionals: true, strict: true });
if (positionals.length !== 1) {
  console.error("Usage : npm run db:backup -- <fichier de sauvegarde>");
  process.exit(2);
}
try {
  console.log(await backupDatabase(env(), positionals[0]!));
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
}
