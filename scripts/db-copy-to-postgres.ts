// `npm run db:copy-to-postgres -- <postgres://…> [--force]`: copies every table of the embedded
// database (PGLITE_DIR, app stopped) into a PostgreSQL database, then checks both hold the same
// rows; see db/copy-to-postgres.ts and docs/deploiement.md.
import { parseArgs } from "node:util";
import { BackupError } from "@/db/backup";
import { copyEmbeddedToPostgres } from "@/db/copy-to-postgres";
import { env } from "@/lib/env";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  strict: true,
  options: { force: { type: "boolean", default: false } },
});
if (positionals.length !== 1) {
  console.error("Usage : npm run db:copy-to-postgres -- <postgres://utilisateur@hôte:5432/base> [--force]");
  process.exit(2);
}
try {
  const report = await copyEmbeddedToPostgres({ pgliteDir: env().PGLITE_DIR, targetUrl: positionals[0]!, force: values.force });
  console.log("Copie terminée, contenu identique des deux côtés :");
  console.table(Object.fromEntries(report.tables.map((t) => [t.name, t.rows])));
  console.log("Démarrez maintenant l'application avec DATABASE_URL donnant cette base.");
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
}
