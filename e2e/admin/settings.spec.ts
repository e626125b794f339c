import { expect, test } from "@playwright/test";
import { demo, signedInContext } from "../support/auth";
import { tabUntilFocused } from "../support/keyboard";
import { adminContext, createCouncilThroughAdmin, expectAccessibleAtEachWidth } from "./helpers";

/*
 * The platform settings are global and other tests run at the same time: this test checks the
 * form (French errors next to fields, typed values kept, saving the current values) without
 * changing them; the change itself and its journal row are tested in
 * tests/integration/settings-permissions.test.ts.
 */
test("platform settings: French errors next to the fields, typed values kept; keyboard only; axe", async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await adminContext(browser);
  const page = await admin.newPage();
  await page.goto("/admin/parametres");
  await expect(page.getByRole("heading", { level: 1, name: "Paramètres de la plateforme" })).toBeVisible();
  // The form checks as you submit, with JavaScript: wait until the page is hydrated.
  await page.waitForLoadState("networkidle");
  const form = page.getByRole("form", { name: "Paramètres de la plateforme" });
  const threshold = form.getByLabel("Nombre de signalements avant masquage");
  const delay = form.getByLabel("Délai de réponse de la Ville, en jours");
  const [currentThreshold, currentDelay] = [await threshold.inputValue(), await delay.inputValue()];
  expect(Number(currentThreshold)).toBeGreaterThanOrEqual(1);

  await threshold.fill("0");
  await delay.fill("deux mois");
  await tabUntilFocused(page, form.getByRole("button", { name: "Enregistrer les paramètres" }));
  await page.keyboard.press("Enter");
  await expect(form.getByText("Choisissez un nombre entre 1 et 100.")).toBeVisible();
  await expect(form.getByText("Indiquez le délai de réponse en jours en chiffres, sans virgule (par exemple 60).")).toBeVisible();
  await expect(threshold).toHaveAttribute("aria-invalid", "true");
  await expect(threshold).toHaveValue("0");
  await expect(delay).toHaveValue("deux mois");
  await expectAccessibleAtEachWidth(page);

  await threshold.fill(currentThreshold);
  await delay.fill(currentDelay);
  await form.getByRole("button", { name: "Enregistrer les paramètres" }).click();
  await expect(form.getByRole("status")).toHaveText("Rien n'a changé.");
  await expect(
    page.getByRole("navigation", { name: "Menu de l'administration" }).getByRole("link", { name: "Paramètres" }),
  ).toHaveAttribute("aria-current", "page");
  await admin.close();
});

test("a council's submission policy: its referent and admins, without JavaScript, journaled", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await adminContext(browser);
  const page = await admin.newPage();
  // A fresh council, so no other test's members are affected.
  const name = `Conseil Paramètres ${Date.now().toString(36)}`;
  await createCouncilThroughAdmin(page, name);
  await page.getByRole("link", { name: "Voir les membres dans l'espace du conseil" }).click();
  await page.getByRole("link", { name: "Paramètres du conseil" }).click();
  await page.waitForURL(/\/parametres$/);
  const settingsPath = new URL(page.url()).pathname;
  expect(settingsPath).toMatch(/^\/espace\/conseils\/[a-z0-9-]+\/parametres$/);

  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await admin.storageState() });
  const plain = await noJs.newPage();
  await plain.goto(settingsPath);
  const form = plain.getByRole("form", { name: "Soumission à la modération" });
  await expect(form.getByRole("group", { name: "Qui peut soumettre une contribution à la modération ?" })).toBeVisible();
  await expect(form.getByLabel("Tout membre du conseil")).toBeChecked();
  await form.getByLabel("Les référent·e·s seulement").check();
  await form.getByRole("button", { name: "Enregistrer" }).click();
  await expect(plain.getByRole("status")).toHaveText(
    "Enregistré : seul·e·s les référent·e·s peuvent soumettre une contribution à la modération.",
  );
  await plain.goto(settingsPath);
  await expect(form.getByLabel("Les référent·e·s seulement")).toBeChecked();
  await noJs.close();
  // axe needs JavaScript: the same page in the admin's ordinary browser.
  await page.goto(settingsPath);
  await expectAccessibleAtEachWidth(page);

  await page.goto("/admin/journal?action=council.settings.update");
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: `Conseil : ${name}` })
      .first(),
  ).toContainText("Qui peut soumettre à la modération : Tout membre du conseil → Les référent·e·s seulement");
  await admin.close();
});

test("the referent of council 1 sees the link; a member neither the link nor the page", async ({ browser }) => {
  const referent = await signedInContext(browser, demo.referent1);
  const page = await referent.newPage();
  await page.goto("/espace/conseils/conseil-de-quartier-1");
  await page.getByRole("link", { name: "Paramètres du conseil" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Paramètres");
  await referent.close();

  const member = await signedInContext(browser, demo.member1);
  const memberPage = await member.newPage();
  await memberPage.goto("/espace/conseils/conseil-de-quartier-1");
  await expect(memberPage.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(memberPage.getByRole("link", { name: "Paramètres du conseil" })).toHaveCount(0);
  expect((await memberPage.goto("/espace/conseils/conseil-de-quartier-1/parametres"))?.status()).toBe(404);
  await member.close();
});
