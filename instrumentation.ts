/**
 * Runs once when a server process starts: validate the environment, then open the database,
 * apply pending migrations and seed it if empty, so the first visitor never waits for that and a
 * misconfiguration — or a database that cannot be opened — stops the app at once (non-zero exit)
 * with a clear message. Then starts the periodic runs: the notification digests and the
 * retention of personal data.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The build's page workers open the database lazily, when a page first needs it.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // The production server (ops/server.mjs) listens once this is over, and stops if it failed.
  // (The work stays inline, after the runtime check: Next drops it from the Edge build only so.)
  const { startUpDone, onShutdown } = await import("@/ops/lifecycle.mjs");
  try {
    const { env, authSecret } = await import("@/lib/env");
    const settings = env();
    authSecret(settings);
    // next-auth builds its links from NEXTAUTH_URL; in development default it to this server's port.
    if (!settings.NEXTAUTH_URL) {
      if (settings.NODE_ENV === "production") {
        throw new Error(
          "Configuration invalide (variables d'environnement) :\n  - NEXTAUTH_URL : obligatoire en production (l'adresse publique du site, par exemple https://social.aurillac.fr ; elle sert aux liens des courriels)",
        );
      }
      process.env.NEXTAUTH_URL = `http://localhost:${process.env.PORT ?? 3000}`;
    }
    const { installPeerAddressHeader } = await import("@/server/net/peer-address");
    installPeerAddressHeader();
    // Opens the database before the server serves anyone; if it cannot (held by a live process,
    // unreachable…), the process exits non-zero instead of listening and answering 500 forever.
    const { openDatabaseAtStart } = await import("@/db/client");
    const database = await openDatabaseAtStart();
    console.log(`[base de données] prête (${database.kind === "pglite" ? "embarquée, PGlite" : "PostgreSQL"})`);
    // The notification digests that became due (24 h after a person's last one): every 10 minutes,
    // in this running server only (never during `next build`, never in the test runner). Unref'd.
    const { startDigestSchedule, stopDigestSchedule } = await import("@/server/notifications/digest");
    // (The browser tests shorten the period to run two processes' timers against each other.)
    startDigestSchedule(database.db, settings.TEST_HOOKS_TOKEN ? settings.TEST_DIGEST_PERIOD_MS : undefined);
    // The retention periods of personal data (lib/personal-data.ts): a short pass every 10 minutes
    // (IP addresses), the whole run once a day in one process only (server/retention/). Unref'd.
    const { startRetentionSchedule, stopRetentionSchedule } = await import("@/server/retention/schedule");
    // (The browser tests make its first tick early: their spec of the server's run need not wait 45 s.)
    startRetentionSchedule(database.db, settings.TEST_HOOKS_TOKEN ? settings.TEST_RETENTION_FIRST_TICK_MS : undefined);
    // On SIGTERM the production server (ops/server.mjs) lets the requests in flight finish, then runs
    // these, newest first: the timers stop (a run under way ends), then the database is closed —
    // or, if requests had to be cut, abandoned at once so that none of theirs commits.
    onShutdown("base de données", ({ forced }) => (forced ? database.abandon() : database.close()));
    onShutdown("envoi des résumés", ({ forced }) => stopDigestSchedule({ wait: !forced }));
    onShutdown("durées de conservation", ({ forced }) => stopRetentionSchedule({ wait: !forced }));
    if (database.kind === "pglite") {
      // `npm run db:backup` while the app runs: the app, which holds the folder, writes the dump.
      const { installHotBackup } = await import("@/db/backup");
      onShutdown("sauvegarde à chaud", installHotBackup(database, settings.PGLITE_DIR));
    }
    startUpDone();
  } catch (error) {
    startUpDone(error);
    throw error;
  }
}
