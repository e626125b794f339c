/*
 * Return addresses an attacker would try (`/connexion?callbackUrl=…`, next-auth's `callbackUrl`,
 * its callback-url cookie): each one, as the server receives it (already decoded once from the
 * query string), must lead nowhere but a path of this site. Used by lib/safe-redirect.test.ts and
 * by the browser tests in e2e/security/.
 */

/** Payloads that do not depend on the site's own address. */
export const REDIRECT_PAYLOADS: readonly string[] = [
  // Other sites, plainly.
  "https://evil.example/",
  "http://evil.example",
  "HTTPS://EVIL.EXAMPLE/",
  "https:evil.example",
  "http:\\\\evil.example",
  "https://user:pass@evil.example/",
  // Protocol-relative, and how a browser reads backslashes (as slashes).
  "//evil.example/",
  "///evil.example/",
  "////evil.example/",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\\/evil.example",
  "/\\\\evil.example",
  "//evil.example@127.0.0.1/",
  // Dot segments that collapse into a path starting with `//` once normalised.
  "/.//evil.example/",
  "/..//evil.example/",
  "/../..//evil.example/",
  "/./.././/evil.example",
  "/a/..//evil.example/",
  "/.\\/evil.example",
  "/.\\\\evil.example",
  "/..\\\\evil.example",
  // The same, with encoded dots (a browser decodes %2e in dot segments).
  "/%2e//evil.example/",
  "/%2E%2E//evil.example/",
  "/.%2e//evil.example/",
  "/%2e%2e/%2e%2e//evil.example",
  "/%2e\\/evil.example",
  // Tabs and newlines, which a browser's URL parser removes.
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  "/.\t//evil.example",
  "/\t\\evil.example",
  "/.\n/\t/evil.example",
  // Other control and white-space characters.
  "/\u0000//evil.example",
  "/\u000b/evil.example",
  " //evil.example",
  "\u0000//evil.example",
  // Encoded forms that must stay encoded (a path of this site), or be refused.
  "%2f%2fevil.example",
  "%2F%2Fevil.example",
  "/%2f%2fevil.example",
  "/%5cevil.example",
  "/%5c%5cevil.example",
  "/%252e//evil.example",
  "%5c%5cevil.example",
  // Schemes that run code or carry content.
  "javascript:alert(1)",
  "JaVaScRiPt:alert(document.domain)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  // Look-alike slashes and dots.
  "\uff0f\uff0fevil.example",
  "/\u3002/evil.example",
  // Relative forms that are not paths.
  "evil.example",
  "?x=//evil.example",
  "#//evil.example",
];

/** Payloads built on the site's own origin (e.g. `http://127.0.0.1:3370`). */
export function originPayloads(origin: string): string[] {
  const { host, hostname, protocol } = new URL(origin);
  return [
    `${origin}//evil.example/`,
    `${origin}/.//evil.example/`,
    `${origin}/..//evil.example`,
    `${origin}/%2e//evil.example`,
    `${origin}\\\\evil.example`,
    `${origin}@evil.example/`,
    `${origin}.evil.example/`,
    `${protocol}//${hostname}.evil.example/`,
    `${protocol}//evil.example\\@${host}/`,
    `${protocol === "https:" ? "http:" : "https:"}//${host}/`,
  ];
}

/** Every payload for a site at `origin`. */
export const allRedirectPayloads = (origin: string): string[] => [...REDIRECT_PAYLOADS, ...originPayloads(origin)];
