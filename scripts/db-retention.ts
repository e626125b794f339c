// Applies the retention periods of personal data now, as the server's timer does (server/retention/):
// the short pass (sign-in throttle rows, IP addresses), then today's run if no process has done it
// yet today. For a deployment that runs it from cron, or to check it by hand. With the embedded
// database, stop the app first: one process only.
import { getDatabase } from "@/db/client";
import { purgeSignInThrottles } from "@/server/retention/purge-sign-in-throttles";
import { runRetention } from "@/server/retention/run-retention";

const database = await getDatabase();
try {
  const now = new Date();
  const throttles = await purgeSignInThrottles(database.db, now);
  const run = await runRetention(database.db, now);
  console.log(`Tentatives de connexion effacées (passe courte) : ${throttles}`);
  if (run.ran) {
    console.log(`Durées de conservation appliquées pour le ${run.day} (${database.kind}) :`);
    console.table(run.purged);
  } else {
    console.log(`Les durées de conservation ont déjà été appliquées aujourd'hui (${run.day}) : rien d'autre à faire.`);
  }
} finally {
  await database.close();
}
