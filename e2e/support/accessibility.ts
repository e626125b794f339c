import AxeBuilder from "@axe-core/playwright";
import axeCore, { type AxeResults } from "axe-core";
import { expect, type Page } from "@playwright/test";

/** Every page is checked on a small phone and on a desktop screen. */
const widths = [320, 1280] as const;

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

/** The attribute that names, for one scan, the elements axe is to check (removed after it). */
const DELTA = "data-a11y-delta";

/**
 * Marks, in the page, what axe has not yet checked in its present state — « axe once per page
 * state » (issue 10) — and says how much: `"page"` the whole document (first scan of this
 * document, or elements gone since the last one), `"none"` (every element as it was at the last
 * scan of this document), else `"part"` with each changed element and its subtree marked `DELTA`.
 *
 * An element's state, for axe, is what its rules read of it: whether it is shown, its attributes,
 * its own text, the colours and font its contrast is computed from, and whether it scrolls. The
 * same page at another width, or after a click, is thus checked on what changed only — the phone
 * menu that opens, the desktop navigation that appears, headings whose size changed, a new
 * message — instead of every element again (each full scan takes seconds on 2 cores). A changed
 * element's subtree is checked whole, since its children's contrast and visibility depend on it.
 * The page-level rules (a main landmark, a level-1 heading, skip links) run at each full scan.
 */
async function markUnchecked(page: Page): Promise<"page" | "none" | "part"> {
  return page.evaluate((delta) => {
    type Signed = Element & { __a11yState?: string };
    const w = window as unknown as { __a11yElements?: number; __a11yUrl?: string };
    // A new document, or a client-side navigation (the same window, another address).
    const firstScan = w.__a11yElements === undefined || w.__a11yUrl !== location.href;
    w.__a11yUrl = location.href;
    let known = 0;
    let elements = 0;
    let changed = 0;
    const stateOf = (el: Element) => {
      const style = getComputedStyle(el);
      const attributes = Array.from(el.attributes)
        .filter((a) => a.name !== delta)
        .map((a) => `${a.name}=${a.value}`)
        .join(" ");
      const text = Array.from(el.childNodes, (n) => (n.nodeType === Node.TEXT_NODE ? (n as Text).data : "")).join("");
      const scrolls =
        /auto|scroll/.test(style.overflowX + style.overflowY) && (el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight);
      const shown = el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
      return [
        shown,
        attributes,
        text,
        style.color,
        style.backgroundColor,
        style.backgroundImage,
        style.fontSize,
        style.fontWeight,
        style.opacity,
        scrolls,
      ].join("|");
    };
    const walk = (el: Signed, underChange: boolean) => {
      elements += 1;
      const state = stateOf(el);
      if (el.__a11yState !== undefined) known += 1;
      const isChanged = underChange || el.__a11yState !== state;
      el.__a11yState = state;
      if (isChanged && !underChange) {
        if (!firstScan) el.setAttribute(delta, "");
        changed += 1;
      }
      for (const child of Array.from(el.children)) walk(child, isChanged);
    };
    walk(document.body, false);
    const removed = !firstScan && known < w.__a11yElements!;
    w.__a11yElements = elements;
    if (firstScan || removed) {
      for (const el of Array.from(document.querySelectorAll(`[${delta}]`))) el.removeAttribute(delta);
      return "page";
    }
    return changed === 0 ? "none" : "part";
  }, DELTA);
}

/** The rules checked: WCAG 2.1, levels A and AA. */
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * axe in the page itself (« legacy » mode, equivalent to the default one for the app's own and
 * same-origin frames), injected once per document: its source is 1.5 MB, which AxeBuilder
 * evaluates twice at every scan (measured in the closing note of issue 10). Only violations are
 * detailed (`resultTypes`) and only their summary crosses back to the test.
 */
async function runAxeInPage(page: Page, include: string | null): Promise<AxeResults["violations"]> {
  for (const frame of page.frames()) {
    const present = await frame.evaluate(() => typeof (window as { axe?: unknown }).axe === "object").catch(() => true);
    if (!present) await frame.evaluate(axeCore.source);
  }
  return page.evaluate(
    async ({ include, tags }) => {
      type Axe = typeof import("axe-core");
      const axe = (window as unknown as { axe: Axe }).axe;
      const results = await axe.run(include ?? document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return results.violations;
    },
    { include, tags: wcagTags },
  );
}

/**
 * axe-core, WCAG 2.1 A and AA: no violation, on what this page has not shown axe yet in its present
 * state (markUnchecked); and nothing wider than the screen (reflow, 1.4.10), checked every time.
 */
export async function expectAccessible(page: Page, width: number): Promise<void> {
  await page.waitForFunction((w) => window.innerWidth === w, width);
  // A page with a cross-origin frame is scanned whole each time, by AxeBuilder's default mode,
  // the one that reaches into such a frame.
  const crossOrigin = hasCrossOriginFrame(page);
  const unchecked = crossOrigin ? "page" : await markUnchecked(page);
  if (unchecked !== "none") {
    const found = crossOrigin
      ? // (`options` replaces the options object, so it comes before `withTags`.)
        (
          await new AxeBuilder({ page })
            .options({ resultTypes: ["violations"] })
            .withTags(wcagTags)
            .analyze()
        ).violations
      : await runAxeInPage(page, unchecked === "part" ? `[${DELTA}]` : null);
    if (unchecked === "part") {
      await page.evaluate((delta) => document.querySelectorAll(`[${delta}]`).forEach((el) => el.removeAttribute(delta)), DELTA);
    }
    const violations = found.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
    expect(violations, `axe at ${width} px (${unchecked === "page" ? "whole page" : "what changed"})`).toEqual([]);
  }
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

/**
 * The page as it is now, at each width of the checks: the desktop's, then the phone's, where it
 * stays — a test goes on tapping where a small screen makes it hardest. Resized in place, as a
 * window narrowed or a phone turned; axe checks at the second width only what it changed.
 */
export async function expectAccessibleAtEachWidth(page: Page): Promise<void> {
  const height = page.viewportSize()?.height ?? 800;
  for (const width of [...widths].reverse()) {
    await page.setViewportSize({ width, height });
    await expectAccessible(page, width);
  }
}
