// Control characters (C0, DEL, C1) and every kind of white space: none belongs in a return address.
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/**
 * True when `path` can only be read, by a browser as by next-auth, as a path of the site it is
 * resolved against: it starts with exactly one `/` (a second `/` — or a `\`, which browsers read
 * as `/` — would make it protocol-relative, i.e. another host), holds no backslash, control
 * character or white space anywhere, and resolves to itself on `base`'s origin.
 */
export function isLocalPath(path: string, base: URL): boolean {
  if (!path.startsWith("/") || path.startsWith("//")) return false;
  if (path.includes("\\") || CONTROL_OR_SPACE.test(path)) return false;
  try {
    const again = new URL(path, base);
    return again.origin === base.origin && `${again.pathname}${again.search}${again.hash}` === path;
  } catch {
    return false;
  }
}

/**
 * Where to go after signing in: a path on this site, never elsewhere. Accepts a path or an
 * absolute URL of this very origin; normalises it as a browser would (dot segments, `%2e`,
 * backslashes, tabs and newlines removed…), then checks the RESULT with `isLocalPath` — checking
 * the raw string is not enough: `/.//evil.example` normalises to `//evil.example`, another site.
 * Anything else becomes the fallback.
 */
export function safeCallbackPath(candidate: string | null | undefined, baseUrl: string, fallback = "/espace"): string {
  // Raw control characters or white space: never in a real return address (browsers drop tabs and
  // newlines, which is how `/\t/evil.example` becomes `//evil.example`).
  if (!candidate || candidate.length > 2000 || CONTROL_OR_SPACE.test(candidate)) return fallback;
  try {
    const base = new URL(baseUrl);
    const sameOriginUrl = candidate === base.origin || ["/", "?", "#"].some((c) => candidate.startsWith(`${base.origin}${c}`));
    if (!candidate.startsWith("/") && !sameOriginUrl) return fallback;
    const url = new URL(candidate, base);
    if (url.origin !== base.origin || url.username || url.password) return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    return isLocalPath(path, base) ? path : fallback;
  } catch {
    return fallback;
  }
}
