import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction } from "@/db/factories";
import { countQueries } from "@/db/query-count";
import { contributionReports, contributions } from "@/db/schema";
import { ANSWER_PAGE_SIZE, listAnswerableProposals, type AnswerQueueFilters } from "@/server/answers/list-answerable";
import { listReportedQueue, REPORTED_PAGE_SIZE } from "@/server/moderation/lists";
import { listPendingQueue, QUEUE_PAGE_SIZE, type QueueFilters } from "@/server/moderation/queue";
import { createCast, createUser, type Cast } from "../support/actors";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/*
 * The moderation queue, the reports tab and the City's answers list stay bounded whatever their
 * size (issue « Fast at 100,000 contributions »: 10,000 pending drew 3.86 MB): 25 items a page,
 * read by keyset (`?apres=<id>`), every item exactly once and in the list's order, filters
 * combined with the cursor, the same number of queries at 5 items as at 60. The permission rules
 * are those of the unpaged lists: never an item of the actor's own council.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
const DAY = 86_400_000;
const base = Date.parse("2026-01-01T00:00:00Z");

interface Made {
  id: number;
  councilId: number;
  actionSlug: string;
  kind: "feedback" | "proposal";
  time: number;
}
const pending: Made[] = [];
let bigFiche: { id: number; slug: string };
let smallFiche: { id: number; slug: string };
let answersFiche: { id: number; slug: string };
const proposals: { id: number; due: number; answered: number | null }[] = [];
const reported: { id: number; review: boolean; first: number }[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase("moderation_pages");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
  bigFiche = await createAction(db);
  smallFiche = await createAction(db);
  answersFiche = await createAction(db);

  // 60 pending on the big fiche (councils A and B, both kinds, several with the very same submission time), 5 on the small one.
  const rows = Array.from({ length: 65 }, (_, n) => {
    const small = n >= 60;
    const kind = n % 3 === 0 ? ("proposal" as const) : ("feedback" as const);
    return {
      councilId: n % 4 === 0 ? cast.councilA.id : cast.councilB.id,
      actionId: small ? smallFiche.id : bigFiche.id,
      kind,
      position: kind === "feedback" ? ("favorable" as const) : null,
      title: kind === "proposal" ? `Proposition ${n}` : null,
      body: `En attente ${n}`,
      status: "pending" as const,
      submittedAt: new Date(base + Math.floor((65 - n) / 3) * 60_000),
      clientRequestId: randomUUID(),
    };
  });
  const inserted = await db.insert(contributions).values(rows).returning({ id: contributions.id });
  inserted.forEach(({ id }, n) =>
    pending.push({
      id,
      councilId: rows[n]!.councilId,
      actionSlug: rows[n]!.actionId === smallFiche.id ? smallFiche.slug : bigFiche.slug,
      kind: rows[n]!.kind,
      time: rows[n]!.submittedAt.getTime(),
    }),
  );

  // 60 published proposals of council B to answer: late, due later, answered (some at the same moment).
  const now = Date.now();
  const proposalRows = Array.from({ length: 60 }, (_, n) => {
    const group = n % 3;
    const due = group === 0 ? now - (n + 1) * DAY : now + ((n % 7) + 1) * DAY;
    const answered = group === 2 ? now - (n % 5) * DAY : null;
    return {
      councilId: cast.councilB.id,
      actionId: answersFiche.id,
      kind: "proposal" as const,
      title: `À répondre ${n}`,
      body: `Proposition publiée ${n}`,
      status: "published" as const,
      submittedAt: new Date(now - 60 * DAY),
      publishedAt: new Date(now - 50 * DAY),
      answerDueAt: new Date(due),
      firstAnsweredAt: answered === null ? null : new Date(answered),
      clientRequestId: randomUUID(),
    };
  });
  const insertedProposals = await db.insert(contributions).values(proposalRows).returning({ id: contributions.id });
  insertedProposals.forEach(({ id }, n) =>
    proposals.push({ id, due: proposalRows[n]!.answerDueAt.getTime(), answered: proposalRows[n]!.firstAnsweredAt?.getTime() ?? null }),
  );

  // 55 reported items of council B (a few hidden by reports, waiting for review), one of A's.
  const reporters = await Promise.all([createUser(db), createUser(db)]);
  const reportedRows = Array.from({ length: 56 }, (_, n) => {
    const review = n % 9 === 0;
    return {
      councilId: n === 55 ? cast.councilA.id : cast.councilB.id,
      actionId: bigFiche.id,
      kind: "feedback" as const,
      position: "unfavorable" as const,
      body: `Signalée ${n}`,
      status: review ? ("hidden" as const) : ("published" as const),
      publishedAt: new Date(base),
      hiddenAt: review ? new Date(base + DAY) : null,
      hiddenReason: review ? "Masquée par les signalements." : null,
      reviewRequired: review,
      clientRequestId: randomUUID(),
    };
  });
  const insertedReported = await db.insert(contributions).values(reportedRows).returning({ id: contributions.id });
  const reports = insertedReported.flatMap(({ id }, n) => [
    { contributionId: id, reporterId: reporters[0]!.id, reason: `Raison ${n}`, createdAt: new Date(base + Math.floor(n / 2) * 60_000) },
    { contributionId: id, reporterId: reporters[1]!.id, reason: `Autre ${n}`, createdAt: new Date(base + 86_400_000) },
  ]);
  await db.insert(contributionReports).values(reports);
  insertedReported.forEach(({ id }, n) => {
    if (n < 55) reported.push({ id, review: reportedRows[n]!.reviewRequired, first: base + Math.floor(n / 2) * 60_000 });
  });
});
afterAll(() => testDb.drop());

const oldestFirst = (a: Made, b: Made) => a.time - b.time || a.id - b.id;

/** Every page of the queue, from the start: the ids, page by page. */
async function walkQueue(actor: keyof Cast["actors"], filters: QueueFilters) {
  const pages: number[][] = [];
  let after: number | null = null;
  let total = -1;
  do {
    const result = await listPendingQueue(db, cast.actors[actor], filters, { after });
    expect(result.ok).toBe(true);
    if (!result.ok) throw new Error(result.message);
    expect(result.data.items.length).toBeLessThanOrEqual(QUEUE_PAGE_SIZE);
    pages.push(result.data.items.map((i) => i.id));
    total = result.data.total;
    after = result.data.nextAfter;
  } while (after !== null && pages.length < 20);
  return { pages, total };
}

