import { expect, test } from "@playwright/test";
import { waitForMail } from "../support/mail";
import { adminContext } from "./helpers";

test("un·e admin crée un conseil : il apparaît sur /conseils ; archivé, il en disparaît", async ({ browser }) => {
  const admin = await adminContext(browser);
  const page = await admin.newPage();
  const name = `Conseil Test ${Date.now().toString(36)}`;

  await page.goto("/admin/conseils");
  const form = page.getByRole("form", { name: "Créer un conseil" });
  // A wrong number is refused next to the field, and what was typed stays.
  await form.getByLabel("Nom du conseil").fill(name);
  await form.getByLabel("Numéro (facultatif)").fill("sept");
  await form.getByLabel("Quartier (facultatif)").fill("Quartier de test");
  await form.getByRole("button", { name: "Créer le conseil" }).click();
  await expect(form.getByText("Le numéro est un nombre entier entre 1 et 999.")).toBeVisible();
  await expect(form.getByLabel("Nom du conseil")).toHaveValue(name);
  await form.getByLabel("Numéro (facultatif)").fill("");
  await form.getByRole("button", { name: "Créer le conseil" }).click();
  // The new council's page comes next, offering to invite its referent at once (issue 11, point 7).
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("main").getByRole("status")).toContainText(`Le conseil « ${name} » est créé. Invitez maintenant`);
  const invite = page.getByRole("region", { name: "Inviter la personne référente" }).getByRole("form", { name: "Inviter une personne" });
  await expect(invite.getByRole("radio", { name: /Référent·e/ })).toBeChecked();
  const referent = `referent-${Date.now().toString(36)}@exemple.invalid`;
  await invite.getByLabel("Adresse électronique de la personne").fill(referent);
  await invite.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(invite.getByRole("status")).toContainText(`Invitation envoyée à ${referent}.`);
  const mail = await waitForMail(referent, /Invitation/);
  expect(mail.text).toMatch(new RegExp(`rejoindre le «\\s${name}\\s» comme référent`));
  await page.goto("/admin/conseils");
  await expect(page.getByRole("region", { name: "Les conseils" }).getByRole("link", { name })).toBeVisible();

  const publicPage = await browser.newPage();
  await publicPage.goto("/conseils");
  await expect(publicPage.getByRole("heading", { level: 3, name })).toBeVisible();
  await expect(
    publicPage
      .getByRole("listitem")
      .filter({ has: publicPage.getByRole("heading", { level: 3, name }) })
      .getByText("Quartier : Quartier de test"),
  ).toBeVisible();

  // Archive it, with a reason.
  await page.getByRole("region", { name: "Les conseils" }).getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const archive = page.getByRole("form", { name: "Archiver le conseil" });
  await archive.getByLabel("Raison (obligatoire)").fill("Conseil de test, à retirer");
  await archive.getByRole("button", { name: "Archiver le conseil" }).click();
  await expect(page.getByRole("status").filter({ hasText: "est archivé" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Rendre le conseil visible" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Journal" }).getByText("Conseil de test, à retirer")).toBeVisible();

  await publicPage.goto("/conseils");
  await expect(publicPage.getByRole("heading", { level: 1, name: "Conseils de quartier" })).toBeVisible();
  await expect(publicPage.getByRole("heading", { level: 3, name })).toHaveCount(0);

  // Still listed in the administration, marked as archived.
  await page.goto("/admin/conseils");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name }) });
  await expect(card.getByText(/^Archivé le/)).toBeVisible();
  await publicPage.close();
  await admin.close();
});
