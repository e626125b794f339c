import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./accessibility";

/*
 * The accessibility check itself (./accessibility.ts): axe runs once per page state — the whole
 * page first, then only what changed — and must still catch a violation that appears only at the
 * other width, after a click, or through a parent's colour.
 */
const page320 = { width: 320, height: 800 };
type Counted = { axe: { run: (...args: unknown[]) => unknown; __injected?: number }; __axeRuns: number };
/** Counts, from now on, the runs of the axe that is in the page, and marks that copy of axe. */
const countAxeRuns = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as Counted;
    const run = w.axe.run.bind(w.axe);
    w.__axeRuns = 0;
    w.axe.__injected = 1;
    w.axe.run = (...args: unknown[]) => {
      w.__axeRuns += 1;
      return run(...args);
    };
  });
const axeRuns = (page: Page) => page.evaluate(() => (window as unknown as Counted).__axeRuns);
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
    // Nothing changed since the last scan: axe does not run.
    await countAxeRuns(page);
    await expectAccessible(page, 1280);
    expect(await axeRuns(page)).toBe(0);
    expect(await page.locator("[data-a11y-delta]").count()).toBe(0);
    // Too wide for the screen is checked every time (reflow), scan or not.
    await page.evaluate(() => document.querySelector("main")!.insertAdjacentHTML("beforeend", '<div style="width:2000px">Large</div>'));
    await page.setViewportSize(page320);
    await expect(expectAccessible(page, 320)).rejects.toThrow(/toBeLessThanOrEqual/);
  });

  test("axe is put in a document once, and again in the next document", async ({ page }) => {
    await page.setViewportSize(page320);
    await page.setContent(html(`<section id="s"><p>Texte</p></section>`));
    await expectAccessible(page, 320);
    await countAxeRuns(page);
    await page.evaluate(() => document.getElementById("s")!.insertAdjacentHTML("beforeend", "<p>Nouveau</p>"));
    await expectAccessible(page, 320);
    expect(await axeRuns(page)).toBe(1);
    // The same copy of axe ran (not injected again): it still carries its mark.
    expect(await page.evaluate(() => (window as unknown as Counted).axe.__injected)).toBe(1);
    // A new document (a navigation, not document.write, which keeps the window): a fresh copy.
    await page.goto(`data:text/html,${encodeURIComponent(html(`<p style="color:#ccc">Texte pâle</p>`))}`);
    await expect(expectAccessible(page, 320)).rejects.toThrow(/color-contrast/);
    expect(await page.evaluate(() => typeof (window as unknown as Counted).axe.__injected)).toBe("undefined");
  });
});
