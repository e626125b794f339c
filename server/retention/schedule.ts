import "server-only";
import type { Db } from "@/db/client";
import { RETENTION_TICK_MINUTES } from "@/lib/personal-data";
import { purgeSignInThrottles } from "./purge-sign-in-throttles";
import { runRetention } from "./run-retention";

const state = globalThis as unknown as {
  __pscRetentionTimer?: ReturnType<typeof setInterval>;
  __pscRetentionFirstTick?: ReturnType<typeof setTimeout>;
  __pscRetentionBusy?: boolean;
  __pscRetentionTick?: Promise<void>;
};

/** One tick: the short pass (IP addresses), then the day's run if no process has had it yet. Never throws. */
export async function retentionTick(db: Db, now: Date = new Date()): Promise<void> {
  // A slow run (a long list of accounts to erase) is not started again under itself.
  if (state.__pscRetentionBusy) return;
  state.__pscRetentionBusy = true;
  try {
    await purgeSignInThrottles(db, now);
    const run = await runRetention(db, now);
    if (run.ran) console.log(`[conservation] durées appliquées pour le ${run.day} : ${JSON.stringify(run.purged)}`);
  } catch (error) {
    console.error(`[conservation] purge impossible, nouvel essai dans ${RETENTION_TICK_MINUTES} minutes :`, error);
  } finally {
    state.__pscRetentionBusy = false;
  }
}

/** The first tick after a start: the server is up and serving before it runs. */
const FIRST_TICK_MS = 45_000;

/**
 * The retention job in the running server (instrumentation.ts; never during `next build`, never in
 * the test runner): a tick every RETENTION_TICK_MINUTES — the daily run happens at the first tick
 * of each day of the City, in one process only (its claim), and the short pass at every tick.
 * Unref'd: it never keeps a process alive. Started once per process.
 */
export function startRetentionSchedule(db: Db, firstTickMs = FIRST_TICK_MS): void {
  if (state.__pscRetentionTimer) return;
  const tick = () => void (state.__pscRetentionTick = retentionTick(db));
  state.__pscRetentionTimer = setInterval(tick, RETENTION_TICK_MINUTES * 60_000);
  state.__pscRetentionTimer.unref?.();
  // Soon after start: a server started after a night off catches up at once.
  state.__pscRetentionFirstTick = setTimeout(tick, firstTickMs);
  state.__pscRetentionFirstTick.unref?.();
}

/**
 * At shutdown (ops/server.mjs, before the database is closed): no tick starts any more; one under
 * way is waited for unless the stop is forced.
 */
export async function stopRetentionSchedule(options: { wait: boolean } = { wait: true }): Promise<void> {
  clearInterval(state.__pscRetentionTimer);
  clearTimeout(state.__pscRetentionFirstTick);
  state.__pscRetentionTimer = state.__pscRetentionFirstTick = undefined;
  if (options.wait) await state.__pscRetentionTick;
}
