import { expect, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { waitForMail } from "../support/mail";
import {
  acceptInvitation,
  adminContext,
  createCouncilThroughAdmin,
  expectAccessibleAtEachWidth,
  inviteThroughAdmin,
  uniqueEmail,
} from "./helpers";

test.describe.configure({ mode: "serial" });

test("un·e admin invite un agent : le courriel arrive par SMTP avec un lien vers ce site, le lien crée le compte", async ({ browser }) => {
  const admin = await adminContext(browser);
  const page = await admin.newPage();
  const email = uniqueEmail("agent");
  const link = await inviteThroughAdmin(page, email, ["Modération"]);
  expect(link.startsWith(`${baseURL}/invitation/`)).toBe(true);
  const mail = await waitForMail(email, /Invitation/);
  expect(mail.subject).toBe("Invitation à l'équipe — Projet social communal — Ville d'Aurillac");
  expect(mail.text).toContain("modérateur·rice");

  const account = await acceptInvitation(browser, link, email, "Agent Test");
  // The new person appears in the list, with the role the invitation gave.
  await page.goto(`/admin/utilisateurs?recherche=${encodeURIComponent(email)}`);
  const card = page.getByRole("listitem").filter({ hasText: email });
  await expect(card.getByRole("link", { name: "Agent Test" })).toBeVisible();
  await expect(card.getByText("Modération", { exact: true })).toBeVisible();
  await account.context.close();
  await admin.close();
});

test("une personne désactivée est déconnectée tout de suite", async ({ browser }) => {
  const admin = await adminContext(browser);
  const adminPage = await admin.newPage();
  const email = uniqueEmail("a-desactiver");
  const link = await inviteThroughAdmin(adminPage, email, ["Administration"]);
  const person = await acceptInvitation(browser, link, email, "Personne à désactiver");

  // Context B: the new person, signed in, sees the administration.
  const personPage = await person.context.newPage();
  await personPage.goto("/admin");
  await expect(personPage.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();

  // Context A: the admin deactivates them, with a reason.
  await adminPage.goto(`/admin/utilisateurs?recherche=${encodeURIComponent(email)}`);
  await adminPage.getByRole("link", { name: "Personne à désactiver" }).click();
  await expect(adminPage.getByRole("heading", { level: 1, name: "Personne à désactiver" })).toBeVisible();
  const form = adminPage.getByRole("form", { name: "Désactiver le compte" });
  // No reason: refused, next to the field.
  await form.getByRole("button", { name: "Désactiver le compte" }).click();
  await expect(form.getByText("Indiquez la raison")).toBeVisible();
  await form.getByLabel("Raison (obligatoire)").fill("Test de désactivation");
  await form.getByRole("button", { name: "Désactiver le compte" }).click();
  await expect(adminPage.getByRole("status").filter({ hasText: "Le compte est désactivé" })).toBeVisible();
  await expect(adminPage.getByRole("button", { name: "Réactiver le compte" })).toBeVisible();
  // The page says when the retention job will erase it (the period is a setting: any number of years).
  await expect(
    adminPage.getByText(/^Effacé automatiquement à partir du \d{1,2}(er)? \S+ \d{4}, s'il n'est pas réactivé d'ici là/),
  ).toBeVisible();

  // B's very next request: signed out, sent to the sign-in page.
  await personPage.goto("/admin");
  await expect(personPage).toHaveURL(/\/connexion\?callbackUrl=%2Fadmin/);
  await person.context.close();
  await admin.close();
});

test("désactiver la seule personne référente d'un conseil : la page demande d'abord qui reprend ce rôle (issue 11)", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await adminContext(browser);
  const page = await admin.newPage();
  const councilName = `Conseil Reprise ${Date.now().toString(36)}`;
  const councilPage = `/admin/conseils/${await createCouncilThroughAdmin(page, councilName)}`;

  // Its referent and one member, invited from the council's page and accepted.
  const invite = async (label: string, role: "Référent·e" | "Membre") => {
    await page.goto(councilPage);
    const form = page.getByRole("form", { name: "Inviter une personne" });
    const email = uniqueEmail(label);
    await form.getByLabel("Adresse électronique de la personne").fill(email);
    await form.getByRole("radio", { name: new RegExp(`^${role}`) }).check();
    await form.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await expect(form.getByRole("status")).toContainText(`Invitation envoyée à ${email}`);
    const link = (await waitForMail(email, /Invitation/)).text.match(/http\S+\/invitation\/\S+/)![0];
    const account = await acceptInvitation(browser, link, email, `${label} ${email.slice(label.length + 1, label.length + 7)}`);
    await account.context.close();
    return account;
  };
  const referent = await invite("rita", "Référent·e");
  const member = await invite("marc", "Membre");

  await page.goto(`/admin/utilisateurs?recherche=${encodeURIComponent(referent.email)}`);
  await page.getByRole("link", { name: referent.displayName }).click();
  const handOver = page.getByRole("region", { name: "Qui reprend le rôle de référent·e ?" });
  await expect(handOver).toContainText("seule référente de ce conseil");
  await expectAccessibleAtEachWidth(page);

  // Deactivating first is refused, with what to do; nothing changes.
  const deactivate = page.getByRole("form", { name: "Désactiver le compte" });
  await deactivate.getByLabel("Raison (obligatoire)").fill("A déménagé");
  await deactivate.getByRole("button", { name: "Désactiver le compte" }).click();
  await expect(page.getByRole("main").getByRole("alert").filter({ hasText: "Choisissez d'abord qui reprend ce rôle" })).toBeVisible();
  await expect(deactivate.getByLabel("Raison (obligatoire)")).toHaveValue("A déménagé");

  // The member takes over; then the deactivation goes through.
  const successor = handOver.getByRole("form", { name: `Qui reprend le rôle de référent·e de ${councilName}` });
  await successor.getByLabel(`Nouvelle personne référente de « ${councilName} »`).selectOption({ label: member.displayName });
  await successor.getByRole("button", { name: "Nommer référent·e" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "vous pouvez désactiver ce compte" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Qui reprend le rôle de référent·e ?" })).toHaveCount(0);
  await page.getByRole("form", { name: "Désactiver le compte" }).getByLabel("Raison (obligatoire)").fill("A déménagé");
  await page.getByRole("form", { name: "Désactiver le compte" }).getByRole("button", { name: "Désactiver le compte" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le compte est désactivé" })).toBeVisible();
  await admin.close();
});
