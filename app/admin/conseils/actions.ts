"use server";

import { revalidatePath } from "next/cache";
import { councilArchiveFormSchema, createCouncilSchema, updateCouncilSchema } from "@/lib/validation/admin";
import { councilInvitationSchema } from "@/lib/validation/council";
import { refreshPublicPages } from "@/server/cache";
import { archiveCouncil, unarchiveCouncil } from "@/server/councils-admin/archive-council";
import { createCouncil } from "@/server/councils-admin/create-council";
import { updateCouncil } from "@/server/councils-admin/update-council";
import { createCouncilInvitation } from "@/server/invitations/create-council-invitation";
import { formAction } from "@/server/form-action";

/*
 * The council administration's forms: the server functions decide and write, then every public
 * page and the admin pages are refreshed. Every one, not a targeted few: a council's name and its
 * page's link are printed on each contribution it wrote or supported, on any fiche, council page
 * and slide — and these changes are rare.
 */

function refreshAfterCouncilChange() {
  // revalidatePath("/", "layout") covers every page, the admin ones included.
  refreshPublicPages();
  revalidatePath("/admin/conseils", "layout");
}

export const createCouncilAction = formAction({
  schema: createCouncilSchema,
  permission: "council.create",
  run: (input, { db, actor }) => createCouncil(db, actor, input),
  // A new council has nobody yet: its page comes next, offering to invite its referent at once.
  done: (council) => {
    refreshAfterCouncilChange();
    return `/admin/conseils/${council.id}?cree=1#inviter`;
  },
});

/** An admin invites someone into a council from its administration page (the same function as its referents use). */
export const inviteIntoCouncilAction = formAction({
  schema: councilInvitationSchema,
  run: (input, { db, actor }) => createCouncilInvitation(db, actor, input),
  done: () => revalidatePath("/espace/conseils", "layout"),
});

export const updateCouncilAction = formAction({
  schema: updateCouncilSchema,
  permission: "council.update",
  run: (input, { db, actor }) => updateCouncil(db, actor, input),
  done: (data) => {
    if (data.changed) refreshAfterCouncilChange();
  },
});

/** Archive a council or bring it back: one form, whose hidden `change` says which. */
export const setCouncilArchivedAction = formAction({
  schema: councilArchiveFormSchema,
  permission: "council.archive",
  run: (input, { db, actor }) => (input.change === "archive" ? archiveCouncil : unarchiveCouncil)(db, actor, input),
  done: refreshAfterCouncilChange,
});
