import { parseArgs } from "node:util";

/**
 * The database commands' common frame (db:backup, db:restore, db:copy-to-postgres): one argument
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
