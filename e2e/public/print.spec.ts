import { expect, test, type Page } from "@playwright/test";
import { expectAccessibleAtEachWidth } from "../support/accessibility";
import { sharedAction, themeWithSharedAction } from "../support/public-paths";

/*
 * Printing a fiche or a theme gives a clean handout (issue 12, point 7): no menu, no buttons, no
 * action links, body text of 14 pt or more (18 pt in the large-print version), the page's address
 * with a QR code and the day of its data.
 */

const PT = 96 / 72;

async function smallestTextPx(page: Page): Promise<number> {
  // Every visible paragraph and list item of the main content, as printed.
  return page.evaluate(() => {
    const sizes = [...document.querySelectorAll("main p, main li, main h1, main h2, main h3")]
      .filter((el) => (el as HTMLElement).offsetParent !== null && el.textContent?.trim())
      .map((el) => parseFloat(getComputedStyle(el).fontSize));
    return Math.min(...sizes);
  });
}

for (const path of [`/fiches/${sharedAction.slug}`, `/thematiques/${themeWithSharedAction.slug}`]) {
  test(`printing ${path}: no menu, no forms, no action links, text ≥ 14 pt, its address, a QR code and « État au »`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("navigation", { name: "Menu principal" })).toBeVisible();
    await expect(page.getByText(/^État au /)).toBeHidden();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Menu principal" })).toBeHidden();
    await expect(page.getByRole("search")).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Fil d'Ariane" })).toBeHidden();
    await expect(page.getByRole("contentinfo")).toBeHidden();
    for (const link of await page.getByRole("link", { name: /^(Signaler|Soutenir au nom de votre conseil)$/ }).all())
      await expect(link).toBeHidden();
    await expect(page.getByRole("link", { name: "Version à imprimer en gros caractères" })).toBeHidden();
    await expect(page.getByText(/^État au \d{1,2}(er)? \p{L}+ \d{4}\. À lire et à suivre en ligne : https?:\/\/\S+$/u)).toBeVisible();
    await expect(page.getByRole("img", { name: /^Code QR vers cette page : https?:\/\// })).toBeVisible();
    expect(await smallestTextPx(page)).toBeGreaterThanOrEqual(14 * PT - 0.01);
  });
}

test("the large-print version of a fiche: linked from the fiche, 18 pt on paper, accessible", async ({ page }) => {
  await page.goto(`/fiches/${sharedAction.slug}`);
  await page.getByRole("link", { name: "Version à imprimer en gros caractères" }).click();
  await expect(page).toHaveURL(new RegExp(`/fiches/${sharedAction.slug}/gros-caracteres$`));
  await expect(page.getByRole("heading", { level: 1, name: sharedAction.title })).toBeVisible();
  await expectAccessibleAtEachWidth(page);
  await page.emulateMedia({ media: "print" });
  expect(await smallestTextPx(page)).toBeGreaterThanOrEqual(18 * PT - 0.01);
  await page.emulateMedia({ media: "screen" });
  await page.getByRole("link", { name: "Revenir à la taille de texte habituelle" }).click();
  await expect(page).toHaveURL(new RegExp(`/fiches/${sharedAction.slug}$`));
});
