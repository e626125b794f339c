import { NextResponse, type NextRequest } from "next/server";
import { authSecret, siteOrigin } from "@/lib/env";
import { CSRF_HEADER, csrfCookieName, newCsrfCookie, tokenFromCsrfCookie } from "@/server/auth/csrf";
import { guardRequest } from "@/server/http/request-guards";

/*
 * Runs before the sign-in pages: makes sure the browser holds next-auth's CSRF cookie and hands
 * its token to the page (a request header), so the sign-in form can carry it in a hidden field
 * and work as a plain POST, JavaScript or not. Authorization is never decided here.
 */
export function proxy(request: NextRequest) {
  // Malformed requests Next would answer with a 500 (server/http/request-guards.ts).
  const refused = guardRequest(request);
  if (refused) return refused;
  if (!SIGN_IN_PAGES.includes(request.nextUrl.pathname)) return NextResponse.next();
  const secure = siteOrigin().startsWith("https://");
  const name = csrfCookieName(secure);
  const secret = authSecret();
  const existing = tokenFromCsrfCookie(request.cookies.get(name)?.value, secret);
  const fresh = existing ? null : newCsrfCookie(secret);
  const headers = new Headers(request.headers);
  headers.set(CSRF_HEADER, existing ?? fresh!.token);
  const response = NextResponse.next({ request: { headers } });
  if (fresh) response.cookies.set(name, fresh.cookieValue, { httpOnly: true, sameSite: "lax", path: "/", secure });
  return response;
}

const SIGN_IN_PAGES = ["/connexion", "/connexion/erreur"];

// Every path: the request guards apply everywhere; the CSRF cookie only on SIGN_IN_PAGES.
export const config = { matcher: "/:path*" };
