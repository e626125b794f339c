import type { Logger } from "drizzle-orm/logger";

/**
 * Counts the SQL statements this process sends, so tests and the benchmark can check that a page
 * loads its data in a fixed number of queries whatever the number of rows.
 */
const counter = globalThis as unknown as { __pscQueryCount?: number; __pscQueryLog?: RecordedQuery[] };

/** A statement as sent: its SQL with $1, $2… and the values bound to them. */
export interface RecordedQuery {
  sql: string;
  params: unknown[];
}

export const countingLogger: Logger = {
  logQuery(query, params) {
    counter.__pscQueryCount = (counter.__pscQueryCount ?? 0) + 1;
    counter.__pscQueryLog?.push({ sql: query, params });
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

/** The statements `fn` sends, in order (the benchmark explains each one's plan at volume). */
export async function recordQueries<T>(fn: () => Promise<T>): Promise<{ result: T; statements: RecordedQuery[] }> {
  const statements: RecordedQuery[] = [];
  counter.__pscQueryLog = statements;
  try {
    return { result: await fn(), statements };
  } finally {
    counter.__pscQueryLog = undefined;
  }
}
