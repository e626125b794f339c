// `npm run admin:invite -- <adresse>`: invites an administrator — the first one of a new install
// (production has no demo account), or a way back in when no administrator is left. Prints the
// invitation link (valid 7 days, used once) and mails it when SMTP_URL is set. With the embedded
// database, stop the app first.
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed/run";
import { env, shouldSeedDemoData, shouldSeedPlan } from "@/lib/env";
import { inviteAdministratorFromCommandLine } from "@/server/users/invite-administrator";
import { runDatabaseCommand } from "./cli";

await runDatabaseCommand("npm run admin:invite -- <adresse électronique>", async (address) => {
  const settings = env();
  const database = await openDatabase(settings);
  try {
    // A database never started is prepared as the app would prepare it.
    await database.withSetupLock(async () => {
      await migrateDatabase(database);
      await seedDatabase(database.db, { demo: shouldSeedDemoData(settings), plan: shouldSeedPlan(settings) });
    });
    const result = await inviteAdministratorFromCommandLine(database.db, address);
    if (!result.ok) throw new Error(result.message);
    console.log(result.message);
    console.log(
      settings.SMTP_URL && result.data.mailed
        ? "Le lien lui est envoyé par courriel ; le voici aussi :"
        : "Aucun courriel n'est parti (SMTP_URL absent ou injoignable) : donnez-lui ce lien.",
    );
    console.log(result.data.link);
  } finally {
    await database.close();
  }
});
