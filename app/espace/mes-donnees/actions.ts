"use server";

import { eraseOwnAccountSchema } from "@/lib/validation/account";
import { eraseOwnAccount } from "@/server/account/erase-account";
import { dropSessionCookies } from "@/server/auth/session-cookies";
import { refreshPublicPages } from "@/server/cache";
import { formAction } from "@/server/form-action";

/**
 * « Supprimer mon compte ». The actor is the session's, never an id from the form; the server
 * function checks the password, refuses the last referent or admin, and erases in one transaction.
 * The account's sessions are already dead (session version); the cookie goes too.
 */
export const eraseOwnAccountAction = formAction({
  schema: eraseOwnAccountSchema,
  secret: ["password"],
  run: async (input, { db, actor }) => {
    const result = await eraseOwnAccount(db, actor, input);
    if (result.ok) await dropSessionCookies();
    return result;
  },
  // Every public page that showed the person's name (their contributions on any fiche, their
  // council's page) is cached: all are refreshed, or the old name would stay up to an hour.
  done: () => {
    refreshPublicPages();
    return "/compte-supprime";
  },
});
