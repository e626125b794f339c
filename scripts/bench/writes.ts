/*
 * One approval per second through the app, while the public pages are under load (issue 15, goal
 * 3: « with one write per second, public reads keep ≥ 90 % of their throughput and p99 ≤ 2× »).
 * Each write is a POST to the test seam app/api/test-hooks/approvals (built into the bench's build
 * with its token): a pending avis approved by the demo moderator through the queue's path, which
 * refreshes the public pages that show it. Sequential: the next one starts a second after the
 * previous one started (or at once if it took longer).
 */

import type { LoadResult } from "./load";

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

/** The middle value (the mean of the two middle ones for an even count), to 0.01; null when empty or all null. */
function median(values: (number | null)[]): number | null {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const middle = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(middle * 100) / 100;
}

/**
 * Several loads of one page taken in turns with others, as one: their req/s weighed by how long
 * each lasted, the median of their p50 and p99 (the tools give
 * percentiles, not the latencies to pool), errors added up.
 */
export function combinedLoad(rounds: LoadResult[]): LoadResult {
  const first = rounds[0];
  if (!first) throw new Error("combinedLoad : aucune mesure");
  const durationS = rounds.reduce((n, r) => n + r.durationS, 0);
  const requests = rounds.reduce((n, r) => n + r.requests, 0);
  return {
    tool: first.tool,
    connections: first.connections,
    durationS,
    requests,
    reqPerSec: durationS > 0 ? rounds.reduce((n, r) => n + r.reqPerSec * r.durationS, 0) / durationS : 0,
    p50Ms: median(rounds.map((r) => r.p50Ms)),
    p99Ms: median(rounds.map((r) => r.p99Ms)),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    errorDetail: rounds
      .map((r) => r.errorDetail)
      .filter(Boolean)
      .join(" ; "),
    transferPerSec: null,
  };
}

/** The writers of several turns as one. */
export function combinedWriters(rounds: WriterResult[]): WriterResult {
  return {
    writes: rounds.reduce((n, r) => n + r.writes, 0),
    failures: rounds.reduce((n, r) => n + r.failures, 0),
    serverMs: rounds.flatMap((r) => r.serverMs),
    roundTripMs: rounds.flatMap((r) => r.roundTripMs),
  };
}
