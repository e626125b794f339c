import "server-only";
import { asc, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contributionAnswers } from "@/db/schema";
import type { AnswerState } from "@/lib/validation/answer";

/*
 * The City's answers as the public reads them, for the public contributions and for the staff's
 * list of proposals to answer (server/answers/list-answerable.ts).
 */

/** One answer of the City, as the public reads it: the signature was copied when it was written. */
export interface AnswerView {
  id: number;
  state: AnswerState;
  body: string;
  signatureName: string;
  signatureTitle: string | null;
  createdAt: Date;
}

/** An answer's public fields (AnswerView). */
const answerViewColumns = {
  id: contributionAnswers.id,
  state: contributionAnswers.state,
  body: contributionAnswers.body,
  signatureName: contributionAnswers.signatureName,
  signatureTitle: contributionAnswers.signatureTitle,
  createdAt: contributionAnswers.createdAt,
};

/** An answer's public columns with its proposal's id: these reads, the feeds' and the open data's answers. */
export const answerColumns = { contributionId: contributionAnswers.contributionId, ...answerViewColumns };

/** The City's answers matching `where` (of one proposal, of a page of them), oldest first. One query. */
export function selectAnswers(db: Db, where: SQL): Promise<(AnswerView & { contributionId: number })[]> {
  return db
    .select(answerColumns)
    .from(contributionAnswers)
    .where(where)
    .orderBy(asc(contributionAnswers.createdAt), asc(contributionAnswers.id));
}
