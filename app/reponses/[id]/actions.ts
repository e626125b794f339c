"use server";

import { revalidatePath } from "next/cache";
import { answerSchema } from "@/lib/validation/answer";
import { answerProposal } from "@/server/answers/answer-proposal";
import { refreshPublicPages } from "@/server/cache";
import { formAction } from "@/server/form-action";

/* The City's answer. The server function authorizes (moderators and officials, never their own council). */
export const answerProposalAction = formAction({
  schema: answerSchema,
  run: (input, { db, actor }) => answerProposal(db, actor, input),
  done: (data) => {
    if (!data.replay) {
      // Public: the fiche, its theme, the home page (counts) and the council's page show it at once.
      refreshPublicPages();
    }
    revalidatePath("/reponses");
    revalidatePath("/espace", "layout");
    return `/reponses/${data.contributionId}?repondu=1#reponses`;
  },
});
