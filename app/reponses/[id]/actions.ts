"use server";

import { revalidatePath } from "next/cache";
import { unauthenticated, type ActionResult } from "@/lib/action-result";
import type { AnswerInput } from "@/lib/validation/answer";
import { answerProposal, type RecordedAnswer } from "@/server/answers/answer-proposal";
import { getActor } from "@/server/auth/actor";
import { refreshPublicPages } from "@/server/cache";
import { getDb } from "@/server/db";
import { requestDigests } from "@/server/notifications/digest";

/* The City's answer. The server layer parses the input again and authorizes (moderators and officials, never their own council). */
export async function answerProposalAction(input: AnswerInput): Promise<ActionResult<RecordedAnswer>> {
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const db = await getDb();
  const result = await answerProposal(db, actor, input);
  if (result.ok && !result.data.replay) {
    // Public: the fiche, its theme, the home page (counts) and the council's page show it at once.
    refreshPublicPages();
    requestDigests(db);
  }
  if (result.ok) {
    revalidatePath("/reponses");
    revalidatePath("/espace", "layout");
  }
  return result;
}
