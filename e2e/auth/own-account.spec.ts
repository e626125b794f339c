import { expect, test, type Page } from "@playwright/test";
import { baseURL, sinkHttpUrl } from "../../playwright.config";
import { demo, signInAs } from "../support/auth";
import { linkIn, type ReceivedMail } from "../support/mail";
import { acceptForm, inviteThroughSpace, signedInContext, uniqueEmail } from "../council/helpers";
import { attemptSignIn, forgedAddress, ownLoopbackAddress } from "./credentials-client";
import { expectAccessible, expectAccessibleAtEachWidth } from "./helpers";

/*
 * Everything that changes an account's state (sign-in lock, password reset, « sign out
 * everywhere ») runs on an account of this file's own, created at the start through the real
 * invitation flow (a referent invites, the invitee sets a password): the shared demo accounts,
 * which other tests sign in with at the same time, are never touched. Serial: each test starts
 * from the state the previous one left.
 */
test.describe.configure({ mode: "serial" });

const account = {
  email: uniqueEmail("auth"),
  displayName: `Camille Essai ${Date.now().toString(36)}`,
  password: "la cère coule sous le pont rouge",
};
const NEW_PASSWORD = "le héron du Cantal pêche à l'aube";
/** What « Mot de passe oublié » answered for the account, compared with the answer for an unknown address. */
let confirmationForKnownEmail: string | null = null;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  const referent = await signedInContext(browser, demo.referent1);
  const link = await inviteThroughSpace(await referent.newPage(), account.email);
  await referent.close();
  const invited = await browser.newContext();
  const page = await invited.newPage();
  await page.goto(link);
  const form = acceptForm(page);
  await form.getByLabel("Votre nom, tel que les autres le verront").fill(account.displayName);
  await form.getByLabel("Choisissez un mot de passe").fill(account.password);
  await form.getByLabel("Le même mot de passe, une seconde fois").fill(account.password);
  await form.getByRole("button", { name: /^Créer mon compte/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/invitation/"), { timeout: 20_000 });
  await invited.close();
});

const email = account.email;

