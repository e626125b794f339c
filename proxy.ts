import { NextResponse, type NextRequest } from "next/server";
import { authSecret, siteOrigin } from "@/lib/env";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { newNonce, securityHeaders, UPLOADED_FILES_PREFIX } from "@/lib/security-headers";
import { CSRF_HEADER, csrfCookieName, newCsrfCookie, tokenFromCsrfCookie } from "@/server/auth/csrf";
import { guardRequest } from "@/server/http/request-guards";

/*
 * Runs before every request (pages, API routes, static assets, 404s): refuses malformed requests
 * that would make Next answer 500 (server/http/request-guards.ts), and:
 *
 * 1. The security headers of every response, set here and nowhere else (lib/security-headers.ts,
 *    docs/decisions/0009-security-headers.md): a fresh CSP nonce per request, handed to Next in the
 *    request's Content-Security-Policy header, from which Next puts it on the scripts of the pages
 *    it renders for this request.
 * 2. Drops a next-auth callback-url cookie that is not an address of this site (only a cookie set
 *    by someone else can be: next-auth writes checked ones), before next-auth or the sign-in error
 *    page read it — next-auth would otherwise refuse every sign-in with « Configuration ».
 * 3. On the sign-in pages: makes sure the browser holds next-auth's CSRF cookie and hands its token
 *    to the page (a request header), so the sign-in form can carry it in a hidden field and work
 *    as a plain POST, JavaScript or not.
 *
 * Authorization is never decided here.
 */
const SIGN_IN_PAGES = new Set(["/connexion", "/connexion/erreur"]);
const CALLBACK_URL_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

export function proxy(request: NextRequest) {
  const https = siteOrigin().startsWith("https://");
  const nonce = newNonce();
  const headers = securityHeaders({
    nonce,
    https,
    development: process.env.NODE_ENV === "development",
    uploaded: request.nextUrl.pathname.startsWith(UPLOADED_FILES_PREFIX),
  });
  // Malformed requests Next would answer with a 500 (server/http/request-guards.ts): refused here.
  // OPTIONS is answered here, never by Next: the site serves no cross-origin preflight, and Next's
  // automatic 204 to a route handler cached on its first request (a fiche's feed) was cached as
  // that route's content — every later GET of the feed failed with a 500 until the next change.
  if (request.method === "OPTIONS") {
    const allowed = new NextResponse(null, { status: 204, headers: { Allow: "GET, HEAD, POST, OPTIONS" } });
    for (const [name, value] of Object.entries(headers)) allowed.headers.set(name, value);
    return allowed;
  }
  const refused = guardRequest(request);
  if (refused) {
    for (const [name, value] of Object.entries(headers)) refused.headers.set(name, value);
    return refused;
  }

  for (const name of CALLBACK_URL_COOKIES) {
    const value = request.cookies.get(name)?.value;
    if (value !== undefined && !safeCallbackPath(value, siteOrigin(), "")) request.cookies.delete(name);
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  let fresh: { cookieValue: string } | null = null;
  let cookieName = "";
  if (SIGN_IN_PAGES.has(request.nextUrl.pathname)) {
    cookieName = csrfCookieName(https);
    const secret = authSecret();
    const existing = tokenFromCsrfCookie(request.cookies.get(cookieName)?.value, secret);
    const created = existing ? null : newCsrfCookie(secret);
    fresh = created;
    requestHeaders.set(CSRF_HEADER, existing ?? created!.token);
  } else {
    // Never trust a client-sent token header on other pages.
    requestHeaders.delete(CSRF_HEADER);
  }

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (fresh) response.cookies.set(cookieName, fresh.cookieValue, { httpOnly: true, sameSite: "lax", path: "/", secure: https });
  return response;
}

// Every request: no `matcher` exclusions, so no response leaves without its headers.
export const config = { matcher: "/:path*" };
