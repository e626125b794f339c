import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import * as schema from "@/db/schema";
import { actionSeeds, themeSeeds } from "@/db/seed/plan-data";
import { countRows, seedDatabase } from "@/db/seed/run";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const tables = {
  plans: schema.plans,
  plan_milestones: schema.planMilestones,
  themes: schema.themes,
  actions: schema.actions,
  action_themes: schema.actionThemes,
  action_projects: schema.actionProjects,
  progress_reports: schema.progressReports,
  councils: schema.councils,
  meetings: schema.meetings,
  meeting_agenda_items: schema.meetingAgendaItems,
  users: schema.users,
  council_memberships: schema.councilMemberships,
  contributions: schema.contributions,
  contribution_comments: schema.contributionComments,
  contribution_answers: schema.contributionAnswers,
  contribution_supports: schema.contributionSupports,
  contribution_reports: schema.contributionReports,
  moderation_reason_templates: schema.moderationReasonTemplates,
  notifications: schema.notifications,
};

/** Every row of every table, in a stable order. */
async function dump(db: Db) {
  const out: Record<string, unknown[]> = {};
  for (const [name, table] of Object.entries(tables)) {
    out[name] = await db
      .select()
      .from(table)
      .orderBy(sql`1, 2`);
  }
  return out;
}

describe("seed", () => {
  let testDb: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase("seed");
    // Opening prepares the database: migrations, then the seed because it is empty.
    database = await testDb.openPrepared({ demo: true });
  });
  afterAll(() => testDb.drop());

  it("runs by itself on an empty database, and running it again gives exactly the same rows", async () => {
    const before = await dump(database.db);
    await seedDatabase(database.db, { demo: true, now: new Date("2031-01-01T00:00:00Z") });
    await seedDatabase(database.db, { demo: true });
    expect(await dump(database.db)).toEqual(before);
  });

  it("is faithful to the source: 5 themes, 15 entries, 14 distinct fiches, 5 dated steps", async () => {
    const counts = await countRows(database.db);
    expect(counts).toMatchObject({
      plans: 1,
      plan_milestones: 5,
      themes: 5,
      actions: 14,
      action_themes: 15,
      progress_reports: 14,
      councils: 6,
    });
    const [plan] = await database.db.select().from(schema.plans);
    expect(plan).toMatchObject({ periodStartYear: 2015, periodEndYear: 2020, announcedActionCount: 17 });
    const themeRows = await database.db.select().from(schema.themes).orderBy(asc(schema.themes.number));
    expect(themeRows.map((t) => t.title)).toEqual(themeSeeds.map((t) => t.title));
    expect(themeRows.map((t) => t.announcedActionCount)).toEqual([4, 3, 3, 4, 1]);
  });

  it("links the entry listed under themes 1 and 2 to one fiche in both themes", async () => {
    const rows = await database.db
      .select({ number: schema.themes.number })
      .from(schema.actionThemes)
      .innerJoin(schema.actions, eq(schema.actions.id, schema.actionThemes.actionId))
      .innerJoin(schema.themes, eq(schema.themes.id, schema.actionThemes.themeId))
      .where(eq(schema.actions.slug, "limiter-intervenants-familles"))
      .orderBy(asc(schema.themes.number));
    expect(rows.map((r) => r.number)).toEqual([1, 2]);
  });

  it("keeps the source's words and invents no day, no progress figure and no status", async () => {
    const reports = await database.db.select().from(schema.progressReports);
    expect(reports.every((r) => r.reportedOn === null && r.progress === null && r.title === "Premier point d'étape")).toBe(true);
    const actionRows = await database.db.select().from(schema.actions);
    expect(actionRows.every((a) => a.progress === null)).toBe(true);
    const bySlug = new Map(actionRows.map((a) => [a.slug, a]));
    for (const seed of actionSeeds) {
      expect(bySlug.get(seed.slug)).toMatchObject({
        status: seed.status,
        timeframeLabel: seed.timeframeLabel,
        sourceWording: seed.sourceWording,
      });
    }
    expect(bySlug.get("pilotage-projet-social")?.status).toBeNull();
    expect(bySlug.get("restructurer-quartiers-sud")).toMatchObject({ status: "planned", timeframeLabel: "2018/2019" });
  });

  it("creates one demo account per role, marked as demo, with hashed passwords", async () => {
    const accounts = await database.db.select().from(schema.users);
    expect(accounts).toHaveLength(6);
    expect(accounts.every((a) => a.isDemo && a.passwordHash.startsWith("$argon2id$") && a.email.endsWith(".invalid"))).toBe(true);
    expect(accounts.filter((a) => a.isAdmin)).toHaveLength(1);
    const memberships = await database.db.select().from(schema.councilMemberships);
    expect(memberships.filter((m) => m.role === "referent").length).toBeGreaterThanOrEqual(1);
  });

  it("marks demo councils and the demo meeting as demo data", async () => {
    const councilRows = await database.db.select().from(schema.councils).orderBy(asc(schema.councils.number));
    expect(councilRows.map((c) => c.name)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Conseil de quartier n°${n}`));
    expect(councilRows.every((c) => c.isDemo)).toBe(true);
    const meetingRows = await database.db.select().from(schema.meetings);
    expect(meetingRows.every((m) => m.isDemo)).toBe(true);
  });

  it("adds demo contributions in every state of their life, marked as demo, from demo councils and accounts", async () => {
    const rows = await database.db.select().from(schema.contributions);
    expect(rows.length).toBeGreaterThanOrEqual(8);
    expect(rows.every((r) => r.isDemo && r.body.startsWith("(Démonstration)"))).toBe(true);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["draft", "pending", "published", "rejected", "hidden"]));
    const now = Date.now();
    const proposals = rows.filter((r) => r.kind === "proposal" && r.status === "published");
    // An answered proposal, one still waiting and one late: the counts have something to show.
    expect(proposals.some((r) => r.firstAnsweredAt !== null)).toBe(true);
    expect(proposals.some((r) => r.firstAnsweredAt === null && r.answerDueAt!.getTime() > now)).toBe(true);
    expect(proposals.some((r) => r.firstAnsweredAt === null && r.answerDueAt!.getTime() < now)).toBe(true);
    expect(await database.db.select().from(schema.contributionAnswers)).not.toHaveLength(0);
    expect(await database.db.select().from(schema.contributionSupports)).not.toHaveLength(0);
    expect(await database.db.select().from(schema.contributionReports)).not.toHaveLength(0);
    expect(await database.db.select().from(schema.contributionComments)).not.toHaveLength(0);
    // Demo notifications count as already mailed: starting the demo sends no email.
    const notes = await database.db.select().from(schema.notifications);
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.emailedAt !== null)).toBe(true);
    // Each published or decided item has its journal rows.
    const journal = await database.db.select().from(schema.auditLog);
    expect(journal.filter((j) => j.action === "contribution.approve")).toHaveLength(rows.filter((r) => r.publishedAt !== null).length);
  });
});

describe("seed without demo data (production default)", () => {
  let testDb: TestDatabase;
  afterAll(() => testDb.drop());

  it("creates the plan and the moderators' starting reason templates, but no council, no meeting, no demo account and no contribution", async () => {
    testDb = await createTestDatabase("seed_prod");
    const database = await testDb.openPrepared({ demo: false });
    const counts = await countRows(database.db);
    expect(counts).toMatchObject({
      actions: 14,
      councils: 0,
      meetings: 0,
      users: 0,
      contributions: 0,
      notifications: 0,
      moderation_reason_templates: 4,
    });
  });
});