describe("the moderation queue, page by page", () => {
  it("every pending item exactly once, oldest submitted first, 25 a page, and the total", async () => {
    const expected = pending.filter((p) => p.actionSlug === bigFiche.slug).sort(oldestFirst);
    const { pages, total } = await walkQueue("moderator", { actionSlug: bigFiche.slug });
    expect(pages.map((p) => p.length)).toEqual([25, 25, 10]);
    expect(pages.flat()).toEqual(expected.map((p) => p.id));
    expect(total).toBe(60);
  });

  it("filters combine with the cursor", async () => {
    const expected = pending
      .filter((p) => p.actionSlug === bigFiche.slug && p.kind === "feedback" && p.councilId === cast.councilB.id)
      .sort(oldestFirst);
    expect(expected.length).toBeGreaterThan(QUEUE_PAGE_SIZE);
    const { pages, total } = await walkQueue("moderator", { actionSlug: bigFiche.slug, kind: "feedback", councilId: cast.councilB.id });
    expect(pages.length).toBe(Math.ceil(expected.length / QUEUE_PAGE_SIZE));
    expect(pages.flat()).toEqual(expected.map((p) => p.id));
    expect(total).toBe(expected.length);
  });

  it("a moderator of council A never sees A's items, on any page, nor in the total", async () => {
    const expected = pending.filter((p) => p.actionSlug === bigFiche.slug && p.councilId !== cast.councilA.id).sort(oldestFirst);
    const { pages, total } = await walkQueue("moderatorOfA", { actionSlug: bigFiche.slug });
    expect(pages.flat()).toEqual(expected.map((p) => p.id));
    expect(total).toBe(expected.length);
    // A cursor naming one of A's items gives the place only, never the item.
    const ofA = pending.find((p) => p.councilId === cast.councilA.id && p.actionSlug === bigFiche.slug)!;
    const after = await listPendingQueue(db, cast.actors.moderatorOfA, { actionSlug: bigFiche.slug }, { after: ofA.id });
    expect(after.ok).toBe(true);
    expect(after.ok && after.data.items.some((i) => i.council.id === cast.councilA.id)).toBe(false);
  });

  it("a cursor that names no row gives an empty page", async () => {
    const none = await listPendingQueue(db, cast.actors.moderator, {}, { after: 2_000_000_000 });
    expect(none).toMatchObject({ ok: true, data: { items: [], nextAfter: null } });
  });

  it("the same number of queries at 5 items as at 60", async () => {
    const counted = async (slug: string) =>
      (await countQueries(() => listPendingQueue(db, cast.actors.moderator, { actionSlug: slug }))).queries;
    expect(await counted(smallFiche.slug)).toBe(await counted(bigFiche.slug));
  });
});

