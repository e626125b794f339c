/*
 * One approval per second through the app, while the public pages are under load (issue 15, goal
 * 3: « with one write per second, public reads keep ≥ 90 % of their throughput and p99 ≤ 2× »).
 * Each write is a POST to the test seam app/api/test-hooks/approvals (built into the bench's build
 * with its token): a pending avis approved by the demo moderator through the queue's path, which
 * refreshes the public pages that show it. Sequential: the next one starts a second after the
 * previous one started (or at once if it took longer).
 */

export interface WriterResult {
  writes: number;
  failures: number;
  /** The approval's server time (Server-Timing: approve): the approval, not the refresh its answer waits for. */
  serverMs: number[];
  /** Seen from the writer: request to response, the refresh of the pages visitors read included (decision 0032). */
  roundTripMs: number[];
}

export interface Writer {
  stop(): Promise<WriterResult>;
}

/** The app, its test hooks' token, and the fiche whose avis are approved. */
interface WriteTarget {
  app: string;
  token: string;
  actionSlug: string;
}

/** One approval through the test seam (app/api/test-hooks/approvals), its answer read to the end. */
async function approveOnce(opts: WriteTarget): Promise<Response> {
  const response = await fetch(`${opts.app}/api/test-hooks/approvals`, {
    method: "POST",
    headers: { "x-test-hooks-token": opts.token },
    body: new URLSearchParams({ actionSlug: opts.actionSlug }),
  });
  await response.arrayBuffer();
  return response;
}

export function startWriter(opts: WriteTarget & { intervalMs?: number }): Writer {
  const interval = opts.intervalMs ?? 1000;
  const result: WriterResult = { writes: 0, failures: 0, serverMs: [], roundTripMs: [] };
  let stopped = false;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (!stopped) {
      const start = performance.now();
      try {
        const response = await approveOnce(opts);
        result.roundTripMs.push(performance.now() - start);
        const server = /approve;dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "");
        if (response.status === 201 && server) {
          result.writes++;
          result.serverMs.push(Number(server[1]));
        } else result.failures++;
      } catch {
        result.failures++;
      }
      const wait = interval - (performance.now() - start);
      if (wait > 0 && !stopped) await new Promise<void>((resolve) => ((wake = resolve), setTimeout(resolve, wait)));
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      return result;
    },
  };
}

/** `count` approvals one after the other, not measured (the code of the write path loaded and compiled). */
export async function warmWrites(opts: WriteTarget & { count: number }): Promise<void> {
  for (let i = 0; i < opts.count; i++) await approveOnce(opts);
}

/** p50 / p95 / max of a list of times (ms), rounded; nulls when empty. */
export function timings(values: number[]): { n: number; p50: number | null; p95: number | null; max: number | null } {
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: the smallest value with at least p % of the values at or below it.
  const at = (p: number) => (sorted.length ? Math.round(sorted[Math.ceil((p / 100) * sorted.length) - 1]! * 10) / 10 : null);
  return { n: sorted.length, p50: at(50), p95: at(95), max: sorted.length ? Math.round(sorted.at(-1)! * 10) / 10 : null };
}
