import { randomUUID } from "node:crypto";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction, createMeeting } from "@/db/factories";
import { contributionAnswers, contributionComments, meetingAgendaItems, progressReports } from "@/db/schema";
import { Highlighted } from "@/components/search/highlighted";
import { SEARCH_COUNT_CAP, SEARCH_PAGE_SIZE, searchKinds, splitHighlight, type SearchKind } from "@/lib/search";
import { searchPublic, type SearchFilters, type SearchHit } from "@/server/search/search-public";
import { createCast, type Cast } from "../support/actors";
import { createTestDatabase, rowsOf, type TestDatabase } from "../support/test-database";
import { insertItem } from "./answers-helpers";

/*
 * The public search (issue 13, points 1 and 5) on a real database — PGlite by default, PostgreSQL
 * with TEST_PG_ADMIN_URL: French stems and accents, typos, filters, pages of 20, escaped highlights,
 * and nothing that is not public, even when its text matches exactly.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
beforeAll(async () => {
  testDb = await createTestDatabase("search");
  database = await testDb.openPrepared({ demo: true });
  db = database.db;
  cast = await createCast(db);
});
afterAll(() => testDb.drop());

const noFilter: SearchFilters = { kind: null, themeSlug: null, councilSlug: null };
const plain = (marked: string | null) =>
  marked === null
    ? ""
    : splitHighlight(marked)
        .map((p) => p.text)
        .join("");
const markedWords = (marked: string | null) =>
  marked === null
    ? []
    : splitHighlight(marked)
        .filter((p) => p.marked)
        .map((p) => p.text);
const ofKind = (hits: SearchHit[], kind: SearchKind) => hits.filter((h) => h.kind === kind);
/** A word no seed text holds, made of letters only (the French stemmer keeps it whole). */
const uniqueWord = (prefix: string) =>
  `${prefix}${randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 8)}`;

describe("French matching", () => {
  it("« parentalite » (no accent) finds the parenting fiche, its accented word highlighted", async () => {
    const result = await searchPublic(db, "parentalite", noFilter);
    const fiche = ofKind(result.hits, "action").find((h) => h.href === "/fiches/accompagnement-parentalite");
    expect(fiche, JSON.stringify(result.hits)).toBeDefined();
    expect(markedWords(fiche!.title)).toEqual(["parentalité"]);
    expect(result.correctedFrom).toBeNull();
  });

  it("« familles » finds a text that only says « famille » (French stems)", async () => {
    const word = uniqueWord("quartier");
    const id = await insertItem(db, cast.councilA.id, "accompagnement-parentalite", {
      kind: "feedback",
      body: `Le conseil ${word} pense à chaque famille du quartier.`,
    });
    const result = await searchPublic(db, "familles", { ...noFilter, kind: "contribution", councilSlug: cast.councilA.slug });
    const hit = result.hits.find((h) => h.id === id);
    expect(hit).toBeDefined();
    expect(markedWords(hit!.excerpt)).toEqual(["famille"]);
  });

  it("a small typo finds its word (« parentalitée », « famile »), and the page says what was searched instead", async () => {
    const typo = await searchPublic(db, "parentalitée", noFilter);
    expect(typo.correctedFrom).toBe("parentalitée");
    expect(typo.searched).toBe("parentalité");
    expect(ofKind(typo.hits, "action").map((h) => h.href)).toContain("/fiches/accompagnement-parentalite");
    const second = await searchPublic(db, "famile", { ...noFilter, kind: "action" });
    expect(second.searched).toBe("familles");
    expect(second.hits.length).toBeGreaterThan(0);
    // A word that is nowhere and like nothing finds nothing, and no correction is claimed.
    const none = await searchPublic(db, uniqueWord("zq"), noFilter);
    expect(none).toMatchObject({ total: 0, correctedFrom: null, hits: [] });
  });
});

