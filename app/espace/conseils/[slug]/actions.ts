"use server";

import { revalidatePath } from "next/cache";
import {
  councilInvitationSchema,
  removeMemberFormSchema,
  revokeCouncilInvitationFormSchema,
  setMemberRoleSchema,
  setNameVisibilitySchema,
} from "@/lib/validation/council";
import { refreshPublicPagesOf } from "@/server/cache";
import { removeMember } from "@/server/councils/remove-member";
import { setMemberRole } from "@/server/councils/set-member-role";
import { setNameVisibility } from "@/server/councils/set-name-visibility";
import { formAction } from "@/server/form-action";
import { createCouncilInvitation } from "@/server/invitations/create-council-invitation";
import { revokeInvitation } from "@/server/invitations/revoke-invitation";

/*
 * The council space's actions. Anyone can POST to an action: the server layer authorizes each
 * one with the council in context, and writes the journal.
 */

/** The signed-in pages only: nothing public changed. */
const refreshSpace = () => revalidatePath("/espace", "layout");

export const inviteMemberAction = formAction({
  schema: councilInvitationSchema,
  run: (input, { db, actor }) => createCouncilInvitation(db, actor, input),
  done: () => refreshSpace(),
});

export const revokeInvitationAction = formAction({
  schema: revokeCouncilInvitationFormSchema,
  run: (input, { db, actor }) => revokeInvitation(db, actor, input),
  done: (_data, input) => {
    refreshSpace();
    // The cancelled invitation's form leaves the list with it: the page that comes next says what happened.
    return `/espace/conseils/${input.councilSlug}?invitation=annulee`;
  },
});

export const removeMemberAction = formAction({
  schema: removeMemberFormSchema,
  run: (input, { db, actor }) => removeMember(db, actor, input),
  done: async (data, input, { db }) => {
    // The council's public page shows the number of members (and maybe this member's name).
    await refreshPublicPagesOf(db, { councilIds: [input.councilId] });
    refreshSpace();
    // The row is gone: the page that comes next says what happened.
    return data.self ? "/espace?conseil=quitte" : `/espace/conseils/${input.councilSlug}?membre=retire`;
  },
});

export const setMemberRoleAction = formAction({
  schema: setMemberRoleSchema,
  run: (input, { db, actor }) => setMemberRole(db, actor, input),
  done: () => refreshSpace(),
});

export const setNameVisibilityAction = formAction({
  schema: setNameVisibilitySchema,
  run: (input, { db, actor }) => setNameVisibility(db, actor, input),
  // The council's public page lists the names members chose to show.
  done: async (_data, input, { db }) => {
    await refreshPublicPagesOf(db, { councilIds: [input.councilId] });
    refreshSpace();
  },
});
