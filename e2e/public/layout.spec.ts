import { expect, test } from "@playwright/test";
import { publicPages } from "../support/public-paths";

const menu = [
  { name: "Le plan", path: "/plan" },
  { name: "La démarche", path: "/demarche" },
  { name: "Conseils de quartier", path: "/conseils" },
  { name: "Réunions", path: "/reunions" },
];

test("le menu principal marque la page courante (aria-current) et seulement elle", async ({ page }) => {
  for (const current of menu) {
    await page.goto(current.path);
    const nav = page.getByRole("navigation", { name: "Menu principal" });
    for (const item of menu) {
      const link = nav.getByRole("link", { name: item.name, exact: true });
      await expect(link).toHaveAttribute("href", item.path);
      if (item === current) await expect(link).toHaveAttribute("aria-current", "page");
      else await expect(link).not.toHaveAttribute("aria-current", /.*/);
    }
  }
  await page.goto(publicPages.find((p) => p.label === "fiche action")!.path);
  await expect(page.getByRole("navigation", { name: "Menu principal" }).locator("[aria-current]")).toHaveCount(0);
  // On a desktop the service's name is the link home; « Accueil » is in the phone menu (home.spec.ts).
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Menu principal" }).locator("[aria-current]")).toHaveCount(0);
});

test("chaque page a l'en-tête, le contenu principal et le pied de page communs", async ({ page }) => {
  for (const { path } of publicPages) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page).toHaveTitle(/Projet social communal — Ville d'Aurillac$/);
    await expect(page.getByRole("banner").getByRole("link", { name: "Projet social communal — Ville d'Aurillac" })).toHaveAttribute(
      "href",
      "/",
    );
    await expect(page.getByRole("main")).toHaveAttribute("id", "contenu");
    const footer = page.getByRole("contentinfo");
    await expect(footer.getByRole("link", { name: "Données ouvertes" })).toHaveAttribute("href", "/donnees");
    await expect(footer.getByRole("link", { name: "Mentions légales" })).toHaveAttribute("href", "/mentions-legales");
    await expect(footer.getByRole("link", { name: "Données personnelles" })).toHaveAttribute("href", "/donnees-personnelles");
    await expect(footer.getByRole("link", { name: /^Accessibilité/ })).toHaveAttribute("href", "/accessibilite");
  }
});

test("les liens du menu offrent une cible d'au moins 44 px de haut", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto("/");
  await page.getByRole("banner").getByText("Menu", { exact: true }).click();
  const links = page.getByRole("navigation", { name: "Menu principal" }).getByRole("link");
  await expect(links).toHaveCount(6);
  for (const link of await links.all()) {
    const box = await link.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
  }
});
