"use server";

import { cookies } from "next/headers";
import { revokeAllSessionsSchema } from "@/lib/validation/auth";
import { revokeAllSessions } from "@/server/auth/revoke-sessions";
import { formAction } from "@/server/form-action";

/** This browser's token is refused from now on anyway; dropping the cookie keeps things tidy. */
async function dropSessionCookies() {
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (/(^|\.)next-auth\.session-token(\.\d+)?$/.test(name)) {
      jar.set(name, "", { path: "/", expires: new Date(0), httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
    }
  }
}

/**
 * « Se déconnecter de tous les appareils ». The actor comes from the session cookie, never from
 * the request body; the server layer checks the permission and writes the journal.
 */
export const revokeAllSessionsAction = formAction({
  schema: revokeAllSessionsSchema,
  run: async (_input, { db, actor }) => {
    const result = await revokeAllSessions(db, actor);
    if (result.ok) await dropSessionCookies();
    return result;
  },
  done: () => "/deconnexion?etat=partout",
});
