import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { ActionResult } from "@/lib/action-result";
import type { Db } from "@/db/client";
import { actions, auditLog, contributionAnswers, contributions, contributionSupports, notifications } from "@/db/schema";

const DAY = 86_400_000;

/** Every row the answer and support functions touch, to prove a refused call changed nothing. */
export async function snapshotAnswerTables(db: Db) {
  const [c, a, s, n, j] = await Promise.all([
    db.select().from(contributions).orderBy(asc(contributions.id)),
    db.select().from(contributionAnswers).orderBy(asc(contributionAnswers.id)),
    db.select().from(contributionSupports).orderBy(asc(contributionSupports.contributionId), asc(contributionSupports.councilId)),
    db.select().from(notifications).orderBy(asc(notifications.id)),
    db.select().from(auditLog).orderBy(asc(auditLog.id)),
  ]);
  return { contributions: c, answers: a, supports: s, notifications: n, audit: j };
}

/** A refused call: the expected code, and not one row changed in the tables answers and supports touch. */
export async function expectRefusedUnchanged(db: Db, call: () => Promise<ActionResult<unknown>>, code: string) {
  const before = await snapshotAnswerTables(db);
  const result = await call();
  expect(result).toMatchObject({ ok: false, code });
  expect(await snapshotAnswerTables(db)).toEqual(before);
}

export interface ItemOptions {
  kind?: "feedback" | "proposal";
  status?: "draft" | "pending" | "published" | "rejected" | "hidden";
  title?: string;
  body?: string;
  /** Days before now it was published (published and hidden items). */
  publishedDaysAgo?: number;
  /** Set `answer_due_at` (as at approval); otherwise left null (the fallback: publication + the setting). */
  answerDueDays?: number;
  authorId?: number | null;
}

/** Puts an item straight into a state, with the fields its state requires (for tests of the public side). */
export async function insertItem(db: Db, councilId: number, actionSlug: string, options: ItemOptions = {}): Promise<number> {
  const { kind = "proposal", status = "published", publishedDaysAgo = 1 } = options;
  const [action] = await db.select({ id: actions.id }).from(actions).where(eq(actions.slug, actionSlug));
  const wasPublished = status === "published" || status === "hidden";
  const publishedAt = wasPublished ? new Date(Date.now() - publishedDaysAgo * DAY) : null;
  const [row] = await db
    .insert(contributions)
    .values({
      councilId,
      actionId: action!.id,
      kind,
      position: kind === "feedback" ? "favorable" : null,
      title: kind === "proposal" ? (options.title ?? `Proposition ${randomUUID().slice(0, 8)}`) : null,
      body: options.body ?? `Texte de test ${randomUUID()}`,
      status,
      authorId: options.authorId ?? null,
      submittedAt: status === "draft" ? null : new Date(),
      publishedAt,
      decidedAt: status === "draft" || status === "pending" ? null : new Date(),
      rejectionReason: status === "rejected" ? "Raison de refus de test" : null,
      hiddenAt: status === "hidden" ? new Date() : null,
      hiddenReason: status === "hidden" ? "Raison de masquage de test" : null,
      answerDueAt:
        publishedAt && options.answerDueDays !== undefined ? new Date(publishedAt.getTime() + options.answerDueDays * DAY) : null,
      clientRequestId: randomUUID(),
    })
    .returning({ id: contributions.id });
  return row!.id;
}

/**
 * One item in each state that is never public (draft, pending, rejected, hidden), of each kind, each
 * proposal with an answer and a support (by council `supporterId`) — which must not show either:
 * what a leak test plants. Every text holds its marker, `SECRET-<state>-<kind>-<tag>`.
 */
export async function insertNeverPublicItems(
  db: Db,
  councilId: number,
  actionSlug: string,
  supporterId: number,
  options: { tag?: string; authorId?: number } = {},
): Promise<{ ids: number[]; markers: string[] }> {
  const { tag = randomUUID().slice(0, 8), authorId } = options;
  const out = { ids: [] as number[], markers: [] as string[] };
  for (const status of ["draft", "pending", "rejected", "hidden"] as const) {
    for (const kind of ["feedback", "proposal"] as const) {
      const marker = `SECRET-${status}-${kind}-${tag}`;
      const id = await insertItem(db, councilId, actionSlug, { status, kind, title: `${marker} titre`, body: `${marker} texte`, authorId });
      out.ids.push(id);
      out.markers.push(marker);
      if (kind === "proposal") {
        await db.insert(contributionAnswers).values({
          contributionId: id,
          state: "accepted",
          body: `${marker} réponse`,
          signatureName: `${marker} signataire`,
          clientRequestId: `${marker}-a`,
        });
        await db.insert(contributionSupports).values({ contributionId: id, councilId: supporterId });
      }
    }
  }
  return out;
}

export const answerInput = (
  contributionId: number,
  body = `La Ville étudie cette proposition. ${randomUUID()}`,
  state: "under_review" | "accepted" | "rejected" | "done" = "under_review",
) => ({
  contributionId,
  state,
  body,
  clientRequestId: randomUUID(),
});
