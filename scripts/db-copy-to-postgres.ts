// `npm run db:copy-to-postgres -- <postgres://…> [--force]`: copies every table of the embedded
// database (PGLITE_DIR, app stopped) into a PostgreSQL database, then checks both hold the same
// rows; see db/copy-to-postgres.ts and docs/deploiement.md.
import { copyEmbeddedToPostgres } from "@/db/copy-to-postgres";
import { env } from "@/lib/env";
import { runDatabaseCommand } from "./cli";

await runDatabaseCommand("npm run db:copy-to-postgres -- <postgres://utilisateur@hôte:5432/base> [--force]", async (targetUrl, force) => {
  const report = await copyEmbeddedToPostgres({ pgliteDir: env().PGLITE_DIR, targetUrl, force });
  console.log("Copie terminée, contenu identique des deux côtés :");
  console.table(Object.fromEntries(report.tables.map((t) => [t.name, t.rows])));
  console.log("Démarrez maintenant l'application avec DATABASE_URL donnant cette base.");
});
