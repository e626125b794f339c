"use server";

import { revalidatePath } from "next/cache";
import { commentSchema, contributionSchema, contributionStepSchema, editPendingSchema } from "@/lib/validation/contribution";
import { commentDraft } from "@/server/contributions/comment-draft";
import { createDraft } from "@/server/contributions/create-draft";
import { editPendingContribution } from "@/server/contributions/edit-pending";
import { submitContribution } from "@/server/contributions/submit-contribution";
import { withdrawContribution } from "@/server/contributions/withdraw-contribution";
import { refreshPublicPagesOf } from "@/server/cache";
import { formAction } from "@/server/form-action";

/*
 * Contribution actions of a council space. The server functions authorize with the item's council
 * (anyone can POST to an action). Nothing public changes here (only a moderator's approval
 * publishes) but the moderation register's count of submissions, so only the signed-in pages and
 * the register are refreshed. After a step, the council's list says what
 * happened with a fixed code in the address (never a text from the URL), next to the item.
 */
const refreshSpace = () => revalidatePath("/espace", "layout");

const listOf = (councilSlug: string, code: "enregistre" | "modifie" | "soumis" | "retire", id: number) =>
  `/espace/conseils/${encodeURIComponent(councilSlug)}/contributions?${code}=${id}#contribution-${id}`;

export const createDraftAction = formAction({
  schema: contributionSchema,
  run: (input, { db, actor }) => createDraft(db, actor, input),
  done: (data) => {
    refreshSpace();
    return listOf(data.councilSlug, "enregistre", data.id);
  },
});

/** Corrects an item waiting for moderation; it stays pending (moderators see « modifié le … »). */
export const editPendingAction = formAction({
  schema: editPendingSchema,
  run: (input, { db, actor }) => editPendingContribution(db, actor, input),
  done: (data) => {
    refreshSpace();
    revalidatePath("/moderation", "layout");
    return listOf(data.councilSlug, "modifie", data.id);
  },
});

/** An internal comment: the form stays, the comment appears in the refreshed list. */
export const commentDraftAction = formAction({
  schema: commentSchema,
  run: (input, { db, actor }) => commentDraft(db, actor, input),
  done: () => refreshSpace(),
});

/** The item moves to « En attente ». */
export const submitContributionAction = formAction({
  schema: contributionStepSchema,
  run: (input, { db, actor }) => submitContribution(db, actor, input),
  done: async (data, _input, { db }) => {
    refreshSpace();
    // The public moderation register counts every submission.
    await refreshPublicPagesOf(db, { register: true });
    return listOf(data.councilSlug, "soumis", data.id);
  },
});

/** The pending item is a draft again. */
export const withdrawContributionAction = formAction({
  schema: contributionStepSchema,
  run: (input, { db, actor }) => withdrawContribution(db, actor, input),
  done: (data) => {
    refreshSpace();
    return listOf(data.councilSlug, "retire", data.id);
  },
});
