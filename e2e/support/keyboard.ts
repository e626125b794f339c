import type { Locator, Page } from "@playwright/test";

/** Presses Tab until `target` has the focus, as a keyboard user would; fails after `maxTabs`. */
export async function tabUntilFocused(page: Page, target: Locator, maxTabs = 100): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Après ${maxTabs} appuis sur Tab, le focus n'a pas atteint ${target}`);
}
