import type { Logger } from "drizzle-orm/logger";

/**
 * Counts the SQL statements this process sends, so tests and the benchmark can check that a page
 * loads its data in a fixed number of queries whatever the number of rows.
 */
const counter = globalThis as unknown as { __pscQueryCount?: number };

export const countingLogger: Logger = {
  logQuery() {
    counter.__pscQueryCount = (counter.__pscQueryCount ?? 0) + 1;
  },
};

export function queryCount(): number {
  return counter.__pscQueryCount ?? 0;
}

export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const before = queryCount();
  const result = await fn();
  return { result, queries: queryCount() - before };
}
