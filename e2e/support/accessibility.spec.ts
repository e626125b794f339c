import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessibility";

/*
 * The accessibility check itself (./accessibility.ts): axe runs once per page state — the whole
 * page first, then only what changed — and must still catch a violation that appears only at the
 * other width, after a click, or through a parent's colour.
 */
const page320 = { width: 320, height: 800 };
const html = (body: string, style = "") =>
  `<!doctype html><html lang="fr"><head><title>Essai</title><meta name="viewport" content="width=device-width"><style>${style}</style></head><body><header><p>En-tête</p></header><main><h1>Essai</h1>${body}</main></body></html>`;

test.describe("expectAccessible", () => {
  test("the first scan of a page checks the whole page", async ({ page }) => {
    await page.setViewportSize(page320);
    await page.setContent(html(`<p style="color:#ccc">Texte pâle</p>`));
    await expect(expectAccessible(page, 320)).rejects.toThrow(/color-contrast/);
  });

  test("at the other width, what only that width shows is checked", async ({ page }) => {
    await page.setViewportSize(page320);
    await page.setContent(
      html(
        `<p class="large">Texte pâle</p>`,
        `.large { display: none; color: #ccc } @media (min-width: 1000px) { .large { display: block } }`,
      ),
    );
    await expectAccessible(page, 320);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(expectAccessible(page, 1280)).rejects.toThrow(/color-contrast/);
  });

  test("after a click, what appeared is checked; a parent's new colour re-checks its children", async ({ page }) => {
    await page.setViewportSize(page320);
    await page.setContent(
      html(
        `<section id="s"><p>Texte</p></section><button type="button" onclick="document.getElementById('s').insertAdjacentHTML('beforeend', '<img src=x>')">Ajouter</button>
         <button type="button" onclick="document.getElementById('s').style.background='#333'">Assombrir</button>`,
      ),
    );
    await expectAccessible(page, 320);
    await page.getByRole("button", { name: "Ajouter" }).click();
    await expect(expectAccessible(page, 320)).rejects.toThrow(/image-alt/);
    await page.evaluate(() => document.querySelector("img")!.setAttribute("alt", ""));
    await expectAccessible(page, 320);
    await page.getByRole("button", { name: "Assombrir" }).click();
    await expect(expectAccessible(page, 320)).rejects.toThrow(/color-contrast/);
  });

  test("a page with nothing new passes without a scan, and leaves no mark in the page", async ({ page }) => {
    await page.setViewportSize(page320);
    await page.setContent(
      html(`<p>Texte</p><p class="wide">Large</p>`, `.wide { font-size: 1rem } @media (min-width: 1000px) { .wide { font-size: 2rem } }`),
    );
    await expectAccessible(page, 320);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectAccessible(page, 1280);
    // axe is injected into the page at each scan: gone, and not back, when there was nothing to scan.
    await page.evaluate(() => delete (window as { axe?: unknown }).axe);
    await expectAccessible(page, 1280);
    expect(await page.evaluate(() => typeof (window as { axe?: unknown }).axe)).toBe("undefined");
    expect(await page.locator("[data-a11y-delta]").count()).toBe(0);
    // Too wide for the screen is checked every time (reflow), scan or not.
    await page.evaluate(() => document.querySelector("main")!.insertAdjacentHTML("beforeend", '<div style="width:2000px">Large</div>'));
    await page.setViewportSize(page320);
    await expect(expectAccessible(page, 320)).rejects.toThrow(/toBeLessThanOrEqual/);
  });
});
