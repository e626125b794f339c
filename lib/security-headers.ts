/*
 * The security headers of every response, written once and set in one place: proxy.ts, which runs
 * before every request (pages, API routes, static assets, 404s). Why this policy, and what it
 * leaves open: docs/decisions/0009-security-headers.md.
 */

/** A fresh nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The Content-Security-Policy. Scripts run only if they carry this response's nonce, and what they
 * load ('strict-dynamic'): a page rendered per request (signed-in pages) gets the nonce on every
 * script Next writes; a page served from the cache was rendered for nobody in particular, so none
 * of its scripts carries it and none runs — those pages are built to work without JavaScript.
 * Inline styles are allowed: server-rendered `style` attributes (progress bars, slide sizes) and
 * the slides' print `<style>` need it.
 */
export function contentSecurityPolicy({
  nonce,
  development = false,
  https = false,
}: {
  nonce: string;
  development?: boolean;
  https?: boolean;
}): string {
  const directives = [
    "default-src 'self'",
    // React needs eval in development only (error stacks); never in production.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/**
 * Browser features the app never uses, turned off for it and anything it could embed. Kept:
 * fullscreen for this site only (the projector view goes full screen).
 */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "encrypted-media=()",
  "fullscreen=(self)",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "idle-detection=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "picture-in-picture=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
  "browsing-topics=()",
].join(", ");

/** HSTS: one year, subdomains included; sent only when the site is served over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/**
 * Files an admin uploaded (the City's logo, app/identite/): an SVG opened at its own address is a
 * document that could hold script. This policy loads nothing, runs nothing and sandboxes the
 * document (a unique origin, no script), on top of the upload refusing any active SVG.
 */
export const UPLOADED_FILES_PREFIX = "/identite/";
export const UPLOADED_FILE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/** Every security header of a response; `uploaded`: a response under UPLOADED_FILES_PREFIX. */
export function securityHeaders(options: {
  nonce: string;
  https: boolean;
  development?: boolean;
  uploaded?: boolean;
}): Record<string, string> {
  return {
    "Content-Security-Policy": options.uploaded ? UPLOADED_FILE_CSP : contentSecurityPolicy(options),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(options.https ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {}),
  };
}