async function mailsTo(address: string): Promise<ReceivedMail[]> {
  const response = await fetch(`${sinkHttpUrl}/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as ReceivedMail[];
}

/**
 * Waits for a mail with this subject that arrived after the first `seen` ones (the sink keeps them
 * all). By subject: the account belongs to a council, and other tests' changes there may send it a
 * notification meanwhile (seen: « Une nouvelle notification » taken for the reset mail).
 */
async function waitForNewMail(address: string, seen: number, subject: string): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(async () => (found = (await mailsTo(address)).slice(seen).find((m) => m.subject === subject)) !== undefined, {
      timeout: 15_000,
      message: `courriel « ${subject} » pour ${address}`,
    })
    .toBe(true);
  return found!;
}

/** The whole reset flow in the browser, from « Mot de passe oublié » to the sign-in page. */
async function resetPasswordTo(page: Page, password: string, options: { checkAccessibility?: boolean } = {}): Promise<string> {
  const seen = (await mailsTo(email)).length;
  await page.goto("/mot-de-passe-oublie");
  await page.getByLabel("Adresse électronique de votre compte").fill(email);
  await page.getByRole("button", { name: "Recevoir un lien" }).click();
  await expect(page.getByRole("status")).toContainText("Si un compte correspond à cette adresse");
  confirmationForKnownEmail ??= await page.getByRole("status").textContent();

  const mail = await waitForNewMail(email, seen, "Choisir un nouveau mot de passe — Projet social communal — Ville d'Aurillac");
  const link = linkIn(mail, "/mot-de-passe/nouveau/");
  expect(link.startsWith(`${baseURL}/mot-de-passe/nouveau/`)).toBe(true);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choisir un nouveau mot de passe" })).toBeVisible();
  if (options.checkAccessibility) {
    await expectAccessibleAtEachWidth(page);
    // A password that breaks the rule is refused, in French, on the field.
    await page.getByLabel("Nouveau mot de passe").fill("motdepasse123");
    await page.getByLabel("Le même mot de passe, une seconde fois").fill("motdepasse123");
    await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
    await expect(page.getByLabel("Nouveau mot de passe")).toHaveAccessibleDescription(
      /Ce mot de passe est trop courant : choisissez-en un autre\./,
    );
    await expect(page.getByLabel("Nouveau mot de passe")).toBeFocused();
    await page.setViewportSize({ width: 320, height: 800 });
    await expectAccessible(page, 320);
  }
  await page.getByLabel("Nouveau mot de passe").fill(password);
  await page.getByLabel("Le même mot de passe, une seconde fois").fill(password);
  await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
  await expect(page).toHaveURL("/connexion?motDePasse=change");
  await expect(page.getByRole("status")).toHaveText("Votre mot de passe a été changé. Connectez-vous avec le nouveau.");
  return link;
}

async function signInWithForm(page: Page, password: string) {
  await page.goto("/connexion?callbackUrl=%2Fdemarche");
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

test("blocage par compte : après 5 échecs, même le bon mot de passe attend — puis passe, le vrai titulaire n'est jamais bloqué pour de bon", async () => {
  for (let i = 1; i <= 5; i++) {
    const attempt = await attemptSignIn({
      email,
      password: `pas-le-bon-${i}`,
      localAddress: ownLoopbackAddress(),
      forwardedFor: forgedAddress(),
    });
    expect(attempt.error).toBe("INVALID_CREDENTIALS");
  }
  const right = await attemptSignIn({
    email,
    password: account.password,
    localAddress: ownLoopbackAddress(),
    forwardedFor: forgedAddress(),
  });
  expect(right.error).toMatch(/^THROTTLED:[12]$/);
  expect(right.signedIn).toBe(false);

  // Once the wait is over (1 s after 5 failures), the right password works and clears the count.
  await expect
    .poll(async () => (await attemptSignIn({ email, password: account.password, localAddress: ownLoopbackAddress() })).signedIn, {
      timeout: 10_000,
      intervals: [1000],
    })
    .toBe(true);
});

test("mot de passe oublié, de bout en bout : courriel reçu par SMTP, lien suivi, nouveau mot de passe, connexion avec lui", async ({
  page,
}) => {
  const firstLink = await resetPasswordTo(page, NEW_PASSWORD, { checkAccessibility: true });

  await signInWithForm(page, NEW_PASSWORD);
  await expect(page).toHaveURL(`${baseURL}/demarche`);

  // The old password no longer works.
  const old = await attemptSignIn({ email, password: account.password, localAddress: ownLoopbackAddress() });
  expect(old.error).toBe("INVALID_CREDENTIALS");
  account.password = NEW_PASSWORD;

  // The link works once.
  await page.goto(firstLink);
  await expect(page.getByText(/Ce lien n'est plus valable/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Demander un nouveau lien" })).toHaveAttribute("href", "/mot-de-passe-oublie");
});

test("« Se déconnecter de tous les appareils » : l'autre navigateur perd sa session aussitôt", async ({ browser }) => {
  const deviceA = await browser.newContext();
  const deviceB = await browser.newContext();
  try {
    await signInAs(deviceA, email, account.password);
    await signInAs(deviceB, email, account.password);
    const pageA = await deviceA.newPage();
    const pageB = await deviceB.newPage();

    await pageB.goto("/deconnexion");
    await expect(pageB.getByText(`Vous êtes connecté·e en tant que ${account.displayName}`)).toBeVisible();

    await pageA.goto("/deconnexion");
    await pageA.getByRole("button", { name: "Se déconnecter de tous les appareils" }).click();
    await expect(pageA).toHaveURL("/deconnexion?etat=partout");
    await expect(pageA.getByRole("status")).toHaveText(
      "Vous êtes déconnecté·e de tous vos appareils : sur chacun, il faudra vous reconnecter.",
    );

    // Device B still holds its cookie, but the server refuses it on the very next request.
    expect((await deviceB.cookies(baseURL)).some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);
    await pageB.goto("/deconnexion");
    await expect(pageB.getByText("Vous n'êtes pas connecté·e.")).toBeVisible();
    await pageA.goto("/deconnexion");
    await expect(pageA.getByText("Vous n'êtes pas connecté·e.")).toBeVisible();

    // Signing in again works as usual.
    await signInAs(deviceB, email, account.password);
    await pageB.goto("/deconnexion");
    await expect(pageB.getByText(`Vous êtes connecté·e en tant que ${account.displayName}`)).toBeVisible();
  } finally {
    await deviceA.close();
    await deviceB.close();
  }
});

test("« Se déconnecter » met fin à la session sur le serveur : une copie du cookie est refusée, l'autre appareil reste connecté", async ({
  browser,
}) => {
  const device = await browser.newContext();
  const other = await browser.newContext();
  const thief = await browser.newContext();
  try {
    await signInAs(device, email, account.password);
    await signInAs(other, email, account.password);
    // Someone copies the session cookie before the person signs out.
    const saved = (await device.cookies(baseURL)).filter((c) => c.name.endsWith("next-auth.session-token"));
    expect(saved).toHaveLength(1);
    const page = await device.newPage();
    await page.goto("/deconnexion");
    await page.getByRole("button", { name: "Se déconnecter", exact: true }).click();
    await expect(page).toHaveURL("/deconnexion?etat=deconnecte");
    await expect(page.getByRole("status")).toHaveText("Vous êtes déconnecté·e.");

    await thief.addCookies(saved);
    const copy = await thief.newPage();
    await copy.goto("/espace");
    await expect(copy).toHaveURL(/\/connexion\?callbackUrl=/);
    const otherPage = await other.newPage();
    await otherPage.goto("/deconnexion");
    await expect(otherPage.getByText(`Vous êtes connecté·e en tant que ${account.displayName}`)).toBeVisible();
  } finally {
    await device.close();
    await other.close();
    await thief.close();
  }
});

test("une adresse inconnue reçoit exactement la même réponse, et aucun courriel", async ({ page }) => {
  expect(confirmationForKnownEmail, "le test de bout en bout a relevé la réponse pour un compte existant").toBeTruthy();
  const unknown = `personne-${Date.now()}@exemple.invalid`;
  await page.goto("/mot-de-passe-oublie");
  await page.getByLabel("Adresse électronique de votre compte").fill(unknown);
  await page.getByRole("button", { name: "Recevoir un lien" }).click();
  await expect(page.getByRole("status")).toHaveText(confirmationForKnownEmail!);
  await expect(page.locator(":focus")).toContainText(confirmationForKnownEmail!);
  await expectAccessible(page, 1280);
  // Give a mail every chance to arrive, then check none did.
  await page.waitForTimeout(1000);
  expect(await mailsTo(unknown)).toEqual([]);
});
