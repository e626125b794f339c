import { expect, test, type Page } from "@playwright/test";
import { demo, signedInContext } from "../support/auth";
import { publicPages, sharedAction, themeHeading, themeWithSharedAction } from "../support/public-paths";

/*
 * The production server (ops/server.mjs, which the browser tests run) sends public pages without
 * any script (ops/public-html.mjs, docs/decisions/0020): no runtime chunk, no inline RSC payload,
 * nothing preloaded. Here with JavaScript on, as people browse: the pages still show and work
 * (links, the search form), and signed-in pages still get React.
 */

/** Every request (by kind), script request and console error of a page, from now on. */
function watch(page: Page) {
  const kinds = new Set<string>();
  const scripts: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => {
    kinds.add(request.resourceType());
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return { kinds, scripts, errors };
}

for (const { label, path, heading, status } of publicPages) {
  test(`${label} (${path}) arrive sans aucun script et s'affiche`, async ({ page, request }) => {
    const raw = await request.get(path);
    expect(raw.status()).toBe(status);
    const html = await raw.text();
    expect(html).toContain("</html>");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/rel="(modulepreload|preload)"[^>]*as="script"|as="script"[^>]*rel="preload"/i);
    expect(html).not.toContain("__next_f");
    expect(raw.headers()["content-type"]).toMatch(/^text\/html/);
    // The site's icon is in the page (lib/site-icon.ts): the browser asks for no /favicon.ico.
    expect(html).toMatch(/<link rel="icon" href="data:image\/svg\+xml,%3Csvg[^"]*"/);

    const seen = watch(page);
    const response = await page.goto(path);
    expect(response?.status()).toBe(status);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Menu principal" })).toBeVisible();
    expect(seen.scripts).toEqual([]);
    // The page and its stylesheet: nothing else is fetched to show it.
    expect([...seen.kinds].sort()).toEqual(["document", "stylesheet"]);
    // Blocked scripts used to fill the console with CSP reports (decision 0009): none left to block.
    expect(seen.errors.filter((e) => !/404/.test(e))).toEqual([]);
  });
}

test("les liens et le formulaire de recherche marchent sans script", async ({ page }) => {
  const seen = watch(page);
  await page.goto("/");
  await page.getByRole("link", { name: themeHeading(themeWithSharedAction), exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: themeHeading(themeWithSharedAction) })).toBeVisible();
  await page.getByRole("link", { name: sharedAction.title, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: sharedAction.title })).toBeVisible();

  await page.goto("/recherche");
  await page.getByRole("searchbox", { name: "Mots à rechercher" }).fill("parentalite");
  await page.getByRole("button", { name: "Rechercher", exact: true }).click();
  await expect(page).toHaveURL(/\/recherche\?q=parentalite/);
  await expect(page.getByRole("heading", { level: 2, name: /^\d+ résultats? pour « parentalite »/ })).toBeVisible();
  expect(seen.scripts).toEqual([]);
});

test("une page publique reste en cache, compressée, et son ETag sert à la revalidation", async ({ request }) => {
  const path = `/fiches/${sharedAction.slug}`;
  await request.get(path);
  const first = await request.get(path, { headers: { "accept-encoding": "gzip" } });
  expect(first.status()).toBe(200);
  expect(first.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(first.headers()["content-encoding"]).toBe("gzip");
  expect(first.headers()["vary"]).toMatch(/accept-encoding/i);
  expect(await first.text()).not.toMatch(/<script/i);
  const etag = first.headers()["etag"];
  expect(etag).toMatch(/^"[^"]+-sans-js-\d+"$/);

  const again = await request.get(path, { headers: { "if-none-match": etag! } });
  expect(again.status()).toBe(304);
  // Another version of the page (or Next's own tag, without the transform) is not a match.
  const other = await request.get(path, { headers: { "if-none-match": etag!.replace(/-sans-js-\d+"$/, '"') } });
  expect(other.status()).toBe(200);
  expect(await other.text()).not.toMatch(/<script/i);
});

test("les navigations côté client reçoivent toujours la charge RSC d'une page publique", async ({ request }) => {
  // What the router of a signed-in page asks for when it navigates to a public page.
  const response = await request.get(`/fiches/${sharedAction.slug}`, { headers: { RSC: "1" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/x-component/);
  expect(await response.text()).toContain(sharedAction.title);
});

test("les pages connectées gardent React : scripts avec nonce, validation dans le navigateur", async ({ browser }) => {
  const member = await signedInContext(browser, demo.member1);
  const page = await member.newPage();
  const seen = watch(page);
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  await page.goto("/espace/conseils/conseil-de-quartier-1/contributions/nouvelle?type=avis");
  const form = page.getByRole("form", { name: "Nouvel avis" });
  await expect
    .poll(() => form.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactFiber"))), { timeout: 30_000 })
    .toBe(true);
  expect(seen.scripts.length).toBeGreaterThan(0);
  await form.getByLabel("Les raisons du conseil").fill("Court");
  await form.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(form.getByText("Le texte doit faire au moins 10 caractères.")).toBeVisible();
  // Checked by React in the page: nothing was sent.
  expect(posts).toEqual([]);
  await member.close();
});
