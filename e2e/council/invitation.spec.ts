import { expect, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { demo } from "../support/auth";
import { waitForMail } from "../support/mail";
import { focusWhenTextShows } from "../forms/support";
import { acceptForm, council1, inviteThroughSpace, signedInContext, spacePath, uniqueEmail } from "./helpers";

/*
 * The whole journey of a new member, over real SMTP: a referent of council n°1 invites a new
 * address, the mail arrives, the link opens the invitation page, the person chooses a name and a
 * password (bad input first), is signed in and sees the council in /espace; then the referent
 * removes them.
 */
test("invitation → courriel → compte créé → conseil visible dans « Mon espace » → retiré par le référent", async ({ browser }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail();
  const displayName = `Nadia Test ${Date.now().toString(36)}`;
  const password = "le puy mary sous la neige";

  const referent = await signedInContext(browser, demo.referent1);
  const referentPage = await referent.newPage();

  // 1. The referent invites; the mail is in French, with the absolute link.
  const link = await inviteThroughSpace(referentPage, email);
  const mail = await waitForMail(email, /Invitation/);
  expect(mail.subject).toBe(`Invitation au ${council1.name} — Projet social communal — Ville d'Aurillac`);
  expect(mail.text).toContain("valable 7 jours");
  expect(link.startsWith(`${baseURL}/invitation/`)).toBe(true);
  // The referent sees it among the pending invitations.
  await referentPage.reload();
  await expect(referentPage.getByRole("region", { name: "Invitations en attente" }).getByText(email, { exact: true })).toBeVisible();

  // 2. The invited person opens the link (a fresh browser, not signed in).
  const invited = await browser.newContext();
  const page = await invited.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: `Invitation au ${council1.name}` })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  const form = acceptForm(page);
  const name = form.getByLabel("Votre nom, tel que les autres le verront");
  const pass = form.getByLabel("Choisissez un mot de passe");
  const again = form.getByLabel("Le même mot de passe, une seconde fois");
  const submit = form.getByRole("button", { name: "Créer mon compte et rejoindre" });

  // 3. Bad input: French messages next to the fields, the typed name kept.
  await name.fill(displayName);
  await pass.fill("trop court");
  await again.fill("pas pareil");
  await submit.click();
  await expect(pass).toHaveAccessibleDescription(/Le mot de passe doit faire au moins 12 caractères\./);
  await expect(again).toHaveAccessibleDescription(/Les deux mots de passe ne sont pas identiques\./);
  await expect(pass).toHaveAttribute("aria-invalid", "true");
  await expect(pass).toBeFocused();
  await expect(name).toHaveValue(displayName);

  // A common password passes the browser's checks; the server refuses it, on the field. The focus
  // is on that field as soon as the message shows, not a moment later: else what the person goes on
  // typing elsewhere lands in it (the password was once typed twice into this field, in a run).
  await pass.fill("motdepasse123");
  await again.fill("motdepasse123");
  const focusWhenShown = await focusWhenTextShows(page, "il serait vite deviné");
  await submit.click();
  await expect(pass).toHaveAccessibleDescription(/trop courant : il serait vite deviné/);
  expect(await focusWhenShown()).toEqual({ id: "password", value: "motdepasse123" });
  await expect(name).toHaveValue(displayName);

  // 4. Good input: signed in at once, welcomed in « Mon espace » with the council.
  await pass.fill(password);
  await again.fill(password);
  await submit.click();
  await expect(page).toHaveURL("/espace?bienvenue=1", { timeout: 15_000 });
  await expect(page.getByRole("status")).toHaveText("Bienvenue ! Votre compte est créé et vous êtes connecté·e.");
  await expect(page.getByRole("heading", { level: 1, name: "Mon espace" })).toBeVisible();
  const card = page.getByRole("article", { name: council1.name });
  await expect(card).toContainText("Vous êtes membre.");
  await card.getByRole("link", { name: council1.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: council1.name })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Membres/ }).getByText(`${displayName} (vous)`)).toBeVisible();

  // Their name is hidden from the public page until they choose to show it.
  expect(await (await page.request.get(`/conseils/${council1.slug}`)).text()).not.toContain(displayName);
  await page.getByRole("button", { name: "Afficher mon nom publiquement" }).click();
  await expect(page.getByRole("region", { name: "Afficher mon nom publiquement" }).getByRole("status")).toHaveText(
    "Votre nom est affiché sur la page publique du conseil.",
  );
  await expect(page.getByRole("button", { name: "Ne plus afficher mon nom publiquement" })).toBeVisible();
  const publicPage = await (await page.request.get(`/conseils/${council1.slug}`)).text();
  expect(publicPage).toContain(displayName);
  expect(publicPage).not.toContain(email);

  // 5. The link was single use.
  const reused = await browser.newContext();
  const reusedPage = await reused.newPage();
  await reusedPage.goto(link);
  await expect(reusedPage.getByRole("heading", { level: 1, name: "Ce lien d'invitation ne fonctionne pas" })).toBeVisible();
  await expect(reusedPage.getByText("Ce lien d'invitation a déjà servi : il ne sert qu'une fois.")).toBeVisible();
  await reused.close();

  // 6. The referent removes the new member (with a confirmation and an optional reason).
  await referentPage.goto(spacePath(council1.slug));
  const member = referentPage.getByRole("listitem").filter({ hasText: displayName });
  await expect(member).toContainText(email);
  // The confirmation opens in a <details> (it opens without JavaScript too): its <summary> has no ARIA role.
  await member.locator("summary", { hasText: `Retirer du conseil : ${displayName}` }).click();
  const confirm = referentPage.getByRole("form", { name: `Confirmer : retirer ${displayName} du conseil` });
  await confirm.getByLabel("Raison (facultatif)").fill("Test de bout en bout");
  await confirm.getByRole("button", { name: "Oui, retirer" }).click();
  await expect(referentPage).toHaveURL(`${spacePath(council1.slug)}?membre=retire`);
  await expect(referentPage.getByRole("status")).toHaveText("La personne a été retirée du conseil.");
  await expect(referentPage.getByText(displayName)).toHaveCount(0);
  // The public page follows at once (its cache is refreshed by the change).
  expect(await (await referentPage.request.get(`/conseils/${council1.slug}`)).text()).not.toContain(displayName);

  // The removed person no longer sees the council.
  await page.goto("/espace");
  await expect(page.getByRole("article", { name: council1.name })).toHaveCount(0);
  await page.goto(spacePath(council1.slug));
  await expect(page.getByRole("heading", { level: 1, name: "Accès réservé" })).toBeVisible();

  await Promise.all([referent.close(), invited.close()]);
});

