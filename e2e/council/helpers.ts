import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { demo, signedInContext } from "../support/auth";
import { linkIn, waitForMail } from "../support/mail";

/** Demo council n°1: referent1 is its referent, membre1 a member (db/seed/plan-data.ts). */
export const council1 = { slug: "conseil-de-quartier-1", name: "Conseil de quartier n°1" } as const;
export const spacePath = (slug: string) => `/espace/conseils/${slug}`;

/** A fresh address for each run, so tests never depend on each other's people. */
export const uniqueEmail = (label = "nouveau") => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@exemple.invalid`;

export { signedInContext };

export { expectAccessible, expectAccessibleAtEachWidth } from "../support/accessibility";

export const inviteForm = (page: Page) => page.getByRole("form", { name: "Inviter une personne" });
export const acceptForm = (page: Page) => page.getByRole("form", { name: "Créer mon compte" });

/** A referent invites `email` from the council's space (the real form); returns the link received over SMTP. */
export async function inviteThroughSpace(page: Page, email: string, slug: string = council1.slug): Promise<string> {
  await page.goto(spacePath(slug));
  const form = inviteForm(page);
  await form.getByLabel("Adresse électronique de la personne").fill(email);
  await form.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(form.getByRole("status")).toHaveText(`Invitation envoyée à ${email}.`);
  const mail = await waitForMail(email, /Invitation/);
  return linkIn(mail, "/invitation/");
}

/**
 * A brand-new person, member of council `slug`: invited by the demo admin from the council's space
 * and accepted through the invitation page, which signs them in. Tests that need « a member of
 * another council » use one, so they never race with tests that change a demo account. The
 * password is returned for tests that sign the person in again (another context, no JavaScript)
 * or that type it (erasing the account).
 */
export async function newMemberOf(
  browser: Browser,
  slug: string,
  label = "membre",
  displayName = `Test ${label} ${Math.random().toString(36).slice(2, 7)}`,
): Promise<{ context: BrowserContext; email: string; displayName: string; password: string }> {
  const admin = await signedInContext(browser, demo.admin);
  const email = uniqueEmail(label);
  const link = await inviteThroughSpace(await admin.newPage(), email, slug);
  await admin.close();
  const context = await browser.newContext();
  const page = await context.newPage();
  const password = `une phrase de test ${Math.random().toString(36).slice(2, 8)}`;
  await page.goto(link);
  const form = acceptForm(page);
  await form.getByLabel("Votre nom, tel que les autres le verront").fill(displayName);
  await form.getByLabel("Choisissez un mot de passe").fill(password);
  await form.getByLabel("Le même mot de passe, une seconde fois").fill(password);
  await form.getByRole("button", { name: "Créer mon compte et rejoindre" }).click();
  await expect(page).toHaveURL("/espace?bienvenue=1", { timeout: 15_000 });
  await page.close();
  return { context, email, displayName, password };
}
