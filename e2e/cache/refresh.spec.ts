import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { testHooksToken } from "../../playwright.config";
import { marker } from "../contributions/helpers";
import { approveById, council1, fichePath, gotoQueueItem, pendingFeedback } from "../moderation/helpers";
import { demo, signedInContext } from "../support/auth";

/*
 * Public pages are served from cache, and a change made through the server layer refreshes the
 * public pages that show it — and only those (server/public-paths.ts). The changes: a point
 * d'étape posted by the demo moderator through the test seam (the report form's fields, parsed by
 * its schema, postProgressReport, then the same refresh as the form), and an avis approved by the
 * moderator in the moderation queue.
 */
const fiche = "/fiches/logements-plus-precaires";
const theme = "/thematiques/habitat-cadre-de-vie";
const home = "/";

async function fetchTwice(request: APIRequestContext, path: string) {
  await request.get(path);
  return request.get(path);
}

test.describe.configure({ mode: "serial" });

test("public pages are served from cache, not recomputed per request", async ({ request }) => {
  for (const path of [home, theme, fiche, "/demarche", "/conseils"]) {
    const response = await fetchTwice(request, path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["x-nextjs-cache"], path).toBe("HIT");
  }
});

test("a progress report posted by a moderator refreshes the fiche, its theme, the home page and « Le plan »", async ({ request, page }) => {
  // Warm every page so that each is in the cache before the change.
  for (const path of [home, "/plan", theme, fiche]) await fetchTwice(request, path);
  await page.goto(fiche);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rééquilibrer l'offre de logements pour les plus précaires");
  const homeBefore = await (await request.get(home)).text();
  expect(homeBefore).not.toContain("Relogement de 40 familles");

  const title = `Relogement de 40 familles (${Date.now()})`;
  const response = await request.post("/api/test-hooks/progress-reports", {
    headers: { "x-test-hooks-token": testHooksToken },
    form: {
      actionSlug: "logements-plus-precaires",
      clientRequestId: randomUUID(),
      title,
      body: "Quarante familles relogées.",
      reportedOn: "2026-10-15",
      status: "done",
      progress: "100",
    },
  });
  expect(response.status(), await response.text()).toBe(201);

  await page.goto(fiche);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("Avancement : 100 %").first()).toBeVisible();

  await page.goto(theme);
  const ficheItem = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: "Rééquilibrer l'offre de logements pour les plus précaires" }) });
  await expect(ficheItem.getByText("Réalisée")).toBeVisible();
  await expect(ficheItem.getByText("Avancement : 100 %")).toBeVisible();

  // « Le plan » (refreshed with the home page, whose figures move too) lists the fiche with its new
  // status (the roll-ups also move, but other specs post reports on the same themes at the same
  // time, so their figures are not this test's to check).
  await page.goto("/plan");
  const homeItem = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: "Rééquilibrer l'offre de logements pour les plus précaires" }) });
  await expect(homeItem.getByText("Réalisée")).toBeVisible();
});

test("the test seam does not exist without its token", async ({ request }) => {
  const response = await request.post("/api/test-hooks/progress-reports", {
    headers: { "x-test-hooks-token": "mauvais-jeton-mauvais-jeton-mauvais-jeton" },
    form: {
      actionSlug: "logements-plus-precaires",
      clientRequestId: randomUUID(),
      title: "Intrus",
      body: "x",
      reportedOn: "2026-10-15",
      status: "suspended",
    },
  });
  expect(response.status()).toBe(404);
  const fichePage = await (await request.get(fiche)).text();
  expect(fichePage).not.toContain("Intrus");
});

test("an OPTIONS request to a feed just refreshed answers 204, and the feed keeps working", async ({ request }) => {
  // The report drops the fiche's feed from the cache: the OPTIONS below is its first request since.
  const stamp = String(Date.now());
  const title = `Point du flux ${stamp}`;
  const posted = await request.post("/api/test-hooks/progress-reports", {
    headers: { "x-test-hooks-token": testHooksToken },
    form: {
      actionSlug: "logements-plus-precaires",
      clientRequestId: randomUUID(),
      title,
      body: "Le flux de la fiche le donne.",
      // Dated before the other reports of this fiche: its current status (checked above) stays theirs.
      reportedOn: "2021-06-15",
      status: "in_progress",
      progress: "60",
    },
  });
  expect(posted.status(), await posted.text()).toBe(201);
  const feed = `${fiche}/flux.atom`;
  const options = await request.fetch(feed, { method: "OPTIONS" });
  expect(options.status()).toBe(204);
  expect(options.headers()["allow"]).toContain("GET");
  for (let i = 0; i < 2; i++) {
    const response = await request.get(feed);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain(stamp);
  }
});

/*
 * Fiche A (pilotage-projet-social, theme « Gouvernance », where council n°1 posts) against pages
 * that do not show it: fiche B (limiter-intervenants-familles, themes 1 and 2), its first page of
 * contributions, its theme, another council. /demarche is the control: only a refresh of every
 * public page re-renders it — if another test (an admin renaming a council) does one while this
 * test runs, the attempt proves nothing and is made again.
 */
