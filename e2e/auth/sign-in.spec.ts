import { expect, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { demo, DEMO_PASSWORD, signInAs } from "../support/auth";
import { focusWhenTextShows } from "../forms/support";
import { tabUntilFocused } from "../support/keyboard";
import { attemptSignIn, ownLoopbackAddress } from "./credentials-client";
import { expectAccessible, expectAccessibleAtEachWidth, signInForm } from "./helpers";

/*
 * Sign-in and sign-out in the browser, with demo accounts that other tests use at the same time:
 * nothing here changes them (signing out closes only this browser's session; the one wrong
 * password on `elu` is cleared by its next success). What changes an account is in
 * own-account.spec.ts, on an account of its own.
 */

test("au clavier seul : Tab jusqu'aux champs, saisie, Entrée, et l'on arrive sur la page demandée", async ({ page }) => {
  await page.goto("/connexion?callbackUrl=%2Fdemarche");
  const email = page.getByLabel("Adresse électronique");
  await tabUntilFocused(page, email);
  await page.keyboard.type(demo.referent1);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Mot de passe", { exact: true })).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`${baseURL}/demarche`);
  await expect(page.getByRole("heading", { level: 1, name: "La démarche" })).toBeVisible();
  const cookies = await page.context().cookies(baseURL);
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});

test("mauvais mot de passe : message en français, l'adresse reste dans le champ", async ({ page }) => {
  await page.goto("/connexion?callbackUrl=%2Fdemarche");
  await page.getByLabel("Adresse électronique").fill(demo.official);
  await page.getByLabel("Mot de passe", { exact: true }).fill("ce-n-est-pas-le-bon");
  // Emptied and focused as the message shows, not a moment later over a password typed again.
  const focusWhenShown = await focusWhenTextShows(page, "mot de passe incorrect");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(signInForm(page).getByRole("alert")).toHaveText("Adresse électronique ou mot de passe incorrect.");
  expect(await focusWhenShown()).toEqual({ id: "password", value: "" });
  await expect(page.getByLabel("Adresse électronique")).toHaveValue(demo.official);
  await expect(page.getByLabel("Mot de passe", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Mot de passe", { exact: true })).toBeFocused();
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fdemarche$/);
  await expectAccessible(page, 1280);

  // The right password now works (and clears the account's count).
  await page.getByLabel("Mot de passe", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(`${baseURL}/demarche`);
});

test("les erreurs de saisie sont dites en français, sur le champ concerné", async ({ page }) => {
  await page.goto("/connexion");
  await page.getByLabel("Adresse électronique").fill("pas-une-adresse");
  await page.getByRole("button", { name: "Se connecter" }).click();
  const email = page.getByLabel("Adresse électronique");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription(/Adresse électronique invalide/);
  await expect(page.getByLabel("Mot de passe", { exact: true })).toHaveAccessibleDescription("Indiquez votre mot de passe.");
  await expect(email).toBeFocused();
});

test("« Mot de passe oublié ? » mène à la demande de lien", async ({ page }) => {
  await page.goto("/connexion");
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expect(page).toHaveURL("/mot-de-passe-oublie");
  await expect(page.getByRole("heading", { level: 1, name: "Mot de passe oublié" })).toBeVisible();
});

test.describe("callbackUrl seulement vers ce site", () => {
  for (const evil of ["https://evil.example/", "//evil.example/chemin", "/\\evil.example"]) {
    test(`${evil} : après la connexion, on reste sur ce site`, async ({ page }) => {
      await page.goto(`/connexion?callbackUrl=${encodeURIComponent(evil)}`);
      await page.getByLabel("Adresse électronique").fill(demo.referent1);
      await page.getByLabel("Mot de passe", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
      const landed = new URL(page.url());
      expect(landed.origin).toBe(baseURL);
      expect(landed.pathname).toBe("/espace");
    });
  }

  test("le serveur (next-auth) ne renvoie pas non plus ailleurs", async () => {
    const attempt = await attemptSignIn({
      email: demo.referent1,
      password: DEMO_PASSWORD,
      localAddress: ownLoopbackAddress(),
      callbackUrl: "https://evil.example/vol",
    });
    expect(attempt.signedIn).toBe(true);
    expect(new URL(attempt.url).origin).toBe(baseURL);
  });
});

test("se déconnecter : la session de ce navigateur est fermée", async ({ page, context }) => {
  await signInAs(context, demo.referent1, DEMO_PASSWORD);
  await page.goto("/deconnexion");
  await expect(page.getByRole("heading", { level: 1, name: "Se déconnecter" })).toBeVisible();
  await expect(page.getByText("Vous êtes connecté·e en tant que René Référent (démo)")).toBeVisible();
  await page.getByRole("button", { name: "Se déconnecter", exact: true }).click();
  await expect(page).toHaveURL("/deconnexion?etat=deconnecte");
  await expect(page.getByRole("status")).toHaveText("Vous êtes déconnecté·e.");
  expect((await context.cookies(baseURL)).some((c) => c.name.endsWith("next-auth.session-token"))).toBe(false);
  await page.goto("/deconnexion");
  await expect(page.getByText("Vous n'êtes pas connecté·e.")).toBeVisible();
});

test("l'en-tête mène à l'espace des conseils, marqué comme page courante une fois dedans", async ({ page, context }) => {
  await page.goto("/");
  const link = page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Espace des conseils" });
  await expect(link).toHaveAttribute("href", "/espace");
  await expect(link).not.toHaveAttribute("aria-current", /.*/);
  // Not signed in: the link leads to the sign-in page, which comes back to the space.
  await link.click();
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fespace$/);
  await signInAs(context, demo.referent1, DEMO_PASSWORD);
  await page.goto("/espace");
  await expect(link).toHaveAttribute("aria-current", "page");
  await page.goto("/espace/conseils/conseil-de-quartier-1");
  await expect(link).toHaveAttribute("aria-current", "page");
});

test("la boîte aux lettres de développement n'existe pas en production", async ({ request }) => {
  const response = await request.get("/dev/boite-mail");
  expect(response.status()).toBe(404);
});

test.describe("accessibilité des pages de connexion", () => {
  const pages = [
    { path: "/connexion", heading: "Se connecter" },
    { path: "/connexion?motDePasse=change", heading: "Se connecter" },
    { path: "/connexion/erreur?error=Configuration", heading: "Connexion impossible" },
    // A refused sign-in sent without JavaScript goes back to the form, with the message above it.
    { path: "/connexion/erreur?error=THROTTLED%3A300", heading: "Se connecter" },
    { path: "/mot-de-passe-oublie", heading: "Mot de passe oublié" },
    { path: "/mot-de-passe/nouveau/lien-inconnu-0123456789abcdefghijklmnopq", heading: "Choisir un nouveau mot de passe" },
    { path: "/deconnexion", heading: "Déconnexion" },
  ];
  for (const { path, heading } of pages) {
    test(`${path} à 1280 et 320 px : aucune violation axe`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expectAccessibleAtEachWidth(page);
    });
  }
  test("/deconnexion connecté·e à 1280 et 320 px : aucune violation axe", async ({ page, context }) => {
    await signInAs(context, demo.referent1, DEMO_PASSWORD);
    await page.goto("/deconnexion");
    await expect(page.getByRole("heading", { level: 1, name: "Se déconnecter" })).toBeVisible();
    await expectAccessibleAtEachWidth(page);
  });
  test("formulaire de connexion, vide puis en erreur, à 1280 et 320 px : aucune violation axe", async ({ page }) => {
    await page.goto("/connexion");
    await expectAccessibleAtEachWidth(page);
    // Sent empty from the phone's width (where the check above leaves it).
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByLabel("Adresse électronique")).toHaveAttribute("aria-invalid", "true");
    await expectAccessibleAtEachWidth(page);
  });
});

test("la page d'erreur de next-auth explique en français, sans code", async ({ page }) => {
  await page.goto("/connexion/erreur?error=THROTTLED%3A300");
  await expect(page.getByText("Trop de tentatives. Réessayez dans 5 minutes.")).toBeVisible();
  await page.goto("/connexion/erreur?error=Configuration");
  await expect(page.getByText(/Le service de connexion est mal configuré/)).toBeVisible();
  await expect(page.getByText("Configuration", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Revenir à la page de connexion" })).toHaveAttribute("href", "/connexion");
});
