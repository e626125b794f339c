import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demo, signInAs } from "../support/auth";
import { linkIn, waitForMail } from "../support/mail";

export const widths = [320, 1280] as const;

/** Demo council n°1: referent1 is its referent, membre1 a member (db/seed/plan-data.ts). */
export const council1 = { slug: "conseil-de-quartier-1", name: "Conseil de quartier n°1" } as const;
export const spacePath = (slug: string) => `/espace/conseils/${slug}`;

/** A fresh address for each run, so tests never depend on each other's people. */
export const uniqueEmail = (label = "nouveau") => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@exemple.invalid`;

/** A browser context signed in (without the UI) as a demo account. */
export async function signedInContext(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<BrowserContext> {
  const context = await browser.newContext();
  await signInAs(context, email, password);
  return context;
}

/** axe-core, WCAG 2.1 A and AA: no violation; and nothing wider than the screen (reflow, 1.4.10). */
export async function expectAccessible(page: Page, width: number): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const violations = results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  expect(violations).toEqual([]);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

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
 * another council » use one, so they never race with tests that change a demo account.
 */
export async function newMemberOf(browser: Browser, slug: string, label = "membre"): Promise<{ context: BrowserContext; email: string; displayName: string }> {
  const admin = await signedInContext(browser, demo.admin);
  const email = uniqueEmail(label);
  const link = await inviteThroughSpace(await admin.newPage(), email, slug);
  await admin.close();
  const context = await browser.newContext();
  const page = await context.newPage();
  const displayName = `Test ${label} ${Math.random().toString(36).slice(2, 7)}`;
  const password = `une phrase de test ${Math.random().toString(36).slice(2, 8)}`;
  await page.goto(link);
  const form = acceptForm(page);
  await form.getByLabel("Votre nom, tel que les autres le verront").fill(displayName);
  await form.getByLabel("Choisissez un mot de passe").fill(password);
  await form.getByLabel("Le même mot de passe, une seconde fois").fill(password);
  await form.getByRole("button", { name: "Créer mon compte et rejoindre" }).click();
  await expect(page).toHaveURL("/espace?bienvenue=1", { timeout: 15_000 });
  await page.close();
  return { context, email, displayName };
}
