import http from "node:http";
import { sleep } from "./processes";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the wire (compressed if the server compressed them). */
  body: Buffer;
}

/**
 * A plain GET with node:http, which (unlike fetch) neither adds `Accept-Encoding` nor decodes the
 * body: without `acceptEncoding` it returns the exact uncompressed bytes the server sends.
 */
export function get(url: string, opts: { acceptEncoding?: string; timeoutMs?: number } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "user-agent": "psc-bench" };
    if (opts.acceptEncoding) headers["accept-encoding"] = opts.acceptEncoding;
    const req = http.get(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.setTimeout(opts.timeoutMs ?? 60_000, () => req.destroy(new Error(`délai dépassé pour ${url}`)));
    req.on("error", reject);
  });
}

/** Polls `url` until the server answers anything at all (or `exited` resolves first). */
export async function waitForServer(url: string, timeoutMs: number, exited?: Promise<unknown>): Promise<number> {
  const start = Date.now();
  let dead = false;
  void exited?.then(() => (dead = true));
  while (Date.now() - start < timeoutMs) {
    if (dead) throw new Error(`le serveur s'est arrêté avant de répondre sur ${url}`);
    try {
      await get(url, { timeoutMs: 30_000 });
      return Date.now() - start;
    } catch {
      await sleep(200);
    }
  }
  throw new Error(`pas de réponse de ${url} après ${Math.round(timeoutMs / 1000)} s`);
}

export function header(res: RawResponse, name: string): string | null {
  const v = res.headers[name.toLowerCase()];
  if (v === undefined) return null;
  return Array.isArray(v) ? v.join(", ") : v;
}
