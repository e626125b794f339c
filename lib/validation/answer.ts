import { z } from "zod";
import { choice, id, queryId, requestId, slug, text } from "./fields";

/*
 * The City's answer to a published proposal: a state and a text. The staff form checks with this
 * schema in the browser; the server parses the raw form values with it once (server/form-action.ts).
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
  contributionId: id("Proposition introuvable."),
  state: choice(answerStates, "Choisissez où en est la proposition : à l'étude, retenue, non retenue ou réalisée."),
  body: text({ min: ANSWER_BODY_MIN, max: ANSWER_BODY_MAX, empty: emptyBody, what: "La réponse" }),
  /** Generated once per form render: the same form submitted twice records one answer. */
  clientRequestId: requestId(),
});
export type AnswerInput = z.input<typeof answerSchema>;
export type AnswerData = z.output<typeof answerSchema>;

/** The filters of the list of proposals to answer, read from the address: anything odd is no filter. */
export const answerQueueStates = ["sans-reponse", "en-retard", "repondues"] as const;
export const answerQueueFiltersSchema = z.object({
  conseil: queryId(),
  fiche: slug().nullable().catch(null),
  etat: z.enum(answerQueueStates).nullable().catch(null),
});

export const supportSchema = z.object({
  contributionId: z.coerce.number().int().positive(),
  councilId: z.coerce.number({ error: "Choisissez un conseil." }).int().positive({ error: "Choisissez un conseil." }),
});
export type SupportInput = z.input<typeof supportSchema>;
