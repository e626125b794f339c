import { expect, type Browser, type Page } from "@playwright/test";
import { demo, signedInContext } from "../support/auth";
import { decide, submitDraft } from "../contributions/helpers";
import { council1 } from "../council/helpers";

/** A fiche no demo contribution and no other spec uses (theme 3). */
export const answerFiche = { slug: "restructuration-centre-ville", theme: "habitat-cadre-de-vie" } as const;
export const answerFichePath = `/fiches/${answerFiche.slug}`;

/** membre1 writes a proposal for council n°1 on `slug` and submits it to moderation. */
export async function submitProposal(page: Page, title: string, body: string, slug: string = answerFiche.slug) {
  await page.goto(`/espace/conseils/${council1.slug}/contributions/nouvelle?type=proposition&fiche=${slug}`);
  const form = page.getByRole("form", { name: "Nouvelle proposition" });
  await expect(form.getByLabel("Fiche action concernée")).toHaveValue(slug);
  await form.getByLabel("Titre de la proposition").fill(title);
  await form.getByLabel("Le texte de la proposition").fill(body);
  await form.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page).toHaveURL(/\/contributions\?enregistre=\d+/);
  const id = Number(new URL(page.url()).searchParams.get("enregistre"));
  await submitDraft(page, title);
  return id;
}

/** A published proposal of council n°1 (posted by membre1, approved by the moderator); returns its id. */
export async function publishedProposal(browser: Browser, title: string, body: string, slug: string = answerFiche.slug): Promise<number> {
  const member = await signedInContext(browser, demo.member1);
  const moderator = await signedInContext(browser, demo.moderator);
  const id = await submitProposal(await member.newPage(), title, body, slug);
  await decide(await moderator.newPage(), title, "approve");
  await Promise.all([member.close(), moderator.close()]);
  return id;
}

/** The public article of a contribution on a page. */
export const publicItem = (page: Page, id: number) => page.locator("article").filter({ has: page.locator(`#contribution-${id}`) });
