import "server-only";

/*
 * The process's database, for pages and server actions: `app/` never imports `db/` itself. Server
 * functions take the database as their first argument so that tests can pass their own.
 */
export { getDb } from "@/db/client";
export type { Db } from "@/db/client";