describe("nothing that is not public (issue 13, point 5)", () => {
  it("draft, pending, rejected and hidden items, answers to a hidden proposal, comments, reasons and presenter notes never come out", async () => {
    const word = uniqueWord("fuite");
    const fiche = await createAction(db, { themeSlug: "gouvernance" });
    const published = await insertItem(db, cast.councilA.id, fiche.slug, { body: `Publié : ${word}.` });
    const unpublished: number[] = [];
    for (const status of ["draft", "pending", "rejected", "hidden"] as const) {
      unpublished.push(
        await insertItem(db, cast.councilA.id, fiche.slug, { status, title: `Titre ${word}`, body: `Texte ${word} (${status}).` }),
      );
    }
    const [, , , hidden] = unpublished;
    // An answer the City gave before the proposal was hidden: hidden with it.
    await db.insert(contributionAnswers).values({
      contributionId: hidden!,
      state: "accepted",
      body: `Réponse ${word} à une proposition masquée.`,
      signatureName: "Élue de test",
      clientRequestId: randomUUID(),
    });
    // Internal comments and the presenter's notes hold the word too; so does a moderator's reason.
    await db.insert(contributionComments).values({ contributionId: published, body: `Commentaire interne ${word}` });
    const meeting = await createMeeting(db, { startsAt: new Date(Date.now() + 86_400_000), title: "Réunion de test" });
    await db.insert(meetingAgendaItems).values({ meetingId: meeting.id, position: 1, label: "Point de test", notes: `Notes ${word}` });

    for (const kind of [null, ...searchKinds]) {
      const result = await searchPublic(db, word, { ...noFilter, kind });
      const ids = result.hits.map((h) => `${h.kind}:${h.id}`);
      expect(ids, `type ${kind}`).toEqual(kind === null || kind === "contribution" ? [`contribution:${published}`] : []);
      expect(result.total).toBe(ids.length);
    }
    // Nor through the typo correction: one letter off finds the published item only, or nothing.
    const typo = await searchPublic(db, `${word}x`, noFilter);
    expect(typo.hits.filter((h) => h.id !== published || h.kind !== "contribution")).toEqual([]);
  });

  it("an answer to a published proposal is found, and leads to the proposal on its fiche", async () => {
    const word = uniqueWord("reponse");
    const fiche = await createAction(db, { themeSlug: "gouvernance" });
    const proposal = await insertItem(db, cast.councilB.id, fiche.slug, { title: "Un banc public" });
    const [answer] = await db
      .insert(contributionAnswers)
      .values({
        contributionId: proposal,
        state: "accepted",
        body: `La Ville ${word} installera le banc.`,
        signatureName: "Élue de test",
        clientRequestId: randomUUID(),
      })
      .returning();
    const result = await searchPublic(db, word, noFilter);
    expect(result.hits).toMatchObject([{ kind: "answer", id: answer!.id, href: `/fiches/${fiche.slug}#contribution-${proposal}` }]);
  });
});

describe("filters and pages", () => {
  it("by kind, by theme and by council", async () => {
    const word = uniqueWord("filtre");
    const inGovernance = await createAction(db, { themeSlug: "gouvernance", title: `Fiche ${word}` });
    const elsewhere = await createAction(db, { themeSlug: "petite-enfance-enfance-jeunesse", title: `Autre fiche ${word}` });
    const a = await insertItem(db, cast.councilA.id, inGovernance.slug, { body: `Avis ${word} du conseil A.` });
    const b = await insertItem(db, cast.councilB.id, elsewhere.slug, { body: `Avis ${word} du conseil B.` });
    await db.insert(progressReports).values({ actionId: elsewhere.id, title: `Point ${word}`, body: "Texte du point d'étape." });

    const all = await searchPublic(db, word, noFilter);
    expect(all.counts).toMatchObject({ action: 2, report: 1, contribution: 2 });
    const byKind = await searchPublic(db, word, { ...noFilter, kind: "contribution" });
    expect(byKind.hits.map((h) => h.id).sort()).toEqual([a, b].sort());
    const byTheme = await searchPublic(db, word, { ...noFilter, themeSlug: "gouvernance" });
    expect(byTheme.hits.map((h) => `${h.kind}:${h.id}`)).toEqual([`action:${inGovernance.id}`, `contribution:${a}`]);
    // A council filter keeps only what a council wrote (and the City's answers to it).
    const byCouncil = await searchPublic(db, word, { ...noFilter, councilSlug: cast.councilB.slug });
    expect(byCouncil.hits.map((h) => `${h.kind}:${h.id}`)).toEqual([`contribution:${b}`]);
    // An unknown theme or council (a hand-written address) finds nothing rather than everything.
    expect((await searchPublic(db, word, { ...noFilter, themeSlug: "inconnue" })).total).toBe(0);
  });

  it("20 results a page, each once, newest first; a page past the end shows the last one", async () => {
    const word = uniqueWord("page");
    const fiche = await createAction(db);
    const ids: number[] = [];
    for (let i = 0; i < 45; i++)
      ids.push(await insertItem(db, cast.councilA.id, fiche.slug, { body: `Avis ${word}`, publishedDaysAgo: i + 1 }));
    const pages = await Promise.all([1, 2, 3].map((p) => searchPublic(db, word, noFilter, p)));
    expect(pages.map((p) => p.hits.length)).toEqual([SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE, 5]);
    expect(pages.map((p) => p.pageCount)).toEqual([3, 3, 3]);
    expect(pages.flatMap((p) => p.hits.map((h) => h.id))).toEqual(ids);
    // The link goes to the fiche's page that shows the item (10 a page): the 45th newest is on page 5.
    expect(pages[2]!.hits.at(-1)!.href).toBe(`/fiches/${fiche.slug}/contributions/5#contribution-${ids[44]}`);
    expect(pages[0]!.hits[0]!.href).toBe(`/fiches/${fiche.slug}#contribution-${ids[0]}`);
    const beyond = await searchPublic(db, word, noFilter, 99);
    expect(beyond.page).toBe(3);
    expect(beyond.hits.map((h) => h.id)).toEqual(ids.slice(40));
  });

  it("a word found more than 1,000 times: counted as « more than 1,000 », read newest first, page by page", async () => {
    const word = uniqueWord("frequent");
    const fiche = await createAction(db);
    await db.execute(sql`
      insert into contributions (council_id, action_id, kind, position, body, status, published_at, client_request_id)
      select ${cast.councilB.id}::int, ${fiche.id}::int, 'feedback', 'favorable', 'Avis ' || i || ' ${sql.raw(word)}', 'published',
             now() - i * interval '1 minute', gen_random_uuid()::text
      from generate_series(1, ${SEARCH_COUNT_CAP + 50}::int) as i`);
    const newestFirst = rowsOf<{ id: number }>(
      await db.execute(sql`select id from contributions where action_id = ${fiche.id} order by published_at desc, id desc`),
    ).map((r) => Number(r.id));
    const first = await searchPublic(db, word, noFilter);
    expect(first.counts.contribution).toBe(SEARCH_COUNT_CAP + 1);
    expect(first.pageCount).toBe(SEARCH_COUNT_CAP / SEARCH_PAGE_SIZE);
    expect(first.hits.map((h) => h.id)).toEqual(newestFirst.slice(0, SEARCH_PAGE_SIZE));
    const seventh = await searchPublic(db, word, noFilter, 7);
    expect(seventh.hits.map((h) => h.id)).toEqual(newestFirst.slice(6 * SEARCH_PAGE_SIZE, 7 * SEARCH_PAGE_SIZE));
  });

  it("kinds are laid end to end: a page can end one kind and start the next", async () => {
    const word = uniqueWord("suite");
    const fiche = await createAction(db, { title: `Fiche ${word}` });
    for (let i = 0; i < 21; i++) await insertItem(db, cast.councilB.id, fiche.slug, { body: `Avis ${word} ${i}` });
    const first = await searchPublic(db, word, noFilter);
    expect(first.hits.map((h) => h.kind)).toEqual(["action", ...Array<string>(19).fill("contribution")]);
    const second = await searchPublic(db, word, noFilter, 2);
    expect(second.hits.map((h) => h.kind)).toEqual(["contribution", "contribution"]);
  });
});

