import { gzipSync } from "node:zlib";
import { get } from "./http";

/** zlib's default level (6): what Next's own compression and nginx's gzip_comp_level 6 produce. */
export const GZIP_LEVEL = 6;

function attr(tag: string, name: string): string | null {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i"));
  if (!m) return null;
  return (m[1] ?? m[2] ?? m[3] ?? "").replace(/&amp;/g, "&");
}

export interface PageScripts {
  /** External scripts the browser downloads: `<script src>`, `modulepreload` and `preload as=script`. */
  urls: string[];
  /** Characters of inline `<script>` content (mostly the RSC payload), part of the HTML itself. */
  inlineScriptChars: number;
}

export function findScripts(html: string, pageUrl: string): PageScripts {
  const found = new Set<string>();
  let inlineScriptChars = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attr(` ${m[1]}`, "src");
    if (src) found.add(new URL(src, pageUrl).href);
    else inlineScriptChars += m[2]!.length;
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const rel = (attr(tag, "rel") ?? "").toLowerCase().split(/\s+/);
    const as = (attr(tag, "as") ?? "").toLowerCase();
    const href = attr(tag, "href");
    if (href && (rel.includes("modulepreload") || (rel.includes("preload") && as === "script"))) found.add(new URL(href, pageUrl).href);
  }
  return { urls: [...found], inlineScriptChars };
}

export interface ScriptSize {
  raw: number;
  gzip: number;
  status: number;
}

/** Fetches each script once (shared chunks are fetched once for all pages) and gzips it. */
export class ScriptSizer {
  private cache = new Map<string, Promise<ScriptSize>>();

  size(url: string): Promise<ScriptSize> {
    let p = this.cache.get(url);
    if (!p) {
      p = get(url).then((res) => ({
        raw: res.body.length,
        gzip: gzipSync(res.body, { level: GZIP_LEVEL }).length,
        status: res.status,
      }));
      this.cache.set(url, p);
    }
    return p;
  }

  async total(urls: string[]): Promise<{ files: number; raw: number; gzip: number; failed: number }> {
    const sizes = await Promise.all(urls.map((u) => this.size(u)));
    return {
      files: sizes.length,
      raw: sizes.reduce((n, s) => n + s.raw, 0),
      gzip: sizes.reduce((n, s) => n + s.gzip, 0),
      failed: sizes.filter((s) => s.status !== 200).length,
    };
  }
}
