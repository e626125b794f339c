import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql, type SQLWrapper } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction } from "@/db/factories";
import { auditLog, contributionAnswers, contributionReports, contributions, moderationReasonTemplates, users } from "@/db/schema";
import { OTHER_REASON, registerCsv, type RegisterMonth } from "@/lib/moderation-register";
import { answerProposal } from "@/server/answers/answer-proposal";
import { createDraft } from "@/server/contributions/create-draft";
import { submitContribution } from "@/server/contributions/submit-contribution";
import { withdrawContribution } from "@/server/contributions/withdraw-contribution";
import { approveContribution, rejectContribution } from "@/server/moderation/decide";
import { hideContribution } from "@/server/moderation/hide";
import { loadModerationRegister } from "@/server/moderation/load-register";
import { setTemplateArchived } from "@/server/moderation/templates";
import { reportContribution } from "@/server/reports/report-contribution";
import { keepPublished } from "@/server/reports/review";
import { createCast, createUser, reload, type Cast } from "../support/actors";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { answerInput } from "./answers-helpers";
import { feedbackInput, proposalInput } from "./contributions-helpers";
import { hideData, rejectData } from "./moderation-helpers";

/*
 * The public moderation register (issue 13, points 4 and 5): exact figures for a month built by hand
 * through the real server functions (then moved, whole, into March 2026), months in Aurillac's time,
 * the window and its bounds, and leaks — nothing but counts and the reason templates' labels comes
 * out, with drafts, pending, rejected and hidden items in the database.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
let actionSlug: string;
beforeAll(async () => {
  testDb = await createTestDatabase("register");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
  actionSlug = (await createAction(db)).slug;
});
afterAll(() => testDb.drop());

const HOUR = 3_600_000;
/** « now » for the register: long after the hand-built month. */
const NOW = new Date("2026-11-29T12:00:00Z");