test("un lien inconnu ou abîmé mène à une page claire, en français", async ({ page }) => {
  const response = await page.goto("/invitation/ce-lien-n-existe-pas-du-tout-0123456789");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Ce lien d'invitation ne fonctionne pas" })).toBeVisible();
  await expect(page.getByText("Ce lien d'invitation n'est pas valable.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Connectez-vous" })).toHaveAttribute("href", "/connexion");
});

test("une adresse qui a déjà un compte : « connectez-vous avec ce compte pour accepter », puis « Accepter »", async ({ browser }) => {
  test.setTimeout(90_000);
  // A new person joins council n°1, then the admin invites the same address to council n°4.
  const email = uniqueEmail("deja-inscrit");
  const password = "la jordanne au printemps";
  const referent = await signedInContext(browser, demo.referent1);
  const first = await inviteThroughSpace(await referent.newPage(), email);
  const person = await browser.newContext();
  const page = await person.newPage();
  await page.goto(first);
  await acceptForm(page).getByLabel("Votre nom, tel que les autres le verront").fill("Déjà Inscrite");
  await acceptForm(page).getByLabel("Choisissez un mot de passe").fill(password);
  await acceptForm(page).getByLabel("Le même mot de passe, une seconde fois").fill(password);
  await acceptForm(page).getByRole("button", { name: "Créer mon compte et rejoindre" }).click();
  await expect(page).toHaveURL("/espace?bienvenue=1", { timeout: 15_000 });

  const admin = await signedInContext(browser, demo.admin);
  const adminPage = await admin.newPage();
  await adminPage.goto(spacePath("conseil-de-quartier-4"));
  await adminPage.getByRole("form", { name: "Inviter une personne" }).getByLabel("Adresse électronique de la personne").fill(email);
  await adminPage.getByRole("form", { name: "Inviter une personne" }).getByRole("button", { name: "Envoyer l'invitation" }).click();
  // Same answer as for an unknown address: the inviter does not learn that an account exists.
  await expect(adminPage.getByRole("form", { name: "Inviter une personne" }).getByRole("status")).toHaveText(
    `Invitation envoyée à ${email}.`,
  );
  const mail = await waitForMail(email, /Conseil de quartier n°4/);
  expect(mail.text).toContain("Vous avez déjà un compte sur ce site avec cette adresse électronique.");
  const second = mail.text.match(/https?:\/\/\S+\/invitation\/\S+/)![0];

  // Not signed in (a fresh browser): asked to sign in, with a way back here.
  const fresh = await browser.newContext();
  const freshPage = await fresh.newPage();
  await freshPage.goto(second);
  await expect(freshPage.getByText("connectez-vous avec ce compte pour accepter")).toBeVisible();
  const signIn = freshPage.getByRole("link", { name: "Se connecter pour accepter" });
  const href = await signIn.getAttribute("href");
  expect(href).toBe(`/connexion?callbackUrl=${encodeURIComponent(new URL(second).pathname)}`);
  await fresh.close();

  // Signed in as that address: one button.
  await page.goto(second);
  await page.getByRole("button", { name: "Accepter l'invitation" }).click();
  await expect(page).toHaveURL(`${spacePath("conseil-de-quartier-4")}?invitation=acceptee`);
  await expect(page.getByRole("status")).toContainText("vous faites maintenant partie du Conseil de quartier n°4");
  await page.goto("/espace");
  await expect(page.getByRole("article", { name: "Conseil de quartier n°4" })).toBeVisible();
  await Promise.all([referent.close(), person.close(), admin.close()]);
});
