import { parseArgs } from "node:util";
import type { Env } from "@/lib/env";
import { invalidateEveryPage } from "@/ops/cache-handler.mjs";

/**
 * The database commands' common frame (db:backup, db:restore, db:copy-to-postgres, plan:export, plan:import): one argument
 * and an optional --force, the usage line if it is missing or an option is mistyped, and the
 * error's message without a stack trace (exit 1) when the command refuses or fails — the app's
 * messages (backup refusals, the embedded database's lock, the configuration) are in French.
 * DEBUG=1 prints the stack too.
 */
export async function runDatabaseCommand(usage: string, command: (argument: string, force: boolean) => Promise<void>): Promise<void> {
  let parsed: { positionals: string[]; force: boolean };
  try {
    const { positionals, values } = parseArgs({
      allowPositionals: true,
      strict: true,
      options: { force: { type: "boolean", default: false } },
    });
    parsed = { positionals, force: values.force };
  } catch {
    parsed = { positionals: [], force: false };
  }
  if (parsed.positionals.length !== 1) {
    console.error(`Usage : ${usage}`);
    process.exit(2);
  }
  try {
    await command(parsed.positionals[0]!, parsed.force);
  } catch (error) {
    console.error(process.env.DEBUG || !(error instanceof Error) ? error : error.message);
    process.exit(1);
  }
}

/**
 * After a command changed the database behind the app's back (a restore, a plan import): the pages
 * cached in Redis show the database as it was, so every one is dropped, for every process (without
 * Redis, restarting the app drops its own cache). `what` names the change in the error message.
 */
export async function dropCachedPages(settings: Env, what: string): Promise<void> {
  if (!settings.REDIS_URL) return;
  try {
    await invalidateEveryPage(settings.REDIS_URL, settings.REDIS_PREFIX);
    console.log("Pages en cache (Redis) périmées : chaque page sera rendue de nouveau depuis la base.");
  } catch (error) {
    throw new Error(
      `${what}, mais Redis injoignable : les pages en cache montrent encore l'ancienne base. Videz-les quand Redis répond : redis-cli --scan --pattern '${settings.REDIS_PREFIX}:page:*' | xargs -r redis-cli del (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
