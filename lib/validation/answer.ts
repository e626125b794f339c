import { z } from "zod";
import { plainText } from "./text";

/*
 * The City's answer to a published proposal: a state and a text. The staff form uses this schema
 * with zodResolver and the server parses it again. Lengths count characters as people count them.
 */
export const ANSWER_BODY_MIN = 10;
export const ANSWER_BODY_MAX = 5000;

export const answerStates = ["under_review", "accepted", "rejected", "done"] as const;
export type AnswerState = (typeof answerStates)[number];

/** The states in French, as the public reads them. */
export const answerStateLabels: Record<AnswerState, string> = {
  under_review: "À l'étude",
  accepted: "Retenue",
  rejected: "Non retenue",
  done: "Réalisée",
};

const emptyBody = "Écrivez la réponse de la Ville.";

export const answerSchema = z.object({
  contributionId: z.coerce.number().int().positive(),
  state: z.enum(answerStates, { error: "Choisissez où en est la proposition : à l'étude, retenue, non retenue ou réalisée." }),
  body: plainText(ANSWER_BODY_MIN, ANSWER_BODY_MAX, emptyBody, "La réponse"),
  /** Generated once per form render: the same form submitted twice records one answer. */
  clientRequestId: z.string().trim().min(8).max(100),
});
export type AnswerInput = z.input<typeof answerSchema>;

export const supportSchema = z.object({
  contributionId: z.coerce.number().int().positive(),
  councilId: z.coerce.number({ error: "Choisissez un conseil." }).int().positive({ error: "Choisissez un conseil." }),
});
export type SupportInput = z.input<typeof supportSchema>;
