import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Every page is checked on a small phone and on a desktop screen. */
export const widths = [320, 1280] as const;

/** Frames whose content axe can only reach through its default (partial-run) mode. */
function hasCrossOriginFrame(page: Page): boolean {
  const origin = new URL(page.url()).origin;
  return page.frames().some((frame) => {
    if (frame === page.mainFrame()) return false;
    const url = frame.url();
    if (url === "" || url.startsWith("about:") || url.startsWith("data:") || url.startsWith("blob:")) return false;
    try {
      return new URL(url).origin !== origin;
    } catch {
      return true;
    }
  });
}

/** axe-core, WCAG 2.1 A and AA: no violation; and nothing wider than the screen (reflow, 1.4.10). */
export async function expectAccessible(page: Page, width: number): Promise<void> {
  await page.waitForFunction((w) => window.innerWidth === w, width);
  // Same rules, same pages, less work per scan (seconds each on 2 cores otherwise):
  // - only violations are read here, so axe details no other result type (`resultTypes`);
  // - axe runs in the page itself (« legacy » mode) instead of opening a second, blank page to
  //   gather partial results in — equivalent for the app's own and same-origin frames; a page
  //   with a cross-origin frame keeps the default mode, the only one that reaches into it.
  // (`options` replaces the options object, so it comes before `withTags`.)
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ["violations"] })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .setLegacyMode(!hasCrossOriginFrame(page))
    .analyze();
  const violations = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
  expect(violations).toEqual([]);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width);
}
