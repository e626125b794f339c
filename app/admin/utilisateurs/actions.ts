"use server";

import { revalidatePath } from "next/cache";
import {
  changeRolesSchema,
  handOverReferentSchema,
  inviteStaffSchema,
  userEraseSchema,
  userStatusFormSchema,
} from "@/lib/validation/admin";
import { eraseUserByAdmin } from "@/server/account/erase-account";
import { refreshPublicPages } from "@/server/cache";
import { setMemberRole } from "@/server/councils/set-member-role";
import { formAction } from "@/server/form-action";
import { changeRoles } from "@/server/users/change-roles";
import { deactivateUser } from "@/server/users/deactivate-user";
import { inviteStaff } from "@/server/users/invite-staff";
import { reactivateUser } from "@/server/users/reactivate-user";

/*
 * The user administration's forms. Anyone can POST to an action: the server functions decide
 * (administrators only, never on oneself, never the last administrator) and write the journal.
 */

export const inviteStaffAction = formAction({
  schema: inviteStaffSchema,
  permission: "user.invite_staff",
  run: (input, { db, actor }) => inviteStaff(db, actor, input),
  done: () => {
    revalidatePath("/admin/utilisateurs");
  },
});

export const changeRolesAction = formAction({
  schema: changeRolesSchema,
  permission: "user.roles.change",
  run: (input, { db, actor }) => changeRoles(db, actor, input),
  done: (data) => {
    if (data.changed) revalidatePath("/admin/utilisateurs", "layout");
  },
});

/** Deactivate or reactivate an account: one form, whose hidden `change` says which. */
export const setUserStatusAction = formAction({
  schema: userStatusFormSchema,
  run: (input, { db, actor }) => (input.change === "deactivate" ? deactivateUser : reactivateUser)(db, actor, input),
  done: () => {
    revalidatePath("/admin/utilisateurs", "layout");
  },
});

/** Erase an account on the person's request (RGPD): reason required, journaled; never one's own. */
export const eraseUserAction = formAction({
  schema: userEraseSchema,
  permission: "user.erase",
  run: (input, { db, actor }) => eraseUserByAdmin(db, actor, input),
  done: () => {
    // Every cached public page that showed the old name is rendered again (see eraseOwnAccountAction).
    refreshPublicPages();
    revalidatePath("/admin/utilisateurs", "layout");
  },
});

/**
 * Before deactivating a council's only referent, the admin names who takes over: the council
 * spaces' own role change (its checks and journal row), sent from the person's page.
 */
export const handOverReferentAction = formAction({
  schema: handOverReferentSchema,
  // Part of deactivating an account (admins only); setMemberRole checks the council's own rule.
  permission: "user.deactivate",
  run: (input, { db, actor }) => setMemberRole(db, actor, input),
  // Back to the person's page, which no longer asks and says the deactivation can go ahead.
  done: (_data, input) => {
    revalidatePath("/admin/utilisateurs", "layout");
    revalidatePath("/espace/conseils", "layout");
    return `/admin/utilisateurs/${input.fromUserId}?reprise=1#acces`;
  },
});
