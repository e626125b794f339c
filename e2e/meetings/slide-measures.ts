import { expect, type Page } from "@playwright/test";

/* How a slide is measured from the back of a room, shared by the meetings' specs. */

/**
 * The current slide, measured as the back of the room sees it: whether it fits its 16:9 stage
 * (nothing cut off, no scrolling, no text clamped), the smallest font size of its body text and of
 * its titles (h2), and its QR codes' height as a share of the slide's height.
 */
export async function measureSlide(page: Page) {
  return page.evaluate(() => {
    const stage = document.querySelector<HTMLElement>(".slide-page.contents .slide-stage")!;
    const body = stage.querySelector<HTMLElement>(".slide-body")!;
    let smallestBody = Infinity;
    let smallestTitle = Infinity;
    let clamped = 0;
    for (const el of Array.from(stage.querySelectorAll<HTMLElement>("*"))) {
      if (el.closest(".sr-only, svg")) continue;
      const style = getComputedStyle(el);
      if (style.webkitLineClamp !== "none" || style.textOverflow === "ellipsis") clamped++;
      const hasText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== "");
      if (!hasText) continue;
      const size = parseFloat(style.fontSize);
      if (el.closest("h2")) smallestTitle = Math.min(smallestTitle, size);
      else smallestBody = Math.min(smallestBody, size);
    }
    const stageHeight = stage.getBoundingClientRect().height;
    const qr = Array.from(stage.querySelectorAll("svg[role=img]"))
      .filter((svg) => svg.getAttribute("aria-label")?.startsWith("Code QR"))
      .map((svg) => svg.getBoundingClientRect().height / stageHeight);
    return {
      overflow: Math.max(body.scrollHeight - body.clientHeight, body.scrollWidth - body.clientWidth),
      clamped,
      smallestBody,
      smallestTitle,
      qr,
      stageHeight,
    };
  });
}

/**
 * The current slide reads from the back of a room (the page is 1920 × 1080): it fits its stage,
 * body text ≥ 40 px, titles ≥ 64 px, QR codes ≥ 25 % of the slide's height.
 */
export async function expectReadableSlide(page: Page) {
  const m = await measureSlide(page);
  expect(m.overflow, "the slide overflows its 16:9 stage").toBeLessThanOrEqual(0);
  expect(m.clamped).toBe(0);
  expect(m.smallestBody).toBeGreaterThanOrEqual(40);
  expect(m.smallestTitle).toBeGreaterThanOrEqual(64);
  for (const ratio of m.qr) expect(ratio).toBeGreaterThanOrEqual(0.25);
  return m;
}

/** The 1-based number of the first projected slide whose title (h2) is `title`. */
export async function slideNumberOf(page: Page, title: string): Promise<number> {
  const n = await page.evaluate(
    (t) => Array.from(document.querySelectorAll(".slide-page")).findIndex((el) => el.querySelector("h2")?.textContent?.trim() === t) + 1,
    title,
  );
  expect(n, `no slide titled ${title}`).toBeGreaterThan(0);
  return n;
}

/** The projector's toolbar is one row of controls (its height is one row's), without scrolling. */
export async function expectToolbarOnOneLine(page: Page) {
  const toolbar = page.getByRole("toolbar", { name: "Commandes de la présentation" });
  await expect(toolbar).toBeVisible();
  const m = await toolbar.evaluate((bar) => {
    const items = Array.from(bar.querySelectorAll<HTMLElement>("button, a"));
    const style = getComputedStyle(bar);
    return {
      items: items.length,
      rows: new Set(items.map((el) => Math.round(el.getBoundingClientRect().top))).size,
      height: bar.getBoundingClientRect().height,
      rowHeight: Math.max(...items.map((el) => el.getBoundingClientRect().height)),
      padding: parseFloat(style.paddingTop) + parseFloat(style.paddingBottom),
      scroll: bar.scrollWidth - bar.clientWidth,
    };
  });
  expect(m.items).toBeGreaterThanOrEqual(5);
  expect(m.rows).toBe(1);
  expect(m.height).toBeLessThanOrEqual(m.rowHeight + m.padding + 1);
  expect(m.scroll).toBeLessThanOrEqual(0);
}