const ficheA = { path: fichePath, theme: "/thematiques/gouvernance" };
const untouched = [
  "/fiches/limiter-intervenants-familles",
  "/fiches/limiter-intervenants-familles/contributions/1",
  "/thematiques/petite-enfance-enfance-jeunesse",
  "/conseils/conseil-de-quartier-3",
];
const control = "/demarche";

/** A number in a page's HTML, read with `pattern` (its first group). */
async function figure(request: APIRequestContext, path: string, pattern: RegExp): Promise<number> {
  const html = await (await request.get(path)).text();
  const found = pattern.exec(html);
  expect(found, `${pattern} sur ${path}`).not.toBeNull();
  return Number(found![1]);
}
// React writes « <!-- --> » between a text and the value that follows it.
// On « Le plan » (/plan), refreshed with the home page: the plan's own count of published avis.
const planFigure = /Publiés sur l.{1,6}ensemble des fiches : (?:<!-- -->)?(\d+) avis/;
// « Gouvernance » holds fiche A only: the first count on its page is A's.
const themeFigure = /Conseils de quartier : (?:<!-- -->)?(\d+) avis/;

/** A council member who writes, the moderator who approves, and a visitor who is not signed in. */
async function writerModeratorAndVisitor(browser: Browser) {
  return {
    member: await signedInContext(browser, demo.member1),
    moderator: await signedInContext(browser, demo.moderator),
    visitor: await browser.newContext(),
  };
}

test("an approved avis refreshes fiche A, its theme, its council and the home page at once — fiche B stays served from cache", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { member, moderator, visitor } = await writerModeratorAndVisitor(browser);
  const { request } = visitor;
  const council = `/conseils/${council1.slug}`;
  const shown = [ficheA.path, `${ficheA.path}/contributions/1`, council, `${council}/contributions/1`];

  for (let attempt = 1; ; attempt++) {
    const body = `Avis pour le rafraîchissement ciblé. ${marker("cible")}`;
    const id = await pendingFeedback(await member.newPage(), body);

    // Every page in the cache before the change (the second request of each is served from it).
    // Fiche A's side is not checked: other tests write on fiche A meanwhile.
    for (const path of [...shown, ficheA.theme, "/", "/plan"]) await fetchTwice(request, path);
    for (const path of [...untouched, control]) {
      const response = await fetchTwice(request, path);
      expect(response.headers()["x-nextjs-cache"], path).toBe("HIT");
    }
    const planBefore = await figure(request, "/plan", planFigure);
    const themeBefore = await figure(request, ficheA.theme, themeFigure);

    await approveById(await moderator.newPage(), id);

    // At once, on the first request after the approval: no waiting for a background render.
    for (const path of shown) expect(await (await request.get(path)).text(), path).toContain(body);
    expect(await figure(request, "/plan", planFigure)).toBeGreaterThan(planBefore);
    expect(await figure(request, ficheA.theme, themeFigure)).toBeGreaterThan(themeBefore);

    // Pages that do not show the avis: still the cached render.
    const states = Object.fromEntries(
      await Promise.all(untouched.map(async (p) => [p, (await request.get(p)).headers()["x-nextjs-cache"]])),
    );
    const controlState = (await request.get(control)).headers()["x-nextjs-cache"];
    // Other specs write at the same time (the full loop publishes on a fiche of theme 1): a MISS
    // may be theirs, so the whole check runs again, up to three times, before it counts.
    const allHit = controlState === "HIT" && Object.values(states).every((state) => state === "HIT");
    if (!allHit && attempt < 3) continue;
    expect(controlState, `${control} : chaque page publique a été rafraîchie`).toBe("HIT");
    expect(states).toEqual(Object.fromEntries(untouched.map((p) => [p, "HIT"])));
    break;
  }
  await Promise.all([member, moderator, visitor].map((context) => context.close()));
});

test("a page visitors are reading is made again before the approval is answered: the next visitor gets the new page from the server's copy", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { member, moderator, visitor } = await writerModeratorAndVisitor(browser);
  const { request } = visitor;

  for (let attempt = 1; ; attempt++) {
    const body = `Avis lu pendant son approbation. ${marker("lue")}`;
    const id = await pendingFeedback(await member.newPage(), body);
    const moderatorPage = await moderator.newPage();
    // Fiche A read again and again while the moderator opens the queue: one of the pages visitors
    // are reading (decision 0032: its copy served at least 5 times in the last 10 s).
    let reading = true;
    const reader = (async () => {
      while (reading) {
        expect((await request.get(ficheA.path)).status()).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const item = await gotoQueueItem(moderatorPage, id);
    reading = false;
    await reader;

    await item.getByRole("button", { name: "Approuver et publier" }).click();
    await expect(moderatorPage.getByRole("status").first()).toHaveText("Contribution approuvée : elle est maintenant publique.");

    // The first request after the answer: the new page, already made — a copy, not a render for it.
    const response = await request.get(ficheA.path);
    expect(await response.text()).toContain(body);
    const state = response.headers()["x-nextjs-cache"];
    // Other specs write at the same time (on fiche A too): a write of theirs after this one makes
    // the copy out of date, and the page is rendered for this request (MISS). Up to three tries.
    if (state !== "HIT" && attempt < 3) continue;
    expect(state, "la fiche lue a été refaite avant la réponse à l'approbation").toBe("HIT");
    break;
  }
  await Promise.all([member, moderator, visitor].map((context) => context.close()));
});