function must<T>(result: { ok: true; data: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

const templateId = async (label: string) =>
  (
    await db.select({ id: moderationReasonTemplates.id }).from(moderationReasonTemplates).where(eq(moderationReasonTemplates.label, label))
  )[0]!.id;

/** A draft of council A (an avis, or a proposition with a title), submitted; its submission moved `hoursAgo` back. */
async function submitted(text: string, hoursAgo: number, kind: "feedback" | "proposal" = "feedback") {
  const author = cast.actors.memberOfA;
  const input =
    kind === "feedback"
      ? feedbackInput(cast.councilA.id, actionSlug, text)
      : proposalInput(cast.councilA.id, actionSlug, `Titre ${text}`, text);
  const { id } = must(await createDraft(db, author, input));
  must(await submitContribution(db, author, { id }));
  // The delay the median reads: from submission to the decision taken now.
  await db
    .update(contributions)
    .set({ submittedAt: sql`now() - make_interval(secs => ${(hoursAgo * HOUR) / 1000})` })
    .where(eq(contributions.id, id));
  return id;
}

async function reporters(n: number) {
  const people = [];
  for (let i = 0; i < n; i++) people.push(await reload(db, (await createUser(db)).id));
  return people;
}

/** Moves every timestamp of the rows the register reads by one interval: the month built now becomes March 2026. */
async function moveEverything(to: Date) {
  // One interval for every table (now() would differ from one statement to the next).
  const shift = sql`(${Date.now() - to.getTime()} * interval '1 millisecond')`;
  await db
    .update(auditLog)
    .set({ createdAt: sql`${auditLog.createdAt} - ${shift}` })
    .where(sql`true`);
  await db
    .update(contributionReports)
    .set({
      createdAt: sql`${contributionReports.createdAt} - ${shift}`,
      resolvedAt: sql`${contributionReports.resolvedAt} - ${shift}`,
    })
    .where(sql`true`);
  await db
    .update(contributionAnswers)
    .set({ createdAt: sql`${contributionAnswers.createdAt} - ${shift}` })
    .where(sql`true`);
  const moved = (column: SQLWrapper) => sql`${column} - ${shift}`;
  await db
    .update(contributions)
    .set({
      submittedAt: moved(contributions.submittedAt),
      decidedAt: moved(contributions.decidedAt),
      publishedAt: moved(contributions.publishedAt),
      hiddenAt: moved(contributions.hiddenAt),
      answerDueAt: moved(contributions.answerDueAt),
      firstAnsweredAt: moved(contributions.firstAnsweredAt),
      createdAt: moved(contributions.createdAt),
      updatedAt: moved(contributions.updatedAt),
    })
    .where(sql`true`);
}

const secrets: string[] = [];
const secret = (label: string) => {
  const marker = `SECRET-${label}-${randomUUID().slice(0, 8)}`;
  secrets.push(marker);
  return marker;
};

describe("the register of a month built by hand", () => {
  let march: RegisterMonth;
  let categories: string[];

  beforeAll(async () => {
    const moderator = cast.actors.moderator;
    const horsSujet = await templateId("Hors sujet");
    const donnees = await templateId("Données personnelles");
    // Published, then answered late (its due date already past) and answered again (only the first answer counts).
    const late = await submitted(secret("proposition-en-retard"), 2, "proposal");
    must(await approveContribution(db, moderator, { id: late }));
    await db
      .update(contributions)
      .set({ answerDueAt: sql`now() - interval '1 hour'` })
      .where(eq(contributions.id, late));
    must(await answerProposal(db, cast.actors.official, answerInput(late, secret("reponse-1"))));
    must(await answerProposal(db, cast.actors.official, answerInput(late, secret("reponse-2"), "accepted")));
    // Published, answered within its delay.
    const onTime = await submitted(secret("proposition-a-temps"), 4, "proposal");
    must(await approveContribution(db, moderator, { id: onTime }));
    must(await answerProposal(db, cast.actors.official, answerInput(onTime, secret("reponse-3"))));
    // Published, then hidden by a moderator with a template.
    const hidden = await submitted(secret("avis-masque"), 6);
    must(await approveContribution(db, moderator, { id: hidden }));
    must(await hideContribution(db, moderator, hideData(hidden, secret("raison-masquage"), { templateId: donnees })));
    // Published, reported 3 times (the threshold): hidden automatically, then kept hidden by a moderator.
    const autoHidden = await submitted(secret("avis-signale-masque"), 8);
    must(await approveContribution(db, moderator, { id: autoHidden }));
    for (const person of await reporters(3)) must(await reportContribution(db, person, { id: autoHidden, reason: secret("signalement") }));
    must(await hideContribution(db, moderator, hideData(autoHidden, secret("confirmation"), { fromReports: true })));
    // Published, reported once, kept published.
    const kept = await submitted(secret("avis-maintenu"), 10);
    must(await approveContribution(db, moderator, { id: kept }));
    must(await reportContribution(db, cast.actors.memberOfB, { id: kept, reason: secret("signalement-classe") }));
    must(await keepPublished(db, moderator, { id: kept }));
    // Published, reported once, not reviewed yet.
    const open = await submitted(secret("avis-signale-ouvert"), 12);
    must(await approveContribution(db, moderator, { id: open }));
    must(await reportContribution(db, cast.actors.memberOfB, { id: open, reason: secret("signalement-ouvert") }));
    // Refused: a template chosen without JavaScript (its text put first), a template copied into the text
    // with JavaScript (then typed after), and a reason typed without any template.
    const offTopic = await submitted(secret("hors-sujet-1"), 1);
    must(await rejectContribution(db, moderator, rejectData(offTopic, null, { templateId: horsSujet })));
    const [template] = await db
      .select({ body: moderationReasonTemplates.body })
      .from(moderationReasonTemplates)
      .where(eq(moderationReasonTemplates.id, horsSujet));
    const offTopicToo = await submitted(secret("hors-sujet-2"), 3);
    must(
      await rejectContribution(
        db,
        moderator,
        rejectData(offTopicToo, `${template!.body}\n\n${secret("raison-tapee")}`, { templateId: horsSujet }),
      ),
    );
    const typed = await submitted(secret("refus-libre"), 5);
    must(await rejectContribution(db, moderator, rejectData(typed, secret("raison-libre"))));
    // Submitted, withdrawn by its council, submitted again: two submissions received; still pending.
    const again = await submitted(secret("en-attente"), 0);
    must(await withdrawContribution(db, cast.actors.memberOfA, { id: again }));
    must(await submitContribution(db, cast.actors.memberOfA, { id: again }));
    // A draft never submitted: not received.
    must(await createDraft(db, cast.actors.memberOfA, feedbackInput(cast.councilA.id, actionSlug, secret("brouillon"))));

    await moveEverything(new Date("2026-03-15T12:00:00Z"));
    // Month ends in Aurillac's time: 23:30 UTC on 28 February is 00:30 on 1 March there (counted
    // in March); 22:30 UTC on 31 March is 00:30 on 1 April (not in March).
    const submission = (at: string) => ({ action: "contribution.submit", targetType: "contribution", createdAt: new Date(at) });
    await db.insert(auditLog).values([submission("2026-02-28T23:30:00Z"), submission("2026-03-31T22:30:00Z")]);

    const register = await loadModerationRegister(db, "2026-03", NOW);
    expect(register).not.toBeNull();
    categories = register!.categories;
    march = register!.months.find((m) => m.month === "2026-03")!;
  });

  it("counts received, published, refused by template, hidden, reports and their outcome, answers given and late", () => {
    expect(categories).toEqual([
      "Données personnelles",
      "Hors sujet",
      "Mise en cause d'une personne",
      "Propos injurieux ou discriminatoires",
      OTHER_REASON,
    ]);
    expect(march).toMatchObject({
      month: "2026-03",
      // 9 decided + one submitted twice + the submission at 00:30 on 1 March, Aurillac time.
      received: 12,
      published: 6,
      rejected: 3,
      rejectedBy: [0, 2, 0, 0, 1],
      hiddenByModerator: 1,
      hiddenByReports: 1,
      reports: 5,
      reportsHidden: 3,
      reportsKept: 1,
      reportsOpen: 1,
      answersGiven: 2,
      answersLate: 1,
    });
  });

  it("the median time from submission to decision: 1, 2, 3, 4, 5, 6, 8, 10, 12 hours → 5 hours", () => {
    expect(march.medianDecisionHours).toBeCloseTo(5, 2);
  });

  it("the window: no month before the first submission, the previous and next windows, nothing after this month", async () => {
    const window = await loadModerationRegister(db, "2026-03", NOW);
    // The first submission is at 00:30 on 1 March (Aurillac): February and before are not shown.
    expect(window!.months.map((m) => m.month)).toEqual(["2026-03"]);
    expect(window!.previousEnd).toBeNull();
    expect(window!.nextEnd).toBe("2026-11");
    const current = await loadModerationRegister(db, null, NOW);
    expect(current!.currentMonth).toBe("2026-11");
    expect(current!.months.map((m) => m.month)).toEqual([
      "2026-11",
      "2026-10",
      "2026-09",
      "2026-08",
      "2026-07",
      "2026-06",
      "2026-05",
      "2026-04",
      "2026-03",
    ]);
    expect(current!.months.find((m) => m.month === "2026-04")!.received).toBe(1);
    expect(current!.nextEnd).toBeNull();
    expect(await loadModerationRegister(db, "2026-12", NOW)).toBeNull();
    expect(await loadModerationRegister(db, "2026-02", NOW)).toBeNull();
    // A year later, the first window ends in December 2027; the one before it starts in March 2026.
    const later = await loadModerationRegister(db, null, new Date("2027-12-15T12:00:00Z"));
    expect(later!.months).toHaveLength(12);
    expect(later!.previousEnd).toBe("2026-12");
  });

  it("an archived template keeps its refusals under its label; an unused archived one is not shown", async () => {
    must(await setTemplateArchived(db, cast.actors.moderator, { id: await templateId("Hors sujet"), archived: true }));
    must(
      await setTemplateArchived(db, cast.actors.moderator, {
        id: await templateId("Propos injurieux ou discriminatoires"),
        archived: true,
      }),
    );
    const register = await loadModerationRegister(db, "2026-03", NOW);
    expect(register!.categories).toEqual(["Données personnelles", "Hors sujet", "Mise en cause d'une personne", OTHER_REASON]);
    expect(register!.months[0]!.rejectedBy).toEqual([0, 2, 0, 1]);
    expect(register!.activeTemplates).toEqual(["Données personnelles", "Mise en cause d'une personne"]);
  });

  it("the CSV: one row per month, oldest first, the same figures", async () => {
    const register = await loadModerationRegister(db, null, NOW);
    const lines = registerCsv(register!.months, register!.categories)
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines).toHaveLength(1 + register!.months.length + 1);
    expect(lines[0]!.split(";").slice(0, 4)).toEqual(["mois", "contributions reçues", "publiées", "refusées"]);
    expect(lines[1]).toBe(`2026-03;12;6;3;0;2;0;1;1;1;5;3;1;1;${march.medianDecisionHours!.toFixed(1).replace(".", ",")};2;1`);
    expect(lines.at(-2)!.startsWith("2026-11;0;")).toBe(true);
  });
});

describe("leaks", () => {
  it("the register and its CSV hold counts and template labels only: no text, title, reason, name or id of any item", async () => {
    // Items of every state, with their markers in every text field (drafts, pending, refused, hidden, published).
    const names = await db
      .select({ name: users.displayName })
      .from(users)
      .where(inArray(users.id, [cast.userIds.memberOfA, cast.userIds.moderator, cast.userIds.official]));
    for (const register of [await loadModerationRegister(db, null, NOW), await loadModerationRegister(db, "2026-03", NOW)]) {
      const json = JSON.stringify(register);
      const csv = registerCsv(register!.months, register!.categories);
      for (const text of [...secrets, ...names.map((n) => n.name), cast.councilA.slug, actionSlug]) {
        expect(json.includes(text), text).toBe(false);
        expect(csv.includes(text), text).toBe(false);
      }
      // Every text it holds is a month or a category's label: nothing else can carry an item's words.
      const texts: string[] = [];
      JSON.stringify(register, (_key, value: unknown) => (typeof value === "string" ? void texts.push(value) : value));
      const labels = new Set(register!.categories);
      expect(texts.filter((t) => !/^\d{4}-\d{2}$/.test(t) && !labels.has(t))).toEqual([]);
    }
    const statuses = await db
      .select({ status: contributions.status, n: sql<number>`count(*)::int` })
      .from(contributions)
      .where(and(eq(contributions.councilId, cast.councilA.id)))
      .groupBy(contributions.status);
    expect(statuses.map((s) => s.status).sort()).toEqual(["draft", "hidden", "pending", "published", "rejected"]);
  });
});
