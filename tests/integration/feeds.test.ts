import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction, createCouncil } from "@/db/factories";
import { contributionAnswers, contributionSupports, councils, progressReports, users } from "@/db/schema";
import { FEED_ENTRY_LIMIT, type FeedScope } from "@/lib/feeds";
import { buildFeed } from "@/server/feeds/build-feed";
import { createUser } from "../support/actors";
import { htmlText, parseAtom, type ParsedFeed } from "../support/feed-parsers";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { insertItem } from "./answers-helpers";

/*
 * The Atom feeds of the plan, a theme, a fiche and a council (server/feeds/), parsed by a real Atom
 * parser: what each carries (points d'étape, published contributions, answers to published
 * proposals), in which order, with which links and ids — and leaks: nothing of a draft, pending,
 * rejected or hidden item (nor its answers, supports, reasons), no e-mail, no erased name.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
beforeAll(async () => {
  testDb = await createTestDatabase("feeds");
  database = await testDb.openPrepared({ demo: true });
  db = database.db;
});
afterAll(() => testDb.drop());

const ORIGIN = "https://social.aurillac.test";
const DAY = 86_400_000;

async function feedOf(scope: FeedScope): Promise<{ xml: string; feed: ParsedFeed }> {
  const xml = await buildFeed(db, scope, ORIGIN);
  if (xml === null) throw new Error(`pas de flux pour ${JSON.stringify(scope)}`);
  return { xml, feed: parseAtom(xml) };
}

async function answer(contributionId: number, body: string, daysAgo: number) {
  const [row] = await db
    .insert(contributionAnswers)
    .values({
      contributionId,
      state: "accepted",
      body,
      signatureName: "Élue de test",
      signatureTitle: "adjointe aux solidarités",
      clientRequestId: randomUUID(),
      createdAt: new Date(Date.now() - daysAgo * DAY),
    })
    .returning({ id: contributionAnswers.id });
  return row!.id;
}

async function report(actionId: number, title: string, daysAgo: number) {
  const [row] = await db
    .insert(progressReports)
    .values({
      actionId,
      title,
      body: `${title} : texte.`,
      status: "in_progress",
      progress: 40,
      createdAt: new Date(Date.now() - daysAgo * DAY),
    })
    .returning({ id: progressReports.id });
  return row!.id;
}

describe("what a feed carries", () => {
  it("a fiche's feed: its points d'étape, published avis and propositions, answers — newest first, with permanent ids and links to their cards", async () => {
    const fiche = await createAction(db, { themeSlug: "gouvernance" });
    const council = await createCouncil(db);
    const author = await createUser(db, { displayName: "Camille Rédactrice" });
    const reportId = await report(fiche.id, "Premier point d'étape", 5);
    const feedback = await insertItem(db, council.id, fiche.slug, {
      kind: "feedback",
      body: "Un avis publié.",
      publishedDaysAgo: 4,
      authorId: author.id,
    });
    const proposal = await insertItem(db, council.id, fiche.slug, { title: "Une proposition", body: "Le texte.", publishedDaysAgo: 3 });
    const answerId = await answer(proposal, "La Ville retient la proposition.", 2);

    const { feed } = await feedOf({ kind: "action", slug: fiche.slug });
    expect(feed.id).toBe(`tag:social.aurillac.test,2026:flux/fiches/${fiche.slug}`);
    expect(feed.title).toBe(`Fiche action : ${fiche.title}`);
    expect(feed.selfLink).toBe(`${ORIGIN}/fiches/${fiche.slug}/flux.atom`);
    expect(feed.alternateLink).toBe(`${ORIGIN}/fiches/${fiche.slug}`);
    expect(feed.authors).toEqual(["Ville d'Aurillac"]);
    expect(feed.entries.map((e) => e.id)).toEqual([
      `tag:social.aurillac.test,2026:reponse-${answerId}`,
      `tag:social.aurillac.test,2026:contribution-${proposal}`,
      `tag:social.aurillac.test,2026:contribution-${feedback}`,
      `tag:social.aurillac.test,2026:point-etape-${reportId}`,
    ]);
    expect(feed.updated).toBe(feed.entries[0]!.updated);
    const [a, p, f, r] = feed.entries;
    expect(a).toMatchObject({
      link: `${ORIGIN}/fiches/${fiche.slug}#contribution-${proposal}`,
      authors: ["Élue de test, adjointe aux solidarités"],
    });
    expect(htmlText(a!.html)).toContain("La Ville retient la proposition.");
    expect(p).toMatchObject({ title: `Proposition du ${council.name} : Une proposition`, category: "proposition" });
    expect(f).toMatchObject({ title: `Avis du ${council.name}`, authors: ["Camille Rédactrice"], category: "avis" });
    expect(r).toMatchObject({
      title: "Point d'étape : Premier point d'étape",
      link: `${ORIGIN}/fiches/${fiche.slug}#point-etape-${reportId}`,
    });
    expect(r!.authors).toEqual([]);
  });

  it("the plan's, a theme's and a council's feeds: each its own items; links to the page where the card is", async () => {
    const inTheme = await createAction(db, { themeSlug: "habitat-cadre-de-vie" });
    const elsewhere = await createAction(db, { themeSlug: "animation-territoriale" });
    const council = await createCouncil(db);
    const other = await createCouncil(db);
    const marker = `M${randomUUID().slice(0, 6)}`;
    const here = await insertItem(db, council.id, inTheme.slug, { title: `${marker} ici`, publishedDaysAgo: 0.01 });
    const there = await insertItem(db, other.id, elsewhere.slug, { title: `${marker} ailleurs`, publishedDaysAgo: 0.02 });
    // 11 newer published items on the fiche: `here` is on its 2nd page; on its council's list, on the 1st.
    for (let i = 0; i < 11; i++) await insertItem(db, other.id, inTheme.slug, { kind: "feedback", publishedDaysAgo: 0.001 });
    const reportId = await report(inTheme.id, `${marker} point d'étape`, 0.005);

    const titles = (feed: ParsedFeed) => feed.entries.map((e) => e.title).filter((t) => t.includes(marker));
    const plan = (await feedOf({ kind: "plan" })).feed;
    expect(plan.selfLink).toBe(`${ORIGIN}/flux.atom`);
    expect(plan.alternateLink).toBe(`${ORIGIN}/`);
    expect(titles(plan).sort()).toEqual(
      [
        `Point d'étape : ${marker} point d'étape`,
        `Proposition du ${council.name} : ${marker} ici`,
        `Proposition du ${other.name} : ${marker} ailleurs`,
      ].sort(),
    );

    const theme = (await feedOf({ kind: "theme", slug: "habitat-cadre-de-vie" })).feed;
    expect(titles(theme).sort()).toEqual(
      [`Point d'étape : ${marker} point d'étape`, `Proposition du ${council.name} : ${marker} ici`].sort(),
    );
    const onTheme = theme.entries.find((e) => e.id.endsWith(`contribution-${here}`))!;
    expect(onTheme.link).toBe(`${ORIGIN}/fiches/${inTheme.slug}/contributions/2#contribution-${here}`);

    const councilFeed = (await feedOf({ kind: "council", slug: council.slug })).feed;
    expect(councilFeed.entries.map((e) => e.id)).toEqual([`tag:social.aurillac.test,2026:contribution-${here}`]);
    expect(councilFeed.entries[0]!.link).toBe(`${ORIGIN}/conseils/${council.slug}#contribution-${here}`);
    expect(councilFeed.title).toBe(council.name);
    // No point d'étape in a council's feed: they belong to fiches.
    expect(councilFeed.entries.some((e) => e.id.endsWith(`point-etape-${reportId}`))).toBe(false);
    expect(titles((await feedOf({ kind: "action", slug: elsewhere.slug })).feed)).toEqual([
      `Proposition du ${other.name} : ${marker} ailleurs`,
    ]);
    expect(there).toBeGreaterThan(0);
  });

  it(`a feed carries the latest ${FEED_ENTRY_LIMIT} entries only, newest first`, async () => {
    const fiche = await createAction(db);
    const council = await createCouncil(db);
    for (let i = 0; i < FEED_ENTRY_LIMIT + 10; i++)
      await insertItem(db, council.id, fiche.slug, { kind: "feedback", body: `Avis n°${i}`, publishedDaysAgo: 100 - i });
    const { feed } = await feedOf({ kind: "action", slug: fiche.slug });
    expect(feed.entries).toHaveLength(FEED_ENTRY_LIMIT);
    expect(htmlText(feed.entries[0]!.html)).toContain(`Avis n°${FEED_ENTRY_LIMIT + 9}`);
    const dates = feed.entries.map((e) => e.updated);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it("no feed for an unknown theme, fiche or council, nor for an archived council (their pages answer 404)", async () => {
    expect(await buildFeed(db, { kind: "action", slug: "fiche-inconnue" }, ORIGIN)).toBeNull();
    expect(await buildFeed(db, { kind: "theme", slug: "thematique-inconnue" }, ORIGIN)).toBeNull();
    expect(await buildFeed(db, { kind: "council", slug: "conseil-inconnu" }, ORIGIN)).toBeNull();
    const archived = await createCouncil(db);
    await db.update(councils).set({ archivedAt: new Date() }).where(eq(councils.id, archived.id));
    expect(await buildFeed(db, { kind: "council", slug: archived.slug }, ORIGIN)).toBeNull();
  });

  it("the same data gives the same bytes: nothing depends on the time the feed is built", async () => {
    const fiche = await createAction(db);
    const council = await createCouncil(db);
    await insertItem(db, council.id, fiche.slug);
    const first = await buildFeed(db, { kind: "action", slug: fiche.slug }, ORIGIN);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await buildFeed(db, { kind: "action", slug: fiche.slug }, ORIGIN)).toBe(first);
  });
});

describe("leaks", () => {
  it("no feed carries anything of a draft, pending, rejected or hidden item, their answers or supports; no e-mail, no erased name", async () => {
    const fiche = await createAction(db, { themeSlug: "gouvernance" });
    const council = await createCouncil(db);
    const supporter = await createCouncil(db);
    const visible = `VISIBLE-${randomUUID().slice(0, 8)}`;
    const writer = await createUser(db, { displayName: `${visible} autrice` });
    const erased = await createUser(db, { displayName: "Nom-Effacé-Secret" });
    await insertItem(db, council.id, fiche.slug, {
      title: `${visible} titre`,
      body: `${visible} texte publié`,
      authorId: writer.id,
      publishedDaysAgo: 0.0001,
    });
    await insertItem(db, council.id, fiche.slug, {
      kind: "feedback",
      body: `${visible} avis d'un compte supprimé`,
      authorId: erased.id,
      publishedDaysAgo: 0.0001,
    });
    await db
      .update(users)
      .set({ erasedAt: new Date(), displayName: `Personne supprimée n°${erased.id}`, email: `supprime-${erased.id}@supprime.invalid` })
      .where(eq(users.id, erased.id));
    const secrets: string[] = [];
    for (const status of ["draft", "pending", "rejected", "hidden"] as const) {
      for (const kind of ["feedback", "proposal"] as const) {
        const marker = `SECRET-${status}-${kind}-${randomUUID().slice(0, 6)}`;
        secrets.push(marker);
        const id = await insertItem(db, council.id, fiche.slug, {
          status,
          kind,
          title: `${marker} titre`,
          body: `${marker} texte`,
          publishedDaysAgo: 0.001,
          authorId: writer.id,
        });
        if (kind === "proposal") {
          // Even with an answer and a support, nothing shows while it is not published.
          await answer(id, `${marker} réponse`, 0);
          await db.insert(contributionSupports).values({ contributionId: id, councilId: supporter.id });
        }
      }
    }
    const scopes: FeedScope[] = [
      { kind: "plan" },
      { kind: "theme", slug: "gouvernance" },
      { kind: "action", slug: fiche.slug },
      { kind: "council", slug: council.slug },
    ];
    for (const scope of scopes) {
      const { xml, feed } = await feedOf(scope);
      const label = JSON.stringify(scope);
      expect(xml, label).toContain(visible);
      for (const secret of [
        ...secrets,
        "SECRET-",
        "Raison de refus de test",
        "Raison de masquage de test",
        "Nom-Effacé-Secret",
        "Personne supprimée",
      ])
        expect(xml, `${label} : ${secret}`).not.toContain(secret);
      expect(xml, label).not.toMatch(/@exemple\.invalid|@supprime\.invalid/);
      const erasedEntry = feed.entries.find((e) => htmlText(e.html).includes("avis d'un compte supprimé"))!;
      expect(erasedEntry.authors, label).toEqual([`Ancien membre du conseil ${council.name}`]);
    }
  });

  it("texts that break XML or HTML come out as the same text: < & \" ' and ]]>", async () => {
    const fiche = await createAction(db);
    const council = await createCouncil(db);
    const payload = `<script>alert("x")</script> & 'q' ]]> <![CDATA[ &amp; fin`;
    await insertItem(db, council.id, fiche.slug, { title: `Titre ${payload}`, body: `Texte ${payload}\n\nSecond paragraphe.` });
    const { xml, feed } = await feedOf({ kind: "action", slug: fiche.slug });
    expect(xml).not.toContain("<script>");
    const [entry] = feed.entries;
    expect(entry!.title).toBe(`Proposition du ${council.name} : Titre ${payload}`);
    expect(htmlText(entry!.html)).toContain(`Texte ${payload}\n\nSecond paragraphe.`);
  });
});
