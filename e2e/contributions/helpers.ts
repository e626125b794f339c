import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const fiche = { slug: "pilotage-projet-social" } as const;
export const fichePath = `/fiches/${fiche.slug}`;

export const marker = (label: string) => `MARQUEUR-${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** The public fiche page as anyone gets it: its HTML and its React Server Components payload. */
export async function publicResponses(request: APIRequestContext, path = fichePath): Promise<{ html: string; rsc: string }> {
  const html = await (await request.get(path)).text();
  const rsc = await (await request.get(path, { headers: { RSC: "1" } })).text();
  return { html, rsc };
}

export async function expectNotPublic(request: APIRequestContext, ...texts: string[]) {
  const { html, rsc } = await publicResponses(request);
  for (const text of texts) {
    expect(html).not.toContain(text);
    expect(rsc).not.toContain(text);
  }
}

/** A member writes an avis on the fiche from the public page's link, then submits it to moderation. */
export async function postFeedback(page: Page, body: string, findBy = body) {
  await page.goto(fichePath);
  await page.getByRole("link", { name: "Donner l'avis de votre conseil" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Nouvel avis/ })).toBeVisible();
  const form = page.getByRole("form", { name: "Nouvel avis" });
  await expect(form.getByLabel("Fiche action concernée")).toHaveValue(fiche.slug);
  await form.getByLabel("Favorable avec réserves").check();
  await form.getByLabel("Les raisons du conseil").fill(body);
  await form.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page).toHaveURL(/\/contributions\?enregistre=\d+/);
  await submitDraft(page, findBy);
}

/**
 * The moderator's queue item holding `text`. The queue shows the oldest 25 first: when the specs
 * before this one left more items pending on the same database (a whole suite on one embedded
 * database), a new one is on a later page, as it would be for a moderator.
 */
export async function queueItem(page: Page, text: string) {
  await page.goto("/moderation");
  const item = page.getByRole("article").filter({ hasText: text });
  const next = page.getByRole("link", { name: "Contributions suivantes" });
  for (let pages = 1; pages < 40 && (await item.count()) === 0 && (await next.count()) > 0; pages++) {
    await page.goto((await next.getAttribute("href"))!);
  }
  await expect(item).toHaveCount(1);
  return item;
}

/** Submits the draft holding `text` from the council's list; it moves to « En attente ». */
export async function submitDraft(page: Page, text: string) {
  await page
    .getByRole("region", { name: /^Brouillons/ })
    .getByRole("article")
    .filter({ hasText: text })
    .getByRole("button", { name: "Soumettre à la modération" })
    .click();
  await expect(page).toHaveURL(/soumis=\d+/);
  await expect(page.getByRole("status").first()).toHaveText("Contribution soumise à la modération. Elle sera publique une fois approuvée.");
  await expect(page.getByRole("region", { name: /^En attente de modération/ })).toContainText(text);
}

/** Decides the queue item holding `text`, and waits for the queue to say so. */
export async function decide(page: Page, text: string, decision: "approve" | "reject", reason?: string) {
  const item = await queueItem(page, text);
  if (decision === "approve") {
    await item.getByRole("button", { name: "Approuver et publier" }).click();
    await expect(page.getByRole("status").first()).toHaveText("Contribution approuvée : elle est maintenant publique.");
  } else {
    await item.getByLabel(/Raison du refus/).fill(reason ?? "");
    await item.getByRole("button", { name: "Refuser avec cette raison" }).click();
    await expect(page.getByRole("status").first()).toHaveText("Contribution refusée : le conseil verra la raison.");
  }
  await expect(page.getByRole("article").filter({ hasText: text })).toHaveCount(0);
}
