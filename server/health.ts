import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { isStopping } from "@/ops/lifecycle.mjs";

/*
 * GET /api/sante: is this process able to serve? For a load balancer or a supervisor. It says, in
 * a few fixed words, which dependency is missing — never an error's text (it can hold a host name,
 * a user name), a version or a setting.
 */
export type PartState = "ok" | "injoignable" | "délai dépassé" | "non configuré";

export interface Health {
  statut: "ok" | "indisponible" | "arrêt en cours";
  base: PartState;
  redis: PartState;
}

/** Each dependency answers within this, or counts as down: a health check must answer fast. */
export const HEALTH_TIMEOUT_MS = 2_000;

async function within(check: () => Promise<unknown>, ms = HEALTH_TIMEOUT_MS): Promise<PartState> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const outcome = await Promise.race([
      check().then(() => "ok" as const),
      new Promise<"délai dépassé">((resolve) => (timer = setTimeout(() => resolve("délai dépassé"), ms))),
    ]);
    return outcome;
  } catch {
    return "injoignable";
  } finally {
    clearTimeout(timer);
  }
}

async function checkDatabase(): Promise<PartState> {
  return within(async () => (await getDb()).execute(sql`select 1`));
}

/** A short-lived connection per check: no client left reconnecting in the background between checks. */
async function checkRedis(url: string): Promise<PartState> {
  const { createClient } = await import("redis");
  const client = createClient({ url, socket: { connectTimeout: HEALTH_TIMEOUT_MS, reconnectStrategy: false } });
  client.on("error", () => {}); // reported as « injoignable » below, not as an unhandled error
  try {
    return await within(async () => {
      await client.connect();
      await client.ping();
    });
  } finally {
    try {
      client.destroy();
    } catch {
      // never connected: nothing to close
    }
  }
}

export async function checkHealth(): Promise<Health> {
  const redisUrl = env().REDIS_URL;
  const [base, redis] = await Promise.all([checkDatabase(), redisUrl ? checkRedis(redisUrl) : Promise.resolve("non configuré" as const)]);
  // From SIGTERM on (ops/server.mjs), this process is going away: send traffic elsewhere.
  if (isStopping()) return { statut: "arrêt en cours", base, redis };
  const up = base === "ok" && (redis === "ok" || redis === "non configuré");
  return { statut: up ? "ok" : "indisponible", base, redis };
}
