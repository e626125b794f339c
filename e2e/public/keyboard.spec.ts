import { expect, test } from "@playwright/test";
import { tabUntilFocused } from "../support/keyboard";
import { firstTheme, sharedAction, themeHeading } from "../support/public-paths";

test("au clavier seul, de l'accueil à une thématique puis à une fiche action", async ({ page }) => {
  await page.goto("/");

  const themeLink = page.getByRole("link", { name: themeHeading(firstTheme), exact: true });
  await tabUntilFocused(page, themeLink);
  await expect(themeLink).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/thematiques/${firstTheme.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: themeHeading(firstTheme) })).toBeVisible();

  const ficheLink = page.getByRole("main").getByRole("link", { name: sharedAction.title, exact: true });
  await tabUntilFocused(page, ficheLink);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/fiches/${sharedAction.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: sharedAction.title })).toBeVisible();
});

test("le lien « Aller au contenu » est le premier arrêt du clavier et mène au contenu", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skipLink = page.getByRole("link", { name: "Aller au contenu" });
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#contenu$/);
  await page.keyboard.press("Tab");
  // The next stop is inside <main>, past the header's links.
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest("main#contenu")))).toBe(true);
});
