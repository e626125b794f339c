"use server";

import { revalidatePath } from "next/cache";
import { answerSchema } from "@/lib/validation/answer";
import { answerProposal } from "@/server/answers/answer-proposal";
import { refreshPublicPagesOf } from "@/server/cache";
import { formAction } from "@/server/form-action";

/* The City's answer. The server function authorizes (moderators and officials, never their own council). */
export const answerProposalAction = formAction({
  schema: answerSchema,
  run: (input, { db, actor }) => answerProposal(db, actor, input),
  done: async (data, _input, { db }) => {
    if (!data.replay) {
      // Public: the fiche, its themes, the home page (counts), the council's page and the moderation
      // register (answers given, late) show it at once.
      await refreshPublicPagesOf(db, { contributionIds: [data.contributionId], register: true });
    }
    revalidatePath("/reponses");
    revalidatePath("/espace", "layout");
    return `/reponses/${data.contributionId}?repondu=1#reponses`;
  },
});
