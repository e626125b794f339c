import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction } from "@/db/factories";
import { contributions } from "@/db/schema";
import { answerProposal } from "@/server/answers/answer-proposal";
import { createCast, type Cast } from "../support/actors";
import { createTestDatabase, rowsOf, type TestDatabase } from "../support/test-database";
import { answerInput, insertItem } from "./answers-helpers";

/*
 * `contribution_figures` (issue 15): the published contributions counted by council, fiche, kind
 * and month, kept by the triggers of migration contribution_figures_trigger in the transaction of
 * each write. After every kind of write — publication, answer, hiding, restoring, a move to another
 * council or fiche, a new publication date, a deletion, several rows in one statement, a rolled-back
 * transaction — the table equals the same counts taken from the contributions themselves (and
 * holds no row counted down to zero).
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
let ficheA: { id: number; slug: string };
let ficheB: { id: number; slug: string };
const DAY = 86_400_000;

beforeAll(async () => {
  testDb = await createTestDatabase("contribution_figures");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
  ficheA = await createAction(db);
  ficheB = await createAction(db);
});
afterAll(() => testDb.drop());

const key = (r: Record<string, unknown>) => `${String(r.council_id)}/${String(r.action_id)}/${String(r.kind)}/${String(r.month)}`;

async function expectFiguresMatch() {
  const kept = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select council_id, action_id, kind::text, month, published, answered from contribution_figures`),
  );
  const recounted = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select council_id, action_id, kind::text, coalesce(to_char(published_at at time zone 'Europe/Paris', 'YYYY-MM'), '') as month,
             count(*)::int as published, (count(*) filter (where kind = 'proposal' and first_answered_at is not null))::int as answered
      from contributions where status = 'published' group by 1, 2, 3, 4`),
  );
  const byKey = (rows: Record<string, unknown>[]) =>
    Object.fromEntries(rows.map((r) => [key(r), { published: Number(r.published), answered: Number(r.answered) }]));
  expect(byKey(kept)).toEqual(byKey(recounted));
  expect(kept.length).toBe(recounted.length);
}

describe("contribution_figures follows every write to contributions", () => {
  it("publications, answers, hiding and restoring, moves, dates, deletions, bulk statements and rollbacks", async () => {
    await expectFiguresMatch();
    // Published in three different months, pending ones (never counted), and one without a publication date.
    const ids: number[] = [];
    for (const [i, days] of [1, 40, 80, 1, 40].entries())
      ids.push(await insertItem(db, i % 2 === 0 ? cast.councilA.id : cast.councilB.id, ficheA.slug, { publishedDaysAgo: days }));
    const avis = await insertItem(db, cast.councilA.id, ficheB.slug, { kind: "feedback", publishedDaysAgo: 3 });
    const pending = await insertItem(db, cast.councilA.id, ficheB.slug, { status: "pending" });
    const undated = await insertItem(db, cast.councilB.id, ficheB.slug);
    await db.update(contributions).set({ publishedAt: null }).where(eq(contributions.id, undated));
    await expectFiguresMatch();

    // Approval: pending → published.
    await db.update(contributions).set({ status: "published", publishedAt: new Date() }).where(eq(contributions.id, pending));
    await expectFiguresMatch();

    // Answers through the server function (first answer sets first_answered_at; a second keeps it).
    expect((await answerProposal(db, cast.actors.official, answerInput(ids[1]!))).ok).toBe(true);
    expect((await answerProposal(db, cast.actors.official, answerInput(ids[1]!))).ok).toBe(true);
    expect((await answerProposal(db, cast.actors.moderator, answerInput(ids[0]!))).ok).toBe(true);
    await expectFiguresMatch();

    // Hidden after publication, then restored.
    await db
      .update(contributions)
      .set({ status: "hidden", hiddenAt: new Date(), hiddenReason: "Raison" })
      .where(eq(contributions.id, ids[1]!));
    await expectFiguresMatch();
    await db.update(contributions).set({ status: "published", hiddenAt: null, hiddenReason: null }).where(eq(contributions.id, ids[1]!));
    await expectFiguresMatch();

    // Moved to another council and fiche; published another month; several rows in one statement.
    await db.update(contributions).set({ councilId: cast.councilB.id, actionId: ficheB.id }).where(eq(contributions.id, ids[2]!));
    await db
      .update(contributions)
      .set({ publishedAt: new Date(Date.now() - 200 * DAY) })
      .where(eq(contributions.id, avis));
    await db
      .update(contributions)
      .set({ firstAnsweredAt: sql`now()` })
      .where(inArray(contributions.id, [ids[3]!, ids[4]!, undated]));
    await expectFiguresMatch();

    // A rolled-back transaction leaves the figures as they were.
    await db
      .transaction(async (tx) => {
        await tx
          .update(contributions)
          .set({ status: "hidden", hiddenAt: new Date(), hiddenReason: "Raison" })
          .where(eq(contributions.actionId, ficheA.id));
        throw new Error("annulée");
      })
      .catch(() => {});
    await expectFiguresMatch();

    // Deleted (a council's or a fiche's cascade deletes its contributions the same way).
    await db.delete(contributions).where(inArray(contributions.id, [ids[0]!, avis]));
    await expectFiguresMatch();
    await db.delete(contributions).where(sql`true`);
    await expectFiguresMatch();
    expect(rowsOf(await db.execute(sql`select * from contribution_figures`))).toEqual([]);
  });
});
