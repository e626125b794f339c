import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demo, signInAs } from "../support/auth";

test.use({ javaScriptEnabled: false });

test("sans JavaScript, la recherche d'utilisateurs fonctionne (formulaire GET)", async ({ context, page }) => {
  await signInAs(context, demo.admin, DEMO_PASSWORD);
  await page.goto("/admin/utilisateurs");
  const search = page.getByRole("search", { name: "Rechercher une personne" });
  // Accents are optional: « elise » finds « Élise ».
  await search.getByLabel("Nom ou adresse électronique").fill("elise elue");
  await search.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/recherche=elise\+elue/);
  const results = page.getByRole("region", { name: /^Résultats pour «\s*elise elue\s*»$/ });
  await expect(results.getByRole("link", { name: "Élise Élue (démo)" })).toBeVisible();
  await expect(results.getByRole("listitem")).toHaveCount(1);
  await expect(page.getByLabel("Nom ou adresse électronique")).toHaveValue("elise elue");

  // The person's page opens without JavaScript too.
  await results.getByRole("link", { name: "Élise Élue (démo)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Élise Élue (démo)" })).toBeVisible();
  await expect(page.getByText("elu@demo.aurillac.invalid")).toBeVisible();
});
