import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { publicPages } from "../support/public-paths";

const widths = [320, 1280];

for (const width of widths) {
  test.describe(`à ${width} px de large`, () => {
    for (const { label, path, heading, status } of publicPages) {
      test(`${label} (${path}) : aucune violation axe WCAG 2.1 A/AA, pas de défilement horizontal`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 });
        const response = await page.goto(path);
        expect(response?.status()).toBe(status);
        await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();

        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        const violations = results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
        expect(violations).toEqual([]);

        // WCAG 1.4.10 (reflow): nothing wider than the screen.
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth).toBeLessThanOrEqual(width);
      });
    }
  });
}
