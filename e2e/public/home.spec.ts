import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible } from "../support/accessibility";
import { actionSeeds, planSeed, sharedAction, themeHeading, themeSeeds, themeWithSharedAction } from "../support/public-paths";

/*
 * Issue 12, points 1–3: a home page that says what the site is and where to go on a phone's first
 * screen and fits in three; a one-line header on desktop and a « Menu » on phones that works
 * without JavaScript; « Le plan » with filters that work without JavaScript; the fiche's « En bref ».
 */

const phone = { width: 375, height: 667 };

test.describe("sans JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("on a phone the home page is at most three screens; its first screen says what the site is and gives the search", async ({
    page,
  }) => {
    await page.setViewportSize(phone);
    await page.goto("/");
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`home page height at ${phone.width} px: ${height} px (${(height / phone.height).toFixed(2)} screens)`);
    expect(height).toBeLessThanOrEqual(3 * phone.height);
    const inFirstScreen = async (box: { y: number; height: number } | null) => {
      expect(box).not.toBeNull();
      expect(box!.y + box!.height).toBeLessThanOrEqual(phone.height);
    };
    await inFirstScreen(await page.getByRole("heading", { level: 1, name: planSeed.title }).boundingBox());
    await inFirstScreen(await page.getByText(/^Les engagements sociaux de la Ville :/).boundingBox());
    await inFirstScreen(await page.getByRole("main").getByRole("searchbox", { name: "Rechercher une fiche, un mot" }).boundingBox());
    // The header is one short bar: the service's name and « Menu ».
    const header = await page.getByRole("banner").boundingBox();
    expect(header!.height).toBeLessThanOrEqual(80);
  });

  test("the phone menu opens and closes without JavaScript, marks the current page and leads to « Le plan »", async ({ page }) => {
    await page.setViewportSize(phone);
    await page.goto("/");
    const banner = page.getByRole("banner");
    const nav = page.getByRole("navigation", { name: "Menu principal" });
    await expect(nav).toBeHidden();
    const menu = banner.getByText("Menu", { exact: true });
    await menu.click();
    await expect(nav).toBeVisible();
    await expect(nav.getByRole("link", { name: "Accueil", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(banner.getByRole("searchbox", { name: "Mots à rechercher" })).toBeVisible();
    await menu.click();
    await expect(nav).toBeHidden();

    // By keyboard: the « Menu » button is the stop after the skip link and the service's name; Enter opens it.
    await page.goto("/");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(menu).toBeFocused();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "Accueil", exact: true })).toBeFocused();
    await nav.getByRole("link", { name: "Le plan", exact: true }).click();
    await expect(page).toHaveURL("/plan");
    await banner.getByText("Menu", { exact: true }).click();
    await expect(nav.getByRole("link", { name: "Le plan", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Accueil", exact: true })).not.toHaveAttribute("aria-current", /.*/);
  });

  test("« Le plan » filters by theme and status with a plain GET form; no filter is the cached /plan", async ({ page }) => {
    await page.goto("/plan");
    // What to expect, read from the whole list (other specs change statuses): each theme's fiches, in order, with their status.
    const listed = async (themeNumber?: number) =>
      page
        .locator(`main section[aria-labelledby^="thematique-${themeNumber ?? ""}"] li`)
        .evaluateAll((items) =>
          items.map((li) => ({ title: li.querySelector('a[href^="/fiches/"]')?.textContent ?? "", text: li.textContent ?? "" })),
        );
    const inTheme = await listed(themeWithSharedAction.number);
    expect(inTheme.length).toBeGreaterThan(0);
    const expected = inTheme.filter((f) => f.text.includes("Statut : En cours")).map((f) => f.title);
    const unknownCount = (await listed()).filter((f) => f.text.includes("Statut : Statut non précisé")).length;

    const form = page.getByRole("form", { name: "Filtrer les fiches actions" });
    await form.getByLabel("Thématique").selectOption(themeWithSharedAction.slug);
    await form.getByLabel("Statut").selectOption({ label: "En cours" });
    await form.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(`/plan/filtre?thematique=${themeWithSharedAction.slug}&statut=en-cours`);
    await expect(page.getByRole("heading", { level: 2, name: /fiches? actions? : thématique \d, statut « En cours »$/ })).toBeVisible();
    expect((await listed()).map((f) => f.title)).toEqual(expected);
    await expect(form.getByLabel("Thématique")).toHaveValue(themeWithSharedAction.slug);

    // A status alone, across themes: the fiches with no status word.
    await form.getByLabel("Thématique").selectOption("");
    await form.getByLabel("Statut").selectOption({ label: "Statut non précisé" });
    await form.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL("/plan/filtre?thematique=&statut=non-precise");
    const unknown = await listed();
    expect(unknown).toHaveLength(unknownCount);
    for (const f of unknown) expect(f.text).toContain("Statut : Statut non précisé");

    // Nothing chosen: back to the whole list, served from cache.
    await form.getByLabel("Statut").selectOption("");
    await form.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL("/plan");
    await expect(page.getByRole("region", { name: /thématiques et leurs fiches actions$/ })).toBeVisible();
  });
});

test("« Le plan » is cached; its filtered views are rendered per request and not indexed", async ({ request }) => {
  await request.get("/plan");
  expect((await request.get("/plan")).headers()["x-nextjs-cache"]).toMatch(/HIT|STALE/);
  const filtered = await request.get("/plan/filtre?statut=en-cours");
  expect(filtered.status()).toBe(200);
  expect(filtered.headers()["x-nextjs-cache"]).toBeUndefined();
  expect(await filtered.text()).toMatch(/<meta name="robots" content="noindex, follow"/);
  expect(await (await request.get("/robots.txt")).text()).toContain("Disallow: /plan/filtre");
  // Unknown values filter nothing and break nothing.
  expect((await request.get("/plan/filtre?thematique=%2E%2E&statut=x&statut=y")).status()).toBe(200);
});

test("the phone menu, open, is accessible (axe at 320 px)", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/plan");
  await page.getByRole("banner").getByText("Menu", { exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Menu principal" })).toBeVisible();
  await expectAccessible(page, 320);
});

/** The links of a page's main content, to pages of the site (feeds, calendars and files left out). */
async function mainLinks(request: APIRequestContext, path: string): Promise<string[]> {
  const html = await (await request.get(path)).text();
  const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
  return [...main.matchAll(/<a [^>]*href="(\/[^"#?]*)[^"]*"/g)]
    .map((m) => m[1]!)
    .filter((href) => !/\.(atom|ics|csv|json)$/.test(href) && !href.startsWith("/espace"));
}

test("every fiche is at most three taps from the home page (two: a theme or « Le plan », then the fiche)", async ({ request }) => {
  const depth = new Map<string, number>([["/", 0]]);
  let frontier = ["/"];
  for (let d = 1; d <= 2 && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const path of frontier) {
      for (const href of await mainLinks(request, path)) {
        if (depth.has(href)) continue;
        depth.set(href, d);
        // Fiches are the targets: no need to read further from them.
        if (!href.startsWith("/fiches/")) next.push(href);
      }
    }
    frontier = next;
  }
  const taps = actionSeeds.map((a) => depth.get(`/fiches/${a.slug}`));
  console.log(`taps from the home page to each fiche: ${taps.join(", ")}`);
  for (const [i, action] of actionSeeds.entries()) expect(taps[i], action.slug).toBeLessThanOrEqual(2);
  for (const theme of themeSeeds) expect(depth.get(`/thematiques/${theme.slug}`), theme.slug).toBe(1);
  expect(depth.get("/plan")).toBe(1);
});

test("on a desktop the header is one line from 1024 px; the main menu's links and the search in it", async ({ page }) => {
  for (const width of [1024, 1280, 1440]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/demarche");
    const header = await page.getByRole("banner").boundingBox();
    expect(header!.height, `${width} px`).toBeLessThanOrEqual(80);
    const links = page.getByRole("navigation", { name: "Menu principal" }).getByRole("link");
    await expect(links).toHaveText(["Le plan", "La démarche", "Conseils de quartier", "Réunions", "Espace des conseils"]);
    const tops = new Set(await links.evaluateAll((all) => all.map((a) => Math.round(a.getBoundingClientRect().top))));
    expect(tops.size, `${width} px: one line`).toBe(1);
    await expect(page.getByText("Menu", { exact: true })).toBeHidden();
    // A search field from 1280 px, a « Rechercher » link below.
    if (width >= 1280) await expect(page.getByRole("banner").getByRole("searchbox", { name: "Mots à rechercher" })).toBeVisible();
    else await expect(page.getByRole("banner").getByRole("link", { name: "Rechercher" })).toHaveAttribute("href", "/recherche");
  }
});

test("the home page's theme tiles give each theme's fiche count and statuses", async ({ page }) => {
  await page.goto("/");
  const region = page.getByRole("region", { name: `Les ${themeSeeds.length} thématiques` });
  for (const theme of themeSeeds) {
    const tile = region.getByRole("listitem").filter({ has: page.getByRole("link", { name: themeHeading(theme), exact: true }) });
    const fiches = actionSeeds.filter((a) => a.themes.some(([n]) => n === theme.number));
    await expect(tile).toContainText(`${fiches.length} ${fiches.length < 2 ? "fiche" : "fiches"}`);
    // Statuses change as other specs post progress reports: each fiche is counted under exactly one of them.
    const [count, ...statuses] = await tile.locator("p > span").allInnerTexts();
    expect(count).toBe(`${fiches.length} ${fiches.length < 2 ? "fiche" : "fiches"}`);
    for (const status of statuses) expect(status).toMatch(/^\d+ (à venir|en cours|réalisées?|suspendues?|sans statut précisé)$/);
    expect(statuses.reduce((n, s) => n + parseInt(s, 10), 0)).toBe(fiches.length);
  }
});

test("a fiche's « En bref »: beside the text on a desktop, first under the title on a phone", async ({ page }) => {
  const path = `/fiches/${sharedAction.slug}`;
  await page.goto(path);
  const brief = page.getByRole("complementary", { name: "En bref" });
  for (const text of ["Statut", "Échéance", "Personne élue en charge", "Dernière mise à jour", "Partager cette fiche"])
    await expect(brief).toContainText(text);
  await expect(brief.getByText("Statut : En cours", { exact: true })).toBeVisible();
  await expect(brief.getByText(/^Avancement (non renseigné|: \d+ %)$/)).toBeVisible();
  await expect(
    brief.getByRole("img", { name: new RegExp(`^Code QR à scanner pour ouvrir cette fiche : https?://\\S+${path}$`) }),
  ).toBeVisible();
  await expect(brief.getByRole("link", { name: "Envoyer le lien par courriel" })).toHaveAttribute("href", /^mailto:\?subject=/);

  const title = page.getByRole("heading", { level: 1, name: sharedAction.title });
  const projects = page.getByRole("heading", { level: 2, name: "Projets cités" });
  const box = async () => ({
    title: (await title.boundingBox())!,
    brief: (await brief.boundingBox())!,
    projects: (await projects.boundingBox())!,
  });

  await page.setViewportSize({ width: 1280, height: 800 });
  let b = await box();
  expect(b.brief.x).toBeGreaterThan(b.title.x + b.title.width);
  expect(b.brief.y).toBeLessThan(b.projects.y);
  await expectAccessible(page, 1280);

  await page.setViewportSize({ width: 320, height: 800 });
  b = await box();
  expect(b.brief.y).toBeGreaterThan(b.title.y + b.title.height - 1);
  expect(b.brief.y + b.brief.height).toBeLessThan(b.projects.y);
  await expectAccessible(page, 320);
});
