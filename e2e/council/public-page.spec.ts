import { expect, test } from "@playwright/test";
import { council1 } from "./helpers";

test("la page publique du conseil n°1 : nombre de membres, aucune adresse électronique, aucun nom caché", async ({ page, request }) => {
  await page.goto("/conseils");
  await page.getByRole("link", { name: council1.name, exact: true }).click();
  await expect(page).toHaveURL(`/conseils/${council1.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: council1.name })).toBeVisible();
  await expect(page.getByText("Donnée de démonstration").first()).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: /^\d+ membres?$/ })).toBeVisible();
  const html = await (await request.get(`/conseils/${council1.slug}`)).text();
  expect(html).not.toMatch(/[a-z0-9.-]+@[a-z0-9.-]+\.[a-z]+/i);
  // The demo members did not choose to show their names.
  expect(html).not.toContain("René Référent");
  expect(html).not.toContain("Marie Membre");
});

test("la page publique d'un conseil est servie depuis le cache, sans lire la session", async ({ request }) => {
  await request.get(`/conseils/${council1.slug}`);
  const response = await request.get(`/conseils/${council1.slug}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["x-nextjs-cache"]).toBe("HIT");
  expect((await request.get("/conseils/conseil-inconnu")).status()).toBe(404);
});
