import { expect, test, type BrowserContext } from "@playwright/test";
import { adminContext, expectAccessibleAtEachWidth } from "./helpers";

/*
 * axe-core (WCAG 2.1 A and AA) on every administration page, at 320 and 1280 px, with the forms
 * showing their error messages too (errors are where contrast and labelling usually break).
 */
let admin: BrowserContext;
let userPath = "";
let councilPath = "";

test.beforeAll(async ({ browser }) => {
  admin = await adminContext(browser);
  const page = await admin.newPage();
  await page.goto("/admin/utilisateurs?recherche=elu%40demo");
  userPath = (await page.getByRole("link", { name: "Élise Élue (démo)" }).getAttribute("href")) ?? "";
  await page.goto("/admin/conseils");
  councilPath = (await page.getByRole("link", { name: "Conseil de quartier n°1", exact: true }).getAttribute("href")) ?? "";
  await page.close();
  expect(userPath).toMatch(/^\/admin\/utilisateurs\/\d+$/);
  expect(councilPath).toMatch(/^\/admin\/conseils\/\d+$/);
});
test.afterAll(() => admin.close());

const pages: { label: string; path: () => string; heading: string; submit: string | null }[] = [
  { label: "accueil de l'administration", path: () => "/admin", heading: "Administration", submit: null },
  { label: "utilisateurs", path: () => "/admin/utilisateurs", heading: "Utilisateurs et rôles", submit: "Envoyer l'invitation" },
  {
    label: "recherche sans résultat",
    path: () => "/admin/utilisateurs?recherche=personne-de-ce-nom",
    heading: "Utilisateurs et rôles",
    submit: null,
  },
  { label: "fiche d'une personne", path: () => userPath, heading: "Élise Élue (démo)", submit: "Désactiver le compte" },
  { label: "conseils", path: () => "/admin/conseils", heading: "Conseils de quartier", submit: "Créer le conseil" },
  { label: "un conseil", path: () => councilPath, heading: "Conseil de quartier n°1", submit: "Archiver le conseil" },
];

for (const { label, path, heading, submit } of pages) {
  test(`${label} : aucune violation axe WCAG 2.1 A/AA à 1280 et 320 px, pas de défilement horizontal, messages d'erreur compris`, async () => {
    const page = await admin.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const response = await page.goto(path());
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectAccessibleAtEachWidth(page);
    if (submit) {
      // Submit the empty form (from the phone's width): the error messages show next to the fields, and are checked too.
      await page.getByRole("button", { name: submit }).click();
      await expect(page.getByRole("main").locator("[aria-invalid=true]").first()).toBeVisible();
      await expectAccessibleAtEachWidth(page);
    }
    await page.close();
  });
}
