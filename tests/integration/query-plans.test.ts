import { and, eq, inArray, sql, type SQLWrapper } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction } from "@/db/factories";
import { contributions } from "@/db/schema";
import { attentionQueries } from "@/server/account/attention";
import { answerQueueQueries } from "@/server/answers/list-answerable";
import { dashboardQueries } from "@/server/dashboard/load-dashboard";
import { publishedPageQueries } from "@/server/plan/load-published-contributions";
import { figuresQuery } from "@/server/plan/load-tallies";
import { contributionQueries, searchPublic } from "@/server/search/search-public";
import { councilContributionGroups, GROUP_PAGE_SIZE, selectItems } from "@/server/contributions/list-council-contributions";
import { createCast, type Cast } from "../support/actors";
import { createTestDatabase, onPostgres, rowsOf, type TestDatabase } from "../support/test-database";

/*
 * Issue 15: the queries behind every signed-in page's account bar and a council's list read an
 * index, never every contribution. PostgreSQL's own plans (EXPLAIN) on 30,000 contributions,
 * statistics up to date: no sequential scan of `contributions`. PostgreSQL only: PGlite's planner
 * is the same code, but the volume would make the embedded run slow for no new information.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
/** The fiche that holds every contribution below. */
let fiche: { id: number; planId: number };

beforeAll(async () => {
  if (!onPostgres) return;
  testDb = await createTestDatabase("query_plans");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
  const action = await createAction(db);
  fiche = action;
  // 30,000 published avis spread over council A and B, then a few proposals, pending and reviewed items.
  await db.execute(sql`
    insert into contributions (council_id, action_id, kind, position, body, status, published_at, client_request_id, created_at)
    select case when i % 2 = 0 then ${cast.councilA.id}::int else ${cast.councilB.id}::int end, ${action.id}::int, 'feedback', 'favorable',
           'Avis ' || i, 'published', now() - i * interval '1 minute', gen_random_uuid()::text, now() - i * interval '1 minute'
    from generate_series(1, 30000) as i`);
  await db.execute(sql`
    insert into contributions (council_id, action_id, kind, title, body, status, published_at, client_request_id)
    select ${cast.councilB.id}::int, ${action.id}::int, 'proposal', 'Proposition ' || i, 'Texte', 'published', now(), gen_random_uuid()::text
    from generate_series(1, 40) as i`);
  await db.execute(sql`
    insert into contributions (council_id, action_id, kind, position, body, status, client_request_id)
    select ${cast.councilB.id}::int, ${action.id}::int, 'feedback', 'favorable', 'En attente ' || i, 'pending', gen_random_uuid()::text
    from generate_series(1, 30) as i`);
  // Council A's other sections: drafts, pending and refused items by the thousand.
  await db.execute(sql`
    insert into contributions (council_id, action_id, kind, position, body, status, rejection_reason, client_request_id, created_at)
    select ${cast.councilA.id}::int, ${action.id}::int, 'feedback', 'favorable', 'Section ' || i,
           (array['draft', 'pending', 'rejected'])[1 + i % 3]::contribution_status, case when i % 3 = 2 then 'Raison' end,
           gen_random_uuid()::text, now() - i * interval '7 minutes'
    from generate_series(1, 6000) as i`);
  // The search (issue 13): « avis » is in each of the 30,000 texts; a rare word in 40 of them; a frequent
  // word (1,100 items) only in items older than all the others, beyond the newest-first window.
  await db.execute(sql`
    insert into contributions (council_id, action_id, kind, position, body, status, published_at, client_request_id)
    select ${cast.councilA.id}::int, ${action.id}::int, 'feedback', 'favorable', 'Rarissime ' || i, 'published',
           now() - i * interval '3 minutes', gen_random_uuid()::text
    from generate_series(1, 40) as i`);
  await db.execute(sql`
    insert into contributions (council_id, action_id, kind, position, body, status, published_at, client_request_id)
    select ${cast.councilB.id}::int, ${action.id}::int, 'feedback', 'favorable', 'Ancienneté ' || i, 'published',
           now() - interval '1 year' - i * interval '1 minute', gen_random_uuid()::text
    from generate_series(1, 1100) as i`);
  // The answers list and the dashboard (issue 15): 3,000 published proposals of council B, a third
  // answered, a third late, a third due later, and a few published before due dates were kept.
  await db.execute(sql`
    insert into contributions (council_id, action_id, kind, title, body, status, published_at, answer_due_at, first_answered_at, client_request_id)
    select ${cast.councilB.id}::int, ${action.id}::int, 'proposal', 'À répondre ' || i, 'Texte', 'published', now() - i * interval '1 hour',
           case when i % 100 <> 0 then now() + (i % 3 - 1) * interval '30 days' end,
           case when i % 3 = 0 then now() - i * interval '1 minute' end, gen_random_uuid()::text
    from generate_series(1, 3000) as i`);
  // Another fiche's proposals (a fiche's own figures must not read them): 6,000, half answered.
  const other = await createAction(db);
  await db.execute(sql`
    insert into contributions (council_id, action_id, kind, title, body, status, published_at, answer_due_at, first_answered_at, client_request_id)
    select ${cast.councilB.id}::int, ${other.id}::int, 'proposal', 'Ailleurs ' || i, 'Texte', 'published', now() - i * interval '1 hour',
           now() + interval '30 days', case when i % 2 = 0 then now() - i * interval '1 minute' end, gen_random_uuid()::text
    from generate_series(1, 6000) as i`);
  await db.execute(sql`analyze`);
});
afterAll(async () => {
  if (onPostgres) await testDb.drop();
});

