import { expect, test } from "@playwright/test";
import { demo, signedInContext } from "../support/auth";
import { expectReadableSlide, expectToolbarOnOneLine } from "./slide-measures";

/*
 * The demo meeting's deck as the plan is seeded: run first (Playwright project « accueil »), before
 * other specs add fiches, themes and payload-laden proposals that this deck would then show.
 */

test("every slide of the demo meeting reads from the back of a room; the toolbar holds on one line and hides in full screen", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await signedInContext(browser, demo.moderator);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto("/presentation/reunion-de-restitution-demonstration");
  const current = page.locator(".slide-page.contents");
  const count = await page.locator(".slide-page").count();
  expect(count).toBeGreaterThanOrEqual(8);
  const sizes = { body: Infinity, title: Infinity, qr: Infinity };
  const texts: string[] = [];
  for (let n = 1; n <= count; n++) {
    await expect(current).toContainText(`${n} / ${count}`);
    const m = await expectReadableSlide(page);
    sizes.body = Math.min(sizes.body, m.smallestBody);
    sizes.title = Math.min(sizes.title, m.smallestTitle);
    for (const ratio of m.qr) sizes.qr = Math.min(sizes.qr, ratio);
    texts.push(await current.innerText());
    await page.keyboard.press("PageDown");
  }
  // The measures, for the record (test report): the smallest body text and title over the whole deck.
  test.info().annotations.push({ type: "slides at 1920 × 1080", description: JSON.stringify(sizes) });
  expect(sizes.body).toBeGreaterThanOrEqual(40);
  expect(sizes.title).toBeGreaterThanOrEqual(64);
  expect(sizes.qr).toBeGreaterThanOrEqual(0.25);
  // « Ce qui a changé » in counts first, then its lists, never cut with « … »; theme slides with
  // big numbers, every fiche's deadline, and the passed ones said so.
  // (innerText is as drawn: the kickers are in capitals.)
  // (On the seeded plan it may hold only its counts; its pages are unit-tested in slide-pages.test.ts.)
  const changes = texts.filter((t) => /ce qui a changé/i.test(t));
  expect(changes.length).toBeGreaterThanOrEqual(1);
  expect(changes.join("\n")).not.toContain("…");
  expect(texts.some((t) => /^thématique \d+/im.test(t) && t.includes("Échéance dépassée"))).toBe(true);

  // At 1280 px the toolbar is one line.
  await page.setViewportSize({ width: 1280, height: 720 });
  await expectToolbarOnOneLine(page);
  await page.setViewportSize({ width: 1920, height: 1080 });

  // Full screen (F): no toolbar, the slide takes the whole screen, the keyboard still moves.
  await page.goto("/presentation/reunion-de-restitution-demonstration?diapo=2");
  const toolbar = page.getByRole("toolbar", { name: "Commandes de la présentation" });
  await expect(toolbar).toBeVisible();
  await page.keyboard.press("f");
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await expect(toolbar).toBeHidden();
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/[?&]diapo=3$/);
  const full = await expectReadableSlide(page);
  expect(full.stageHeight).toBeGreaterThanOrEqual(1079);
  expect(full.smallestBody).toBeGreaterThanOrEqual(44);
  await page.keyboard.press("Escape");
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
  await expect(toolbar).toBeVisible();
  await context.close();
});