describe("highlights are text, never HTML", () => {
  it("a contribution holding <script> and <b> shows them as typed, escaped, with only the matched word in <mark>", async () => {
    const word = uniqueWord("balise");
    const body = `Avant <script>alert("x")</script> et <b>gras</b> & « ${word} » puis \uE000faux\uE001.`;
    const id = await insertItem(db, cast.councilA.id, "accompagnement-parentalite", { kind: "feedback", body });
    const result = await searchPublic(db, word, noFilter);
    const hit = result.hits.find((h) => h.id === id)!;
    expect(plain(hit.excerpt)).toContain(`<script>alert("x")</script> et <b>gras</b> & « ${word} »`);
    // The text's own private-use characters are dropped: they cannot fake a highlight.
    expect(markedWords(hit.excerpt)).toEqual([word]);
    const html = renderToStaticMarkup(createElement(Highlighted, { text: hit.excerpt! }));
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; et &lt;b&gt;gras&lt;/b&gt; &amp;");
    expect(html).toContain(`<mark`);
    expect(html.match(/<mark[^>]*>([^<]*)<\/mark>/g)).toEqual([expect.stringContaining(`>${word}</mark>`)]);
    expect(html).not.toMatch(/<(script|b)>/);
  });
});

describe("odd input never fails", () => {
  it.each([
    ['"', false],
    ["-", false],
    [":*", false],
    ["&|!", false],
    ["de la", false],
    ["😀", false],
    ["\\", false],
    ["'; drop table contributions; --", true],
    ['"parentalité', true],
    ["parentalité -famille", true],
    ["famille or parentalité", true],
    ["a:* & b | !c <-> d", true],
    ["é".repeat(200), true],
  ])("« %s »", async (q, usable) => {
    const result = await searchPublic(db, q, noFilter);
    expect(result.noUsableWord).toBe(!usable);
    expect(result.hits.length).toBeLessThanOrEqual(SEARCH_PAGE_SIZE);
  });

  it("only stop words (« de la », « et du ») are said to hold no usable word; « les » is a word for PostgreSQL's French list", async () => {
    expect(await searchPublic(db, "de la", noFilter)).toMatchObject({ noUsableWord: true, total: 0 });
    expect(await searchPublic(db, "et du", noFilter)).toMatchObject({ noUsableWord: true, total: 0 });
    expect(await searchPublic(db, "les", noFilter)).toMatchObject({ noUsableWord: false });
  });
});
