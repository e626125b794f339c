import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import robotsParser from "robots-parser";
import { baseURL } from "../../playwright.config";
import { parseAtom, parseIcs, parseSitemap } from "../../tests/support/feed-parsers";
import { expectAccessibleAtEachWidth } from "../support/accessibility";
import { demo, signedInContext } from "../support/auth";
import { tabUntilFocused } from "../support/keyboard";
import { publicPages, sharedAction, themeWithSharedAction } from "../support/public-paths";
import { council1 } from "../council/helpers";

/*
 * The feeds, calendars, sitemap and robots.txt over HTTP (docs/decisions/0015), read by real
 * parsers as a feed reader, a calendar application and a crawler would; the pages that announce
 * them (<link rel="alternate">, Open Graph); « Ajouter à mon agenda » on a meeting's page, with
 * the keyboard, and accessible at 320 and 1280 px.
 */
const DEMO_MEETING = { slug: "reunion-de-restitution-demonstration", title: "Réunion publique de restitution (démonstration)" };

const feeds = [
  { path: "/flux.atom", page: "/" },
  { path: `/thematiques/${themeWithSharedAction.slug}/flux.atom`, page: `/thematiques/${themeWithSharedAction.slug}` },
  { path: `/fiches/${sharedAction.slug}/flux.atom`, page: `/fiches/${sharedAction.slug}` },
  { path: `/conseils/${council1.slug}/flux.atom`, page: `/conseils/${council1.slug}` },
];
const calendars = ["/reunions.ics", "/echeances.ics", `/reunions/${DEMO_MEETING.slug}/calendrier.ics`];

/**
 * Fetched until an answer comes from the cache, like the pages' (the first request renders it; a
 * parallel test's write may drop it again in between, hence more than two tries at most).
 */
async function fetchCached(request: APIRequestContext, path: string) {
  let response = await request.get(path);
  await expect(async () => {
    response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["x-nextjs-cache"], path).toBe("HIT");
  }).toPass({ timeout: 15_000 });
  return response;
}

test("every feed is Atom 1.0, served from cache as application/atom+xml, with absolute addresses on the site's origin", async ({
  request,
}) => {
  for (const { path, page } of feeds) {
    const response = await fetchCached(request, path);
    expect(response.headers()["content-type"], path).toBe("application/atom+xml; charset=utf-8");
    const feed = parseAtom(await response.text());
    expect(feed.selfLink, path).toBe(`${baseURL}${path}`);
    expect(feed.alternateLink, path).toBe(`${baseURL}${page}`);
    expect(feed.id, path).toMatch(/^tag:127\.0\.0\.1,2026:flux/);
    expect(feed.lang).toBe("fr");
    for (const entry of feed.entries) {
      expect(entry.id, path).toMatch(/^tag:127\.0\.0\.1,2026:(point-etape|contribution|reponse)-\d+$/);
      expect(entry.link?.startsWith(`${baseURL}/`), `${path} : ${entry.link}`).toBe(true);
    }
  }
  // The whole plan's feed has the demo data's published items and the source's points d'étape.
  const plan = parseAtom(await (await request.get("/flux.atom")).text());
  expect(plan.entries.length).toBeGreaterThan(5);
  expect(plan.entries.length).toBeLessThanOrEqual(50);
  // An entry's link leads to a page that shows it.
  const entry = plan.entries.find((e) => e.id.includes(":contribution-"))!;
  const target = new URL(entry.link!);
  const html = await (await request.get(target.pathname)).text();
  expect(html).toContain(`id="${target.hash.slice(1)}"`);
});

