import { expect, test } from "@playwright/test";
import { expectAccessibleAtEachWidth } from "../support/accessibility";
import { publicPages } from "../support/public-paths";

for (const { label, path, heading, status } of publicPages) {
  test(`${label} (${path}) : aucune violation axe WCAG 2.1 A/AA à 1280 et 320 px, pas de défilement horizontal`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(status);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectAccessibleAtEachWidth(page);
  });
}
