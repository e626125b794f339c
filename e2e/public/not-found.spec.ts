import { expect, test } from "@playwright/test";
import { notFoundPath } from "../support/public-paths";

for (const path of [notFoundPath, "/fiches/fiche-inconnue", "/thematiques/thematique-inconnue"]) {
  test(`${path} répond 404 avec une page en français`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page).toHaveTitle(/^Page introuvable/);
    await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
    await expect(page.getByText("La page que vous cherchez n'existe pas")).toBeVisible();
    const home = page.getByRole("main").getByRole("link", { name: /Retour à l'accueil/ });
    await expect(home).toHaveAttribute("href", "/");
  });
}