/**
 * What PostgreSQL would do that reads more than the rows asked for: « Seq Scan on <table> » for each
 * sequential scan (on the few users, the right choice), « Sort » for each full sort (an index read in order needs none; an incremental
 * sort, on a tie of the index's order, sorts only the rows it returns).
 */
async function costly(query: SQLWrapper): Promise<string[]> {
  return (await planSteps(query)).filter((step) => step.startsWith("Seq Scan") || step === "Sort");
}

/** Every step of PostgreSQL's plan: « Seq Scan on <table> », « Sort », « <node> using <index> », other node types. */
async function planSteps(query: SQLWrapper): Promise<string[]> {
  const [row] = rowsOf<{ "QUERY PLAN": unknown }>(await db.execute(sql`explain (format json) ${query}`));
  const found: string[] = [];
  const walk = (node: Record<string, unknown>) => {
    if (node["Node Type"] === "Seq Scan") found.push(`Seq Scan on ${String(node["Relation Name"])}`);
    else if (node["Index Name"]) found.push(`${String(node["Node Type"])} using ${String(node["Index Name"])}`);
    else found.push(String(node["Node Type"]));
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  const plan = (typeof row!["QUERY PLAN"] === "string" ? JSON.parse(row!["QUERY PLAN"]) : row!["QUERY PLAN"]) as {
    Plan: Record<string, unknown>;
  }[];
  walk(plan[0]!.Plan);
  return found;
}

describe.runIf(onPostgres)("query plans at 30,000 contributions (PostgreSQL)", () => {
  it("the account bar's counts (a moderator member of council A, an official) read indexes", async () => {
    for (const role of ["moderatorOfA", "moderator", "official", "officialOfA"] as const) {
      const queries = attentionQueries(db, cast.actors[role]!);
      for (const [name, query] of Object.entries(queries)) {
        if (query) expect(await costly(query), `${role} ${name}`).not.toContain("Seq Scan on contributions");
      }
    }
  });

  it("each section of a council's list, first page and after a cursor, is read in index order: no scan, no sort", async () => {
    const [{ id: middle }] = rowsOf<{ id: number }>(
      await db.execute(
        sql`select id from contributions where council_id = ${cast.councilA.id}::int order by created_at desc, id desc offset 5000 limit 1`,
      ),
    ) as [{ id: number }];
    for (const [group, statuses] of Object.entries(councilContributionGroups)) {
      for (const before of [null, middle]) {
        const older = before
          ? sql`(${contributions.createdAt}, ${contributions.id}) < (select c.created_at, c.id from contributions c where c.id = ${before} and c.council_id = ${cast.councilA.id})`
          : undefined;
        const where = and(eq(contributions.councilId, cast.councilA.id), inArray(contributions.status, [...statuses]), older);
        // users and councils are a few rows here (the authors; the council named for an erased author).
        const plan = (await costly(selectItems(db, where, GROUP_PAGE_SIZE + 1))).filter(
          (step) => !step.startsWith("Seq Scan on users") && !step.startsWith("Seq Scan on councils"),
        );
        expect(plan, `${group} ${before ?? "first page"}`).toEqual([]);
      }
    }
  });

  it("the search finds a rare word through the GIN index, and reads a frequent one newest first: no scan, no sort of every match", async () => {
    const noFilter = { kind: null, themeSlug: null, councilSlug: null };
    const rare = contributionQueries("rarissime", noFilter);
    for (const query of [sql`select ${rare.count}`, rare.byIndex(20, 0)]) {
      const steps = await planSteps(query);
      expect(steps, JSON.stringify(steps)).toContain("Bitmap Index Scan using contributions_search");
      expect(steps).not.toContain("Seq Scan on contributions");
    }
    const frequent = contributionQueries("avis", noFilter);
    const steps = await planSteps(frequent.byDate(20, 0));
    expect(steps, JSON.stringify(steps)).toContain("Index Scan using contributions_published_order");
    expect(steps.filter((s) => s.startsWith("Seq Scan on contributions") || s === "Sort")).toEqual([]);
  });

  it("the answers list: each page, each state, after a cursor in each run, read from the partial indexes and the figures: no sequential scan of the contributions", async () => {
    const [unanswered, undated, answered] = rowsOf<{ id: number }>(
      await db.execute(sql`
        (select id from contributions where kind = 'proposal' and first_answered_at is null and answer_due_at is not null order by id limit 1)
        union all (select id from contributions where kind = 'proposal' and first_answered_at is null and answer_due_at is null order by id limit 1)
        union all (select id from contributions where kind = 'proposal' and first_answered_at is not null order by id limit 1)`),
    ).map((r) => r.id);
    for (const state of [undefined, "sans-reponse", "en-retard", "repondues"] as const) {
      for (const after of [null, unanswered!, undated!, answered!]) {
        for (const filters of [{ state }, { state, councilId: cast.councilB.id }]) {
          const queries = answerQueueQueries(db, cast.actors.official!, filters, { after });
          for (const [name, query] of Object.entries(queries)) {
            const steps = await planSteps(query);
            const label = `${name} ${JSON.stringify(filters)} after ${after}: ${JSON.stringify(steps)}`;
            expect(
              steps.filter((s) => s.startsWith("Seq Scan on contributions")),
              label,
            ).toEqual([]);
            if (name === "page")
              expect(
                steps.filter((s) => s.includes("using contributions_awaiting_answer") || s.includes("using contributions_answered")).length,
                label,
              ).toBeGreaterThan(0);
          }
        }
      }
    }
  });

  it("the dashboard reads the figures table and two partial indexes, never every contribution", async () => {
    for (const [name, query] of Object.entries(dashboardQueries(db))) {
      const steps = await planSteps(query);
      expect(
        steps.filter((s) => s.startsWith("Seq Scan on contributions")),
        `${name}: ${JSON.stringify(steps)}`,
      ).toEqual([]);
    }
  });

  it("a fiche's or a council's page of contributions: the 10 newest read in index order, the total from the figures — never every row of the list", async () => {
    for (const scope of [{ actionId: fiche.id }, { councilId: cast.councilA.id }]) {
      const { items, supports } = publishedPageQueries(db, scope, 2);
      const steps = await planSteps(items);
      // A window over the list (`count(*) over ()`) or a sort would read each of its 30,000 rows.
      expect(
        steps.filter((s) => s.startsWith("Seq Scan on contributions") || s === "WindowAgg" || s === "Sort"),
        `${JSON.stringify(scope)}: ${JSON.stringify(steps)}`,
      ).toEqual([]);
      // The supports of the page's 10 items (sorted: a few rows).
      expect(await planSteps(supports)).not.toContain("Seq Scan on contributions");
    }
  });

  it("a fiche's answers in figures read its own proposals from their index, not every answered proposal of the plan", async () => {
    const steps = await planSteps(figuresQuery(db, { actionId: fiche.id }, new Date()));
    expect(steps.filter((s) => s.startsWith("Seq Scan on contributions"))).toEqual([]);
    // (At this volume the planner may read the awaiting ones through contributions_unanswered: 5,000 entries.)
    expect(steps, JSON.stringify(steps)).toContain("Index Only Scan using contributions_proposals_by_action");
  });

  it("the plan's answers in figures read the proposals not due yet and the middle delays from their indexes, never every contribution", async () => {
    const steps = await planSteps(figuresQuery(db, { planId: fiche.planId }, new Date()));
    expect(
      steps.filter((s) => s.startsWith("Seq Scan on contributions") || s === "Sort"),
      JSON.stringify(steps),
    ).toEqual([]);
    // The median at its rank in the order of the delays, not a sort of every answered proposal.
    expect(steps, JSON.stringify(steps)).toContain("Index Only Scan using contributions_answer_delay");
  });

  it("the search falls back to the GIN index when a frequent word is only in items older than the newest-first window", async () => {
    const result = await searchPublic(db, "anciennete", { kind: "contribution", themeSlug: null, councilSlug: null });
    expect(result.counts.contribution).toBeGreaterThan(1000);
    expect(result.hits.map((h) => h.excerpt?.replace(/[\uE000\uE001]/g, ""))).toEqual(
      Array.from({ length: 20 }, (_, i) => `Ancienneté ${i + 1}`),
    );
  });
});
