import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/*
 * next-auth's CSRF token (double submit: a signed cookie, and the same token in the form). The
 * sign-in page puts it in a hidden field so that the form works as a plain POST to next-auth's
 * credentials endpoint before any JavaScript runs. Same format as next-auth 4
 * (core/lib/csrf-token.js): cookie `token|sha256(token + secret)`.
 */

export const CSRF_HEADER = "x-psc-csrf-token";

export function csrfCookieName(secure: boolean): string {
  return `${secure ? "__Host-" : ""}next-auth.csrf-token`;
}

const hashOf = (token: string, secret: string) => createHash("sha256").update(`${token}${secret}`).digest("hex");

/** The token of a valid cookie, or null (absent, tampered with, signed with another secret). */
export function tokenFromCsrfCookie(cookieValue: string | undefined, secret: string): string | null {
  if (!cookieValue) return null;
  const [token, hash] = cookieValue.split("|");
  if (!token || !hash || !/^[0-9a-f]{64}$/.test(token) || !/^[0-9a-f]{64}$/.test(hash)) return null;
  return timingSafeEqual(Buffer.from(hash), Buffer.from(hashOf(token, secret))) ? token : null;
}

export function newCsrfCookie(secret: string): { token: string; cookieValue: string } {
  const token = randomBytes(32).toString("hex");
  return { token, cookieValue: `${token}|${hashOf(token, secret)}` };
}
