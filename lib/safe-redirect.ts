/**
 * Where to go after signing in: a path on this site, never elsewhere. Accepts a relative path or
 * an absolute URL of this very origin; anything else (other hosts, `//evil`, `/\\evil`,
 * `javascript:`) becomes the fallback.
 */
export function safeCallbackPath(candidate: string | null | undefined, baseUrl: string, fallback = "/espace"): string {
  if (!candidate) return fallback;
  try {
    const base = new URL(baseUrl);
    const url = new URL(candidate, base);
    if (url.origin !== base.origin) return fallback;
    if (!candidate.startsWith("/") && !candidate.startsWith(base.origin)) return fallback;
    if (/^\/[\\/]/.test(candidate)) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
