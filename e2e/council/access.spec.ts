import { expect, test } from "@playwright/test";
import { demo } from "../support/auth";
import { council1, newMemberOf, signedInContext, spacePath } from "./helpers";

test("un membre voit la liste des membres, sans formulaire d'invitation ni adresses", async ({ browser }) => {
  const context = await signedInContext(browser, demo.member1);
  const page = await context.newPage();
  await page.goto(spacePath(council1.slug));
  await expect(page.getByRole("heading", { level: 1, name: council1.name })).toBeVisible();
  const members = page.getByRole("region", { name: /^Membres/ });
  await expect(members.getByText("René Référent (démo)")).toBeVisible();
  await expect(members.getByText("Marie Membre (démo) (vous)")).toBeVisible();
  await expect(page.getByRole("form", { name: "Inviter une personne" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Invitations en attente" })).toHaveCount(0);
  await expect(page.locator("summary", { hasText: /Retirer du conseil/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Nommer référent/ })).toHaveCount(0);
  // Only their own choices: show their name, leave the council.
  await expect(page.getByRole("button", { name: "Afficher mon nom publiquement" })).toBeVisible();
  await expect(page.locator("summary", { hasText: "Quitter le conseil" })).toBeVisible();
  expect(await page.getByRole("main").textContent()).not.toMatch(/@/);
  await context.close();
});

test("un référent voit les adresses, les invitations en attente et le formulaire d'invitation", async ({ browser }) => {
  const context = await signedInContext(browser, demo.referent1);
  const page = await context.newPage();
  await page.goto(spacePath(council1.slug));
  await expect(page.getByRole("form", { name: "Inviter une personne" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Invitations en attente" })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Membres/ }).getByText(demo.member1)).toBeVisible();
  await context.close();
});

test("le membre d'un autre conseil est refusé, en français, sur l'espace du conseil n°1", async ({ browser }) => {
  test.setTimeout(60_000);
  // A new member of council n°2 (not a demo account: other tests change demo accounts).
  const { context } = await newMemberOf(browser, "conseil-de-quartier-2", "autre-conseil");
  const page = await context.newPage();
  await page.goto(spacePath(council1.slug));
  await expect(page.getByRole("heading", { level: 1, name: "Accès réservé" })).toBeVisible();
  await expect(page.getByText(`Cet espace est réservé aux membres du ${council1.name}.`)).toBeVisible();
  await expect(page.getByText("René Référent (démo)")).toHaveCount(0);
  await expect(page.getByText("Marie Membre (démo)")).toHaveCount(0);
  // Their own council is listed in « Mon espace », not council n°1.
  await page.goto("/espace");
  await expect(page.getByRole("article", { name: "Conseil de quartier n°2" })).toContainText("Vous êtes membre.");
  await expect(page.getByRole("article", { name: council1.name })).toHaveCount(0);
  await context.close();
});

test("sans être connecté : « Mon espace » et l'espace d'un conseil mènent à la connexion, puis reviennent", async ({ page }) => {
  await page.goto(spacePath(council1.slug));
  await expect(page).toHaveURL(`/connexion?callbackUrl=${encodeURIComponent(spacePath(council1.slug))}`);
  await page.goto("/espace");
  await expect(page).toHaveURL(`/connexion?callbackUrl=${encodeURIComponent("/espace")}`);
});

test("un conseil inconnu : page introuvable", async ({ browser }) => {
  const context = await signedInContext(browser, demo.admin);
  const page = await context.newPage();
  const response = await page.goto(spacePath("conseil-qui-n-existe-pas"));
  expect(response?.status()).toBe(404);
  await context.close();
});

test("l'administrateur voit des liens vers l'administration et les espaces de tous les conseils", async ({ browser }) => {
  const context = await signedInContext(browser, demo.admin);
  const page = await context.newPage();
  await page.goto("/espace");
  const admin = page.getByRole("region", { name: "Administration" });
  await expect(admin.getByRole("link", { name: /Tableau d'administration/ })).toHaveAttribute("href", "/admin");
  await expect(admin.getByRole("link", { name: council1.name })).toHaveAttribute("href", spacePath(council1.slug));
  await context.close();
});
