import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { demo, signedInContext } from "../support/auth";
import { council1 } from "../council/helpers";
import { fichePath, postFeedback } from "../contributions/helpers";

export { council1, fichePath };

/** A member of council n°1 posts an avis and submits it; returns its id (from the council's list). */
export async function pendingFeedback(page: Page, body: string): Promise<number> {
  await postFeedback(page, body);
  const article = page
    .getByRole("region", { name: /^En attente de modération/ })
    .getByRole("article")
    .filter({ hasText: body });
  const id = Number((await article.getAttribute("id"))?.replace("contribution-", ""));
  expect(id).toBeGreaterThan(0);
  return id;
}

/**
 * Opens the moderation queue at the page that shows item `id`: the queue is oldest first, 25 a page,
 * and other specs running at the same time may leave older items pending before it.
 */
export async function gotoQueueItem(page: Page, id: number, path = "/moderation"): Promise<Locator> {
  await page.goto(path);
  const item = page.locator("article", { has: page.locator(`#file-${id}`) });
  for (let pages = 0; pages < 40 && (await item.count()) === 0; pages++) {
    const next = page.getByRole("link", { name: "Contributions suivantes" });
    if ((await next.count()) === 0) break;
    await page.goto((await next.first().getAttribute("href"))!);
  }
  return item;
}

/** The moderator approves the queue item `id` (found by its heading), and waits for the confirmation. */
export async function approveById(page: Page, id: number) {
  const item = await gotoQueueItem(page, id);
  await item.getByRole("button", { name: "Approuver et publier" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Contribution approuvée : elle est maintenant publique.");
}

/** A published avis of council n°1 (posted by membre1, approved by the demo moderator); returns its id. */
export async function publishedFeedback(browser: Browser, body: string): Promise<number> {
  const member = await signedInContext(browser, demo.member1);
  const moderator = await signedInContext(browser, demo.moderator);
  const id = await pendingFeedback(await member.newPage(), body);
  await approveById(await moderator.newPage(), id);
  await Promise.all([member.close(), moderator.close()]);
  return id;
}

/**
 * Waits until the public fiche page shows (or no longer shows) `text`, in its HTML and its RSC payload.
 * With `id`, the page of the fiche's contributions where that item is (its permalink, which leads to
 * the fiche when the item is not public): other specs publishing on the same fiche at the same time
 * may have pushed it past the first page (10 items).
 */
export async function expectPublicFiche(page: Page, text: string, shown: boolean, id?: number) {
  await expect(async () => {
    const path = id === undefined ? fichePath : new URL((await page.request.get(`${fichePath}/contribution/${id}`)).url()).pathname;
    const html = await (await page.request.get(path)).text();
    const rsc = await (await page.request.get(path, { headers: { RSC: "1" } })).text();
    expect(html.includes(text)).toBe(shown);
    expect(rsc.includes(text)).toBe(shown);
  }).toPass({ timeout: 20_000 });
}

/** Reports item `id` from its report page with `reason`; waits for the thanks. */
export async function report(page: Page, id: number, reason: string) {
  await page.goto(`/signaler/${id}`);
  const form = page.getByRole("form", { name: "Signaler cette contribution" });
  await form.getByLabel("Raison du signalement").fill(reason);
  await form.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(page.getByText(/^Merci : votre signalement est transmis/)).toBeVisible();
}

/** The demo moderator hides published item `id` from « Publiées » with `reason`, and waits for the confirmation. */
export async function hidePublished(browser: Browser, id: number, reason: string) {
  const moderator = await signedInContext(browser, demo.moderator);
  const page = await moderator.newPage();
  await page.goto("/moderation/publiees");
  const item = page.locator("article", { has: page.locator(`#publiee-${id}`) });
  await item.getByLabel(/Raison du masquage/).fill(reason);
  await item.getByRole("button", { name: "Masquer" }).click();
  await expect(page.getByRole("status").first()).toContainText("Contribution masquée");
  await moderator.close();
}