describe("the City's answers list, page by page", () => {
  // Unanswered by due date (late first), then answered, latest first answer first; then the id.
  const order = (list: typeof proposals) =>
    [...list].sort((a, b) => {
      if ((a.answered === null) !== (b.answered === null)) return a.answered === null ? -1 : 1;
      if (a.answered === null) return a.due - b.due || a.id - b.id;
      return b.answered! - a.answered! || a.id - b.id;
    });

  async function walk(filters: AnswerQueueFilters) {
    const pages: number[][] = [];
    let after: number | null = null;
    let total = -1;
    do {
      const result = await listAnswerableProposals(db, cast.actors.official, { actionSlug: answersFiche.slug, ...filters }, { after });
      expect(result.ok).toBe(true);
      if (!result.ok) throw new Error(result.message);
      expect(result.data.items.length).toBeLessThanOrEqual(ANSWER_PAGE_SIZE);
      pages.push(result.data.items.map((i) => i.id));
      total = result.data.total;
      after = result.data.nextAfter;
    } while (after !== null && pages.length < 20);
    return { pages, total };
  }

  it("every proposal exactly once, in the list's order, 25 a page", async () => {
    const { pages, total } = await walk({});
    expect(pages.map((p) => p.length)).toEqual([25, 25, 10]);
    expect(pages.flat()).toEqual(order(proposals).map((p) => p.id));
    expect(total).toBe(60);
  });

  it("the state filter combines with the cursor", async () => {
    const unanswered = order(proposals.filter((p) => p.answered === null));
    const { pages, total } = await walk({ state: "sans-reponse" });
    expect(pages.flat()).toEqual(unanswered.map((p) => p.id));
    expect(total).toBe(unanswered.length);
    const late = await walk({ state: "en-retard" });
    expect(late.pages.flat()).toEqual(unanswered.filter((p) => p.due < Date.now()).map((p) => p.id));
  });

  it("staff who belong to council A still list B's proposals (the rule of the unpaged list)", async () => {
    const result = await listAnswerableProposals(db, cast.actors.officialOfA, { actionSlug: answersFiche.slug });
    expect(result.ok).toBe(true);
    expect(result.ok && result.data.total).toBe(60);
    expect(result.ok && result.data.items).toHaveLength(ANSWER_PAGE_SIZE);
  });

  it("the same number of queries at 5 items as at 60", async () => {
    const counted = async (filters: AnswerQueueFilters) =>
      (await countQueries(() => listAnswerableProposals(db, cast.actors.moderator, filters))).queries;
    expect(await counted({ actionSlug: smallFiche.slug })).toBe(await counted({ actionSlug: answersFiche.slug }));
  });
});

describe("the reports tab, page by page", () => {
  const expected = () =>
    [...reported].sort((a, b) => Number(b.review) - Number(a.review) || a.first - b.first || a.id - b.id).map((r) => r.id);

  async function walk(actor: "moderator" | "moderatorOfA") {
    const pages: number[][] = [];
    let after: number | null = null;
    do {
      const result = await listReportedQueue(db, cast.actors[actor], { after });
      expect(result.ok).toBe(true);
      if (!result.ok) throw new Error(result.message);
      expect(result.data.items.length).toBeLessThanOrEqual(REPORTED_PAGE_SIZE);
      pages.push(result.data.items.map((i) => i.id));
      after = result.data.nextAfter;
    } while (after !== null && pages.length < 20);
    return pages;
  }

  it("every reported item exactly once, those waiting for review first, 25 a page, never the actor's own council", async () => {
    const all = await walk("moderator");
    expect(all.map((p) => p.length)).toEqual([25, 25, 6]);
    const theirs = await walk("moderatorOfA");
    expect(theirs.map((p) => p.length)).toEqual([25, 25, 5]);
    expect(theirs.flat()).toEqual(expected());
    expect(new Set(all.flat()).size).toBe(56);
  });

  it("each item comes with its open reports; the same number of queries for a short and a full page", async () => {
    const first = await listReportedQueue(db, cast.actors.moderatorOfA);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.data.items.every((i) => i.reports.length === 2)).toBe(true);
    const full = await countQueries(() => listReportedQueue(db, cast.actors.moderatorOfA, { after: first.data.items.at(-1)!.id }));
    const afterSecond = await listReportedQueue(db, cast.actors.moderatorOfA, { after: first.data.nextAfter });
    const last = afterSecond.ok ? afterSecond.data.nextAfter : null;
    const tail = await countQueries(() => listReportedQueue(db, cast.actors.moderatorOfA, { after: last }));
    expect(tail.result.ok && tail.result.data.items).toHaveLength(5);
    expect(full.result.ok && full.result.data.items).toHaveLength(25);
    expect(tail.queries).toBe(full.queries);
  });
});
