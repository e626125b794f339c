import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { demo, signedInContext } from "../support/auth";
import { expectAccessibleAtEachWidth } from "../support/accessibility";
import { linkIn, waitForMail } from "../support/mail";

/** A fresh address for each run, so tests never depend on each other's people. */
export const uniqueEmail = (label: string) =>
  `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@exemple.invalid`;

/** A browser context signed in as the demo administrator. */
export function adminContext(browser: Browser): Promise<BrowserContext> {
  return signedInContext(browser, demo.admin);
}

export { expectAccessible, expectAccessibleAtEachWidth } from "../support/accessibility";

/** Opens `path` and runs axe there at each width of the accessibility checks; the page ends at 1280 px. */
export async function expectAccessibleAt(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expectAccessibleAtEachWidth(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * Creates a council through /admin/conseils; the browser lands on the new council's page (which
 * offers to invite its referent). Returns its id.
 */
export async function createCouncilThroughAdmin(page: Page, name: string): Promise<string> {
  await page.goto("/admin/conseils");
  await page.waitForLoadState("networkidle");
  const create = page.getByRole("form", { name: "Créer un conseil" });
  await create.getByLabel("Nom du conseil").fill(name);
  await create.getByRole("button", { name: "Créer le conseil" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "est créé" })).toBeVisible();
  // Hydrated before the caller's forms are used (a busy machine is slow).
  await page.waitForLoadState("networkidle");
  const id = /\/admin\/conseils\/(\d+)/.exec(page.url())?.[1];
  expect(id).toBeTruthy();
  return id!;
}

/** The invitation form of /admin/utilisateurs. */
export const inviteForm = (page: Page) => page.getByRole("form", { name: "Inviter une personne de la Ville" });

export type StaffRole = "Modération" | "Élu·e" | "Administration";

/** An admin invites `email` through the admin page; returns the link received over SMTP. */
export async function inviteThroughAdmin(adminPage: Page, email: string, roles: StaffRole[]): Promise<string> {
  await adminPage.goto("/admin/utilisateurs");
  const form = inviteForm(adminPage);
  await form.getByLabel("Adresse électronique").fill(email);
  for (const role of roles) await form.getByRole("checkbox", { name: role, exact: true }).check();
  await form.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(form.getByRole("status")).toContainText(`Invitation envoyée à ${email}`);
  const mail = await waitForMail(email, /Invitation/);
  return linkIn(mail, "/invitation/");
}

export interface InvitedAccount {
  email: string;
  password: string;
  displayName: string;
  /** A context signed in as the new person (by the acceptance page itself). */
  context: BrowserContext;
}

/** Follows an invitation link in a fresh context and creates the account (the council slice's page). */
export async function acceptInvitation(browser: Browser, link: string, email: string, displayName: string): Promise<InvitedAccount> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const password = `une phrase de test ${Math.random().toString(36).slice(2, 8)}`;
  await page.goto(link);
  const form = page.getByRole("form", { name: "Créer mon compte" });
  await form.getByLabel("Votre nom, tel que les autres le verront").fill(displayName);
  await form.getByLabel("Choisissez un mot de passe").fill(password);
  await form.getByLabel("Le même mot de passe, une seconde fois").fill(password);
  await form.getByRole("button").last().click();
  // The page signs the person in and leaves for their space.
  await page.waitForURL((url) => !url.pathname.startsWith("/invitation/"), { timeout: 15_000 });
  await page.close();
  return { email, password, displayName, context };
}

/** A new staff account, invited through the admin UI and accepted through the invitation page. */
export async function createStaffAccount(browser: Browser, adminPage: Page, label: string, roles: StaffRole[]): Promise<InvitedAccount> {
  const email = uniqueEmail(label);
  const link = await inviteThroughAdmin(adminPage, email, roles);
  return acceptInvitation(browser, link, email, `Test ${label} ${email.slice(label.length + 1, label.length + 7)}`);
}