test("every calendar is iCalendar, served from cache as text/calendar; the meeting's file comes as an attachment", async ({ request }) => {
  for (const path of calendars) {
    const response = await fetchCached(request, path);
    expect(response.headers()["content-type"], path).toBe("text/calendar; charset=utf-8");
    const calendar = parseIcs(await response.text());
    expect(calendar.version).toBe("2.0");
    for (const event of calendar.events) expect(event.url?.startsWith(`${baseURL}/`), path).toBe(true);
  }
  const meeting = await request.get(`/reunions/${DEMO_MEETING.slug}/calendrier.ics`);
  expect(meeting.headers()["content-disposition"]).toBe(`attachment; filename="reunion-${DEMO_MEETING.slug}.ics"`);
  const [event] = parseIcs(await meeting.text()).events;
  expect(event!.summary).toBe(DEMO_MEETING.title);
  expect(event!.url).toBe(`${baseURL}/reunions/${DEMO_MEETING.slug}`);
  const all = parseIcs(await (await request.get("/reunions.ics")).text());
  expect(all.events.map((e) => e.uid)).toContain(event!.uid);
  const deadlines = parseIcs(await (await request.get("/echeances.ics")).text());
  expect(deadlines.events.length).toBeGreaterThan(0);
  for (const e of deadlines.events) expect(e.startDate, e.summary).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

test("an unknown fiche, theme, council or meeting has no feed nor calendar (404)", async ({ request }) => {
  for (const path of [
    "/fiches/fiche-inconnue/flux.atom",
    "/thematiques/inconnue/flux.atom",
    "/conseils/conseil-inconnu/flux.atom",
    "/reunions/reunion-inconnue/calendrier.ics",
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
});

test("sitemap.xml lists every public page and nothing else; robots.txt keeps crawlers out of the signed-in spaces", async ({ request }) => {
  const robotsResponse = await request.get("/robots.txt");
  expect(robotsResponse.status()).toBe(200);
  const robots = robotsParser(`${baseURL}/robots.txt`, await robotsResponse.text());
  expect(robots.getSitemaps()).toEqual([`${baseURL}/sitemap.xml`]);
  const allowed = (path: string) => robots.isAllowed(`${baseURL}${path}`, "Googlebot");
  for (const closed of [
    "/espace",
    "/espace/conseils/conseil-de-quartier-1",
    "/moderation",
    "/moderation/signalements",
    "/admin",
    "/reponses",
    "/tableau-de-bord",
    "/presentation/x",
    "/api/auth/session",
    "/connexion",
    "/signaler/1",
    "/recherche?q=parentalite",
  ])
    expect(allowed(closed), closed).toBe(false);
  for (const open of ["/", "/fiches/x", "/flux.atom", "/reunions.ics", "/moderation/registre", "/recherche"])
    expect(allowed(open), open).toBe(true);

  const sitemapResponse = await fetchCached(request, "/sitemap.xml");
  expect(sitemapResponse.headers()["content-type"]).toContain("xml");
  const urls = parseSitemap(await sitemapResponse.text());
  const paths = urls.map((url) => {
    expect(url.startsWith(`${baseURL}/`), url).toBe(true);
    return new URL(url).pathname;
  });
  // Every page the public browser tests visit (but the 404 and a search's results), and the rest.
  const visited = publicPages.filter((p) => p.status === 200 && !p.path.includes("?")).map((p) => p.path);
  for (const expected of [...visited, `/conseils/${council1.slug}`, `/reunions/${DEMO_MEETING.slug}`]) expect(paths).toContain(expected);
  for (const url of urls) {
    expect(robots.isAllowed(url, "Googlebot"), url).toBe(true);
    // Every listed page exists.
    expect((await request.get(url)).status(), url).toBe(200);
  }
});

test("a new meeting is in the meetings' calendar and the sitemap at once: the write refreshes them", async ({ browser, request }) => {
  // Cached before the change.
  await fetchCached(request, "/reunions.ics");
  await fetchCached(request, "/sitemap.xml");
  const title = `Réunion des flux ${Date.now()}`;
  const official = await signedInContext(browser, demo.official);
  const page = await official.newPage();
  await page.goto("/espace/reunions/nouvelle");
  await page.locator("#nouvelle-reunion-titre").fill(title);
  await page.locator("#nouvelle-reunion-date").fill(new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10));
  await page.locator("#nouvelle-reunion-heure").fill("18:30");
  await page.locator("#nouvelle-reunion-lieu").fill("Salle des fêtes, Aurillac");
  await page.getByRole("button", { name: "Créer la réunion" }).click();
  await expect(page).toHaveURL(/\/espace\/reunions\/[a-z0-9-]+\?cree=1$/);
  const slug = new URL(page.url()).pathname.split("/").pop()!;
  await official.close();

  const event = parseIcs(await (await request.get("/reunions.ics")).text()).events.find((e) => e.summary === title);
  expect(event?.url).toBe(`${baseURL}/reunions/${slug}`);
  expect(event?.location).toBe("Salle des fêtes, Aurillac");
  expect(parseSitemap(await (await request.get("/sitemap.xml")).text())).toContain(`${baseURL}/reunions/${slug}`);
});

/** The <head> a link preview and a feed reader read. */
async function head(page: Page) {
  const meta = (property: string) => page.locator(`meta[property="${property}"]`).getAttribute("content");
  return {
    og: {
      title: await meta("og:title"),
      description: await meta("og:description"),
      type: await meta("og:type"),
      url: await meta("og:url"),
      locale: await meta("og:locale"),
      siteName: await meta("og:site_name"),
    },
    alternates: await page
      .locator('link[rel="alternate"]')
      .evaluateAll((links) =>
        links.map((l) => ({ type: l.getAttribute("type"), href: l.getAttribute("href"), title: l.getAttribute("title") })),
      ),
  };
}

test("public pages carry Open Graph tags and announce their feeds and calendars, which answer", async ({ page, request }) => {
  const pages = [
    { path: "/", title: "Projet social communal — Ville d'Aurillac", alternates: ["/flux.atom", "/echeances.ics", "/reunions.ics"] },
    {
      path: `/thematiques/${themeWithSharedAction.slug}`,
      title: `Thématique ${themeWithSharedAction.number} : ${themeWithSharedAction.title}`,
      alternates: [feeds[1]!.path],
    },
    { path: `/fiches/${sharedAction.slug}`, title: sharedAction.title, alternates: [feeds[2]!.path] },
    { path: `/conseils/${council1.slug}`, title: council1.name, alternates: [feeds[3]!.path] },
    { path: "/reunions", title: "Réunions publiques", alternates: ["/reunions.ics"] },
    {
      path: `/reunions/${DEMO_MEETING.slug}`,
      title: DEMO_MEETING.title,
      alternates: [`/reunions/${DEMO_MEETING.slug}/calendrier.ics`, "/reunions.ics"],
    },
  ];
  for (const expected of pages) {
    await page.goto(expected.path);
    const { og, alternates } = await head(page);
    // Next writes the home page's address without its final slash: compared as URLs.
    expect({ ...og, url: og.url && new URL(og.url).href }, expected.path).toEqual({
      title: expected.title,
      description: expect.stringMatching(/\S{10}/) as unknown as string,
      type: "website",
      url: new URL(expected.path, baseURL).href,
      locale: "fr_FR",
      siteName: "Projet social communal — Ville d'Aurillac",
    });
    const hrefs = alternates.map((a) => a.href);
    expect(hrefs, expected.path).toEqual(expected.alternates.map((p) => `${baseURL}${p}`));
    for (const alternate of alternates) {
      expect(alternate.type, expected.path).toBe(alternate.href!.endsWith(".atom") ? "application/atom+xml" : "text/calendar");
      expect(alternate.title, expected.path).toBeTruthy();
      expect((await request.get(alternate.href!)).status(), alternate.href!).toBe(200);
    }
    // The same feeds and calendars as visible links for people (the calendar of all meetings: on /reunions).
    for (const path of expected.alternates.filter((p) => p !== "/reunions.ics" || expected.path === "/reunions"))
      await expect(page.locator(`main a[href="${path}"]`), `${expected.path} → ${path}`).toHaveCount(1);
  }
});

test("« Ajouter à mon agenda »: reached with the keyboard, it gives the meeting's calendar file", async ({ page }) => {
  await page.goto(`/reunions/${DEMO_MEETING.slug}`);
  const link = page.getByRole("link", { name: "Ajouter à mon agenda" });
  await tabUntilFocused(page, link);
  const download = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const file = await download;
  expect(file.suggestedFilename()).toBe(`reunion-${DEMO_MEETING.slug}.ics`);
  const path = await file.path();
  const { readFile } = await import("node:fs/promises");
  const calendar = parseIcs(await readFile(path, "utf8"));
  expect(calendar.events.map((e) => e.summary)).toEqual([DEMO_MEETING.title]);
});

test("the meeting's page with « Ajouter à mon agenda » at 1280 and 320 px: no axe violation, no horizontal scrolling", async ({ page }) => {
  await page.goto(`/reunions/${DEMO_MEETING.slug}`);
  await expect(page.getByRole("link", { name: "Ajouter à mon agenda" })).toBeVisible();
  await expectAccessibleAtEachWidth(page);
});
