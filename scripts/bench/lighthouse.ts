import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { round } from "./report";

/*
 * Lighthouse, mobile (its default: simulated slow 4G and a 4× slower CPU), performance only, in
 * headless Chromium — run through `npx lighthouse@12.2.3` (downloaded into npm's cache on first
 * use, not a dependency of the project). CHROME_PATH defaults to /usr/bin/chromium.
 */
export const LIGHTHOUSE_VERSION = "12.2.3";

export interface LighthouseRun {
  score: number;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  bytes: number;
}

export interface LighthouseMedian {
  runs: number;
  /** Performance score, 0–100. */
  score: number | null;
  lcpMs: number | null;
  fcpMs: number | null;
  tbtMs: number | null;
  bytes: number | null;
  error?: string;
}

function once(url: string): Promise<LighthouseRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "psc-lighthouse-"));
  const out = path.join(dir, "report.json");
  const chrome = process.env.CHROME_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  return new Promise((resolve, reject) => {
    const child = spawn(
      "npx",
      [
        "--yes",
        `lighthouse@${LIGHTHOUSE_VERSION}`,
        url,
        "--only-categories=performance",
        "--output=json",
        `--output-path=${out}`,
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox",
      ],
      { env: { ...process.env, ...(chrome ? { CHROME_PATH: chrome } : {}) }, stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      try {
        if (code !== 0) throw new Error(`lighthouse : code ${code} — ${stderr.trim().split("\n").slice(-3).join(" ")}`);
        const report = JSON.parse(readFileSync(out, "utf8")) as {
          categories: { performance: { score: number } };
          audits: Record<string, { numericValue?: number }>;
          runtimeError?: { message: string };
        };
        if (report.runtimeError) throw new Error(`lighthouse : ${report.runtimeError.message}`);
        resolve({
          score: Math.round(report.categories.performance.score * 100),
          lcpMs: report.audits["largest-contentful-paint"]?.numericValue ?? NaN,
          fcpMs: report.audits["first-contentful-paint"]?.numericValue ?? NaN,
          tbtMs: report.audits["total-blocking-time"]?.numericValue ?? NaN,
          bytes: report.audits["total-byte-weight"]?.numericValue ?? NaN,
        });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : null;
};

/** `runs` Lighthouse runs of `url`, one after the other; the median of each figure. */
export async function lighthouseMedian(url: string, runs: number): Promise<LighthouseMedian> {
  const done: LighthouseRun[] = [];
  try {
    for (let i = 0; i < runs; i++) done.push(await once(url));
  } catch (error) {
    return { runs: done.length, score: null, lcpMs: null, fcpMs: null, tbtMs: null, bytes: null, error: (error as Error).message };
  }
  return {
    runs: done.length,
    score: median(done.map((r) => r.score)),
    lcpMs: round(median(done.map((r) => r.lcpMs)), 0),
    fcpMs: round(median(done.map((r) => r.fcpMs)), 0),
    tbtMs: round(median(done.map((r) => r.tbtMs)), 0),
    bytes: median(done.map((r) => r.bytes)),
  };
}

/**
 * The floor with the site's stylesheet linked in its head (served by nginx too): what a page
 * styled like the site's cannot go below — the stylesheet is one more request before the first paint.
 */
export function floorPageWithStylesheet(href: string): string {
  return FLOOR_PAGE.replace("</title>", `</title><link rel="stylesheet" href="${href}">`);
}

/**
 * The floor: the least a page can be — plain HTML, no stylesheet, no script, one heading and a
 * paragraph of text as the largest element — served by nginx. A page's LCP is compared to it.
 *
 * Its icon is in the page (`data:`), as the app's are (lib/site-icon.ts). Without one, Chromium
 * asks for /favicon.ico right after the load; when that request ended before the first paint,
 * Lighthouse's estimate counted it as a round trip the paint waited for (+130 to +190 ms on this
 * floor, in one run out of two: 623–810 ms instead of 619–635; docs/benchmark.md, « 2026-11-30, 20:02 »).
 */
export const FLOOR_PAGE = `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Page plancher</title><link rel="icon" href="data:,"><meta name="description" content="Page HTML seule, référence du banc d'essai."></head>
<body><h1>Page plancher</h1><p>Du HTML seul, sans feuille de style ni script : le moins qu'une page puisse coûter à
afficher. Le banc d'essai compare le temps d'affichage du plus grand élément des pages publiques à celui de ce
paragraphe, servi par nginx.</p></body></html>
`;
