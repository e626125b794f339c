"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { acceptInvitationAsUserSchema, acceptInvitationFormSchema } from "@/lib/validation/council";
import { refreshPublicPagesOf } from "@/server/cache";
import { formAction, publicFormAction } from "@/server/form-action";
import { acceptInvitation } from "@/server/invitations/accept-invitation";
import { acceptInvitationAsUser } from "@/server/invitations/accept-invitation-as-user";

/** Where a new account signs in when the browser could not do it itself (no JavaScript yet). */
const SIGN_IN_AFTER_JOINING = `/connexion?compte=cree&callbackUrl=${encodeURIComponent("/espace?bienvenue=1")}`;

/**
 * Creates the account of an invited person. A public endpoint: the link's token (a hidden field)
 * is the only credential; the server layer checks it under a row lock, and the list of common
 * passwords. Neither the token nor the passwords are ever sent back to the browser.
 */
export const acceptInvitationAction = publicFormAction({
  schema: acceptInvitationFormSchema,
  secret: ["token", "password", "confirmation"],
  run: (input, { db }) => acceptInvitation(db, input),
  done: (data, input, { db }) => {
    // A council has one more member: its public page shows the count. Refreshed once the answer
    // has left, because refreshing now would also render this page again in the answer — and the
    // used link would replace the form (and the browser's sign-in) with « ce lien a déjà servi ».
    const { councilSlug } = data;
    if (councilSlug) after(() => refreshPublicPagesOf(db, { councilSlugs: [councilSlug] }));
    return input.signIn === "browser" ? undefined : SIGN_IN_AFTER_JOINING;
  },
});

/**
 * « Accepter l'invitation » for someone signed in with the invited address: on success, straight
 * to the council's space (or the signed-in space).
 */
export const acceptInvitationAsUserAction = formAction({
  schema: acceptInvitationAsUserSchema,
  secret: ["token"],
  run: (input, { db, actor }) => acceptInvitationAsUser(db, actor, input),
  done: async (data, _input, { db }) => {
    if (data.councilSlug) await refreshPublicPagesOf(db, { councilSlugs: [data.councilSlug] });
    revalidatePath("/espace", "layout");
    return data.councilSlug ? `/espace/conseils/${data.councilSlug}?invitation=acceptee` : "/espace?invitation=acceptee";
  },
});
