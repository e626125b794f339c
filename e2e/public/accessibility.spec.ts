import { expect, test } from "@playwright/test";
import { expectAccessible, widths } from "../support/accessibility";
import { publicPages } from "../support/public-paths";

for (const width of widths) {
  test.describe(`à ${width} px de large`, () => {
    for (const { label, path, heading, status } of publicPages) {
      test(`${label} (${path}) : aucune violation axe WCAG 2.1 A/AA, pas de défilement horizontal`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 });
        const response = await page.goto(path);
        expect(response?.status()).toBe(status);
        await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
        await expectAccessible(page, width);
      });
    }
  });
}
