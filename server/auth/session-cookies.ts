import "server-only";
import { cookies } from "next/headers";

/**
 * Drops next-auth's session cookie(s) from this browser. The session is already refused by the
 * server (revoked, or the account's session version moved on); this only keeps the browser tidy.
 */
export async function dropSessionCookies() {
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (/(^|\.)next-auth\.session-token(\.\d+)?$/.test(name)) {
      jar.set(name, "", { path: "/", expires: new Date(0), httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
    }
  }
}
