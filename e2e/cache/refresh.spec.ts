import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { testHooksToken } from "../../playwright.config";

/*
 * Public pages are served from cache, and a change made through the server layer refreshes every
 * public page that shows it. The change is a point d'étape posted by the demo moderator through
 * the test seam: the report form's fields, parsed by its schema, postProgressReport (permission,
 * author, journal row) and the refresh every action makes (server/cache.ts).
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

test("a progress report posted by a moderator refreshes the fiche, its theme and the home page", async ({ request, page }) => {
  // Warm every page so that each is in the cache before the change.
  for (const path of [home, theme, fiche]) await fetchTwice(request, path);
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

  await page.goto(home);
  await expect(page.getByText("Avancement : 100 %").first()).toBeVisible();
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
