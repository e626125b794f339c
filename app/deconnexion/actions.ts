"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/server/db";
import type { ActionResult } from "@/lib/action-result";
import { getActor } from "@/server/auth/actor";
import { revokeAllSessions } from "@/server/auth/revoke-sessions";

/**
 * « Se déconnecter de tous les appareils ». A public endpoint: the actor comes from the session
 * cookie, never from the request body; the server layer checks the permission and writes the
 * journal. Works without JavaScript (a plain form post).
 */
export async function revokeAllSessionsAction(_previous: ActionResult | null, _form: FormData): Promise<ActionResult> {
  const result = await revokeAllSessions(await getDb(), await getActor());
  if (!result.ok) return result;
  // This browser's token is now refused anyway; dropping the cookie keeps things tidy.
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (/(^|\.)next-auth\.session-token(\.\d+)?$/.test(name)) {
      jar.set(name, "", { path: "/", expires: new Date(0), httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
    }
  }
  redirect("/deconnexion?etat=partout");
}
