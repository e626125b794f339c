"use server";

import { ok } from "@/lib/action-result";
import { revokeAllSessionsSchema } from "@/lib/validation/auth";
import { getSessionId } from "@/server/auth/actor";
import { sessionExpiry } from "@/server/auth/options";
import { revokeSession } from "@/server/auth/revoke-session";
import { revokeAllSessions } from "@/server/auth/revoke-sessions";
import { dropSessionCookies } from "@/server/auth/session-cookies";
import { formAction } from "@/server/form-action";

/**
 * « Se déconnecter »: this session ends on the server (a copy of the cookie is refused from now
 * on), then the browser's cookie is dropped. A plain POST: it works without JavaScript.
 */
export const signOutAction = formAction({
  schema: revokeAllSessionsSchema,
  run: async (_input, { db, actor }) => {
    const sessionId = await getSessionId();
    if (sessionId) await revokeSession(db, { sessionId, userId: actor.id, expiresAt: sessionExpiry(undefined) });
    await dropSessionCookies();
    return ok(null);
  },
  done: () => "/deconnexion?etat=deconnecte",
});

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
