import path from "node:path";
import type { Database } from "./client";

export const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

/** Applies the committed migrations that are not yet applied. Callers hold the setup lock. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    // The app types the database as the drivers' common shape; each migrator wants its own driver's.
    await migrate(database.db as Parameters<typeof migrate>[0], { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(database.db as Parameters<typeof migrate>[0], { migrationsFolder });
  }
}
