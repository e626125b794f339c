import path from "node:path";
import { capture, hasCommand, pinned } from "./processes";

export type LoadTool = "wrk" | "autocannon";

export interface LoadResult {
  tool: LoadTool;
  connections: number;
  durationS: number;
  requests: number;
  reqPerSec: number;
  p50Ms: number | null;
  p99Ms: number | null;
  /** Socket errors (connect, read, write, timeout) + responses with an error status. */
  errors: number;
  errorDetail: string;
  /** Bytes read per second (response headers + possibly compressed bodies). */
  transferPerSec: string | null;
  /** When the load began (ISO): a round's errors can be matched with the server's log (bench-results/*-serveur.log). */
  startedAt?: string;
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationS: number;
  /** Core the load generator is pinned to (null: not pinned). */
  core: number | null;
}

export function pickTool(): { tool: LoadTool; autocannonBin: string } {
  const autocannonBin = path.resolve("node_modules/.bin/autocannon");
  const forced = process.env.BENCH_TOOL;
  if (forced === "autocannon") return { tool: "autocannon", autocannonBin };
  return { tool: hasCommand("wrk") ? "wrk" : "autocannon", autocannonBin };
}

export async function runLoad(tool: LoadTool, opts: LoadOptions): Promise<LoadResult> {
  const startedAt = new Date().toISOString();
  return { ...(await (tool === "wrk" ? runWrk(opts) : runAutocannon(opts))), startedAt };
}

async function runWrk(opts: LoadOptions): Promise<LoadResult> {
  // One thread: the generator has one core to itself. 10 s timeout so that a slow server shows
  // up in the latency figures instead of as dropped requests.
  const [cmd, args] = pinned(opts.core, "wrk", [
    "-t1",
    `-c${opts.connections}`,
    `-d${opts.durationS}s`,
    "--timeout",
    "10s",
    "--latency",
    "-H",
    "Accept-Encoding: gzip",
    opts.url,
  ]);
  const { code, stdout, stderr } = await capture(cmd, args);
  if (code !== 0) throw new Error(`wrk a échoué (code ${code}) : ${stderr || stdout}`);
  return parseWrk(stdout, opts);
}

/** Parses `wrk --latency` output. Exported for a quick self-check. */
export function parseWrk(out: string, opts: Pick<LoadOptions, "connections" | "durationS">): LoadResult {
  const percentile = (p: string) => {
    const m = out.match(new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, "m"));
    return m ? toMs(Number(m[1]), m[2]!) : null;
  };
  const reqPerSec = Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? NaN);
  const requests = Number(out.match(/(\d+) requests in/)?.[1] ?? NaN);
  const sock = out.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  const socketErrors = sock ? sock.slice(1, 5).reduce((n, v) => n + Number(v), 0) : 0;
  const non2xx = Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0);
  if (!Number.isFinite(reqPerSec)) throw new Error(`sortie de wrk illisible :\n${out}`);
  return {
    tool: "wrk",
    connections: opts.connections,
    durationS: opts.durationS,
    requests,
    reqPerSec,
    p50Ms: percentile("50"),
    p99Ms: percentile("99"),
    errors: socketErrors + non2xx,
    // wrk prints the "Socket errors" line only when there are some.
    errorDetail: sock
      ? `socket : connect ${sock[1]}, read ${sock[2]}, write ${sock[3]}, timeout ${sock[4]} ; statut ≥ 400 : ${non2xx}`
      : `socket : 0 ; statut ≥ 400 : ${non2xx}`,
    transferPerSec: out.match(/Transfer\/sec:\s+(\S+)/)?.[1] ?? null,
  };
}

function toMs(value: number, unit: string): number {
  switch (unit) {
    case "us":
      return value / 1000;
    case "ms":
      return value;
    case "s":
      return value * 1000;
    case "m":
      return value * 60_000;
    default:
      return NaN;
  }
}

async function runAutocannon(opts: LoadOptions): Promise<LoadResult> {
  const { autocannonBin } = pickTool();
  // `npx autocannon` resolves to this same local binary; calling it directly saves npx's start-up.
  const bin = hasCommand(autocannonBin) ? autocannonBin : "npx";
  const baseArgs = ["--json", "-c", String(opts.connections), "-d", String(opts.durationS), "-H", "Accept-Encoding=gzip", opts.url];
  const [cmd, args] = pinned(opts.core, bin, bin === "npx" ? ["autocannon", ...baseArgs] : baseArgs);
  const { code, stdout, stderr } = await capture(cmd, args);
  if (code !== 0) throw new Error(`autocannon a échoué (code ${code}) : ${stderr}`);
  const json = JSON.parse(stdout.slice(stdout.indexOf("{"))) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    throughput: { average: number };
  };
  return {
    tool: "autocannon",
    connections: opts.connections,
    durationS: opts.durationS,
    requests: json.requests.total,
    reqPerSec: json.requests.average,
    p50Ms: json.latency.p50,
    p99Ms: json.latency.p99,
    errors: json.errors + json.non2xx,
    // autocannon records latencies in whole milliseconds, and only for 2xx responses.
    errorDetail: `erreurs ${json.errors} (dont ${json.timeouts} délais dépassés), statut non 2xx : ${json.non2xx}`,
    transferPerSec: `${(json.throughput.average / 1024 / 1024).toFixed(2)}MB`,
  };
}
