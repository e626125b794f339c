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
  // The demo members did not choose to show their names in the list of members. (The texts they
  // wrote and that were published are signed with their name: a separate choice, said on the form.)
  const members = page.getByRole("region", { name: "Les membres" });
  await expect(members).toContainText("n'affichent pas leur nom");
  await expect(members).not.toContainText("René Référent");
  await expect(members).not.toContainText("Marie Membre");
});

test("la page publique d'un conseil est servie depuis le cache, sans lire la session", async ({ request }) => {
  await request.get(`/conseils/${council1.slug}`);
  const response = await request.get(`/conseils/${council1.slug}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["x-nextjs-cache"]).toBe("HIT");
  expect((await request.get("/conseils/conseil-inconnu")).status()).toBe(404);
});

test("la page publique d'un conseil liste ses avis et propositions publiés, chacun avec un lien vers sa fiche", async ({ page }) => {
  await page.goto(`/conseils/${council1.slug}`);
  const section = page.getByRole("region", { name: "Avis et propositions" });
  const items = section.getByRole("article");
  await expect(items.first()).toBeVisible();
  await expect(items.first().locator('a[href^="/fiches/"]').first()).toBeVisible();
  await expect(items.first().getByRole("link", { name: "Signaler" })).toHaveAttribute("href", /^\/signaler\/\d+$/);
});
