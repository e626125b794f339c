import { expect, test, type Page } from "@playwright/test";
import { demo, signedInContext } from "../support/auth";
import { expectAccessibleAtEachWidth } from "../support/accessibility";

/*
 * Issue 14, points 3 and 4, in the browser on the production build: /donnees-personnelles says
 * who answers for the data, each processing, the periods the retention job applies (read from the
 * same rules and settings), the rights with their links; the admin changes the period of the
 * deactivated accounts and the public page says the new one at once; the job runs in the server
 * by itself and writes its day's row in the journal.
 *
 * The period is a platform setting: the tests of this file run one after the other, and the
 * change is put back at the end.
 */
test.describe.configure({ mode: "serial" });

const PAGE = "/donnees-personnelles";
const yearsField = (page: Page) =>
  page.getByRole("form", { name: "Données personnelles" }).getByLabel("Durée de conservation des comptes désactivés, en années");
const periodOf = (page: Page, kind: string) => page.locator(`[data-retention="${kind}"]`);

/** « 30 novembre 2026 », « 1er décembre 2026 »: today in Paris, as the journal writes a day. */
function todayInParis(): string {
  const text = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" }).format(
    new Date(),
  );
  return text.replace(/^1 /, "1er ");
}

test("/donnees-personnelles : responsable, DPO, traitements, durées appliquées et droits, avec ou sans JavaScript ; axe", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    expect((await page.goto(PAGE))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Données personnelles" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Responsable du traitement" })).toBeVisible();
    await expect(page.getByRole("main").getByText("Ville d'Aurillac", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Délégué ou déléguée à la protection des données" })).toBeVisible();
    // Each processing: purpose, data, legal basis, recipients.
    for (const name of ["Les comptes", "Les notifications et les courriels", "La sécurité des connexions", "Le journal des actions"]) {
      const processing = page.getByRole("region", { name });
      await expect(processing.getByText("Base légale")).toBeVisible();
      await expect(processing.getByText(/Mission d'intérêt public \(article 6, paragraphe 1, point e du RGPD\)/)).toBeVisible();
      await expect(processing.getByText("Qui y a accès")).toBeVisible();
    }
    // The periods the job applies.
    await expect(periodOf(page, "signInThrottles")).toContainText("effacées au plus tard 24 heures après la dernière tentative manquée");
    await expect(periodOf(page, "invitations")).toContainText(
      "effacées 30 jours après leur acceptation, leur annulation ou leur expiration",
    );
    await expect(periodOf(page, "passwordResetTokens")).toContainText("effacés 30 jours après leur utilisation ou leur expiration");
    await expect(periodOf(page, "readNotifications")).toContainText("effacées un an après leur lecture");
    await expect(periodOf(page, "deactivatedAccounts")).toContainText(/effacés (un an|\d+ ans) après leur désactivation/);
    // The rights, and where to use them.
    for (const right of ["Accès et portabilité", "Effacement", "Rectification", "Limitation et opposition"]) {
      await expect(page.getByText(right, { exact: true })).toBeVisible();
    }
    const myData = page.getByRole("link", { name: "« Mes données »" });
    expect(await myData.count()).toBeGreaterThanOrEqual(3);
    for (const link of await myData.all()) await expect(link).toHaveAttribute("href", "/espace/mes-donnees");
    await expect(page.getByRole("link", { name: "adresser une plainte à la CNIL (cnil.fr)" })).toHaveAttribute(
      "href",
      "https://www.cnil.fr/fr/plaintes",
    );
    if (javaScriptEnabled) {
      await expectAccessibleAtEachWidth(page);
    }
    await context.close();
  }
  // Signed out, the rights' link leads to the sign-in page, then back to « Mes données ».
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto(PAGE);
  await page.getByRole("link", { name: "« Mes données »" }).first().click();
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fespace%2Fmes-donnees/);
  await visitor.close();
});

test("l'administration change la durée de conservation des comptes désactivés : la page publique l'affiche aussitôt, et le journal", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await signedInContext(browser, demo.admin);
  const page = await admin.newPage();
  await page.goto("/admin/parametres");
  await page.waitForLoadState("networkidle");
  const form = page.getByRole("form", { name: "Données personnelles" });
  await expect(form.getByLabel("Responsable du traitement", { exact: true })).toHaveValue("Ville d'Aurillac");
  const before = await yearsField(page).inputValue();
  const after = before === "4" ? "5" : "4";

  // A French message next to the field, the typed value kept.
  await yearsField(page).fill("11");
  await form.getByRole("button", { name: "Enregistrer les données personnelles" }).click();
  await expect(form.getByText("Choisissez un nombre entre 1 et 10.")).toBeVisible();
  await expect(yearsField(page)).toHaveAttribute("aria-invalid", "true");
  await expect(yearsField(page)).toHaveValue("11");
  await expectAccessibleAtEachWidth(page);

  try {
    await yearsField(page).fill(after);
    await form.getByRole("button", { name: "Enregistrer les données personnelles" }).click();
    await expect(form.getByRole("status")).toHaveText("Les paramètres sont enregistrés.");

    const visitor = await browser.newContext();
    const publicPage = await visitor.newPage();
    await publicPage.goto(PAGE);
    await expect(periodOf(publicPage, "deactivatedAccounts")).toContainText(`effacés ${after} ans après leur désactivation`);
    await visitor.close();

    await page.goto("/admin/journal?action=settings.privacy.update");
    await expect(page.getByRole("region", { name: "Résultats" }).getByRole("listitem").first()).toContainText(
      `Conservation des comptes désactivés (années) : « ${before} » → « ${after} »`,
    );
  } finally {
    // Put back for the other tests (and the next run on this database).
    await page.goto("/admin/parametres");
    await page.waitForLoadState("networkidle");
    await yearsField(page).fill(before);
    await form.getByRole("button", { name: "Enregistrer les données personnelles" }).click();
    await expect(form.getByRole("status")).toHaveText(/Les paramètres sont enregistrés\.|Rien n'a changé\./);
  }
  await admin.close();
});

test("la conservation tourne dans le serveur : le journal montre son passage du jour, fait par le système", async ({ browser }) => {
  // The server runs it soon after it starts (2 s for the browser tests' server: playwright.config.ts;
  // 45 s otherwise), then every 10 minutes (server/retention/schedule.ts).
  const admin = await signedInContext(browser, demo.admin);
  const page = await admin.newPage();
  const today = `Jour : ${todayInParis()}`;
  await expect(async () => {
    await page.goto("/admin/journal?action=retention.purge");
    const run = page.getByRole("region", { name: "Résultats" }).getByRole("listitem").filter({ hasText: today });
    await expect(run).toHaveCount(1, { timeout: 1000 });
    await expect(run).toContainText("Durées de conservation appliquées");
    await expect(run).toContainText("le système a appliqué les durées de conservation");
    await expect(run).toContainText("Conservation des comptes désactivés (années)");
  }).toPass({ intervals: [1_000], timeout: 30_000 });
  await expectAccessibleAtEachWidth(page);
  await admin.close();
});
