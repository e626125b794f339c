import { parseArgs } from "node:util";
import { BackupError } from "@/db/backup";

/**
 * The database commands' common frame (db:backup, db:restore, db:copy-to-postgres): one argument
 * and an optional --force, the usage line if it is missing, and a French message without a stack
 * trace (exit 1) when the command refuses or fails for a reason it can name.
 */
export async function runDatabaseCommand(usage: string, command: (argument: string, force: boolean) => Promise<void>): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    strict: true,
    options: { force: { type: "boolean", default: false } },
  });
  if (positionals.length !== 1) {
    console.error(`Usage : ${usage}`);
    process.exit(2);
  }
  try {
    await command(positionals[0]!, values.force);
  } catch (error) {
    console.error(error instanceof BackupError ? error.message : error);
    process.exit(1);
  }
}
