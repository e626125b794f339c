import { expect, test, type Page } from "@playwright/test";
import { demo } from "../support/auth";
import {
  acceptForm,
  council1,
  inviteForm,
  inviteThroughSpace,
  signedInContext,
  spacePath,
  uniqueEmail,
  expectAccessibleAtEachWidth,
} from "./helpers";

/*
 * axe-core (WCAG 2.1 A and AA) finds nothing on every page of this slice, at 320 and 1280 px, in
 * each of its states — including forms showing their errors.
 */
async function checkBothWidths(page: Page, heading: string | RegExp) {
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expectAccessibleAtEachWidth(page);
}

test("« Mon espace » (membre, référent, administrateur)", async ({ browser }) => {
  for (const who of [demo.member1, demo.referent1, demo.admin]) {
    const context = await signedInContext(browser, who);
    const page = await context.newPage();
    await page.goto("/espace");
    await checkBothWidths(page, "Mon espace");
    await context.close();
  }
});

test("l'espace du conseil : vu par un membre, par le référent (avec erreurs et confirmation), refusé à un autre", async ({ browser }) => {
  const member = await signedInContext(browser, demo.member1);
  const memberPage = await member.newPage();
  await memberPage.goto(spacePath(council1.slug));
  await checkBothWidths(memberPage, council1.name);
  await member.close();

  const referent = await signedInContext(browser, demo.referent1);
  const page = await referent.newPage();
  await page.goto(spacePath(council1.slug));
  await checkBothWidths(page, council1.name);
  // The invite form with an error.
  await inviteForm(page).getByLabel("Adresse électronique de la personne").fill("pas-une-adresse");
  await inviteForm(page).getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(inviteForm(page).getByLabel("Adresse électronique de la personne")).toHaveAccessibleDescription(
    /Adresse électronique invalide/,
  );
  await checkBothWidths(page, council1.name);
  // The removal confirmation.
  await page.locator("summary", { hasText: "Retirer du conseil : Marie Membre (démo)" }).click();
  const confirm = page.getByRole("form", { name: "Confirmer : retirer Marie Membre (démo) du conseil" });
  await expect(confirm).toBeVisible();
  await checkBothWidths(page, council1.name);
  await confirm.getByRole("button", { name: "Non, ne pas retirer" }).click();
  await expect(confirm).toBeHidden();
  await referent.close();

  // Refused: someone who is not a member of council n°1 (the demo moderator).
  const other = await signedInContext(browser, demo.moderator);
  const otherPage = await other.newPage();
  await otherPage.goto(spacePath(council1.slug));
  await checkBothWidths(otherPage, "Accès réservé");
  await other.close();
});

test("la page d'invitation : formulaire (vide, puis en erreur), compte existant, lien invalide", async ({ browser }) => {
  test.setTimeout(60_000);
  const referent = await signedInContext(browser, demo.referent1);
  const referentPage = await referent.newPage();
  const link = await inviteThroughSpace(referentPage, uniqueEmail("axe"));

  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto(link);
  await checkBothWidths(page, `Invitation au ${council1.name}`);
  await acceptForm(page).getByRole("button", { name: "Créer mon compte et rejoindre" }).click();
  await expect(acceptForm(page).getByLabel("Choisissez un mot de passe")).toHaveAttribute("aria-invalid", "true");
  await checkBothWidths(page, `Invitation au ${council1.name}`);

  // An address that has an account (the demo admin's), not signed in.
  await referentPage.goto(spacePath(council1.slug));
  const existing = await inviteThroughSpace(referentPage, demo.admin);
  await page.goto(existing);
  await expect(page.getByText("connectez-vous avec ce compte pour accepter")).toBeVisible();
  await checkBothWidths(page, `Invitation au ${council1.name}`);
  // The invitation to the admin stays pending: cancel it (the referent's « Annuler l'invitation »).
  await referentPage.goto(spacePath(council1.slug));
  await referentPage.getByRole("button", { name: `Annuler l'invitation : ${demo.admin}` }).click();
  // Gone from the list once the server has cancelled it, and the page says so.
  await expect(referentPage.getByRole("status")).toHaveText("L'invitation a été annulée : son lien ne fonctionne plus.");
  await expect(referentPage.getByRole("region", { name: "Invitations en attente" }).getByText(demo.admin, { exact: true })).toHaveCount(0);
  await page.goto(existing);
  await checkBothWidths(page, "Ce lien d'invitation ne fonctionne pas");
  await expect(page.getByText("Cette invitation a été annulée.")).toBeVisible();
  await Promise.all([referent.close(), visitor.close()]);
});

test("la page publique d'un conseil", async ({ page }) => {
  await page.goto(`/conseils/${council1.slug}`);
  await checkBothWidths(page, council1.name);
});
