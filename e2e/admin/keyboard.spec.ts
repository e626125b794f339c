import { expect, test } from "@playwright/test";
import { tabUntilFocused } from "../support/keyboard";
import { adminContext, createStaffAccount } from "./helpers";

test("au clavier seul, un·e admin change le rôle d'une personne", async ({ browser }) => {
  const admin = await adminContext(browser);
  const page = await admin.newPage();
  // A person of our own (invited and accepted), so no other test's account changes.
  const person = await createStaffAccount(browser, page, "clavier", ["Élu·e"]);
  await person.context.close();

  await page.goto("/admin/utilisateurs");
  // Search with the keyboard.
  const search = page.getByLabel("Nom ou adresse électronique");
  await tabUntilFocused(page, search);
  await page.keyboard.type(person.email);
  await page.keyboard.press("Enter");
  const link = page.getByRole("link", { name: person.displayName });
  await expect(link).toBeVisible();
  await tabUntilFocused(page, link);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: person.displayName })).toBeVisible();

  const form = page.getByRole("form", { name: "Changer les rôles" });
  const moderation = form.getByRole("checkbox", { name: "Modération" });
  await tabUntilFocused(page, moderation);
  await page.keyboard.press("Space");
  await expect(moderation).toBeChecked();
  // The focus is visible (the outline is not none).
  expect(await moderation.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");

  await tabUntilFocused(page, form.getByLabel("Raison (obligatoire)"));
  await page.keyboard.type("Renfort de la modération");
  await tabUntilFocused(page, form.getByRole("button", { name: "Enregistrer les rôles" }));
  await page.keyboard.press("Enter");
  await expect(form.getByRole("status")).toHaveText("Les rôles ont été modifiés.");

  // The page shows the new roles, and the journal says who, what and why.
  await expect(page.getByRole("definition").filter({ hasText: "Modération" })).toBeVisible();
  const journal = page.getByRole("region", { name: "Journal" });
  await expect(journal.getByText("Rôles : Élu·e → Modération, Élu·e")).toBeVisible();
  await expect(journal.getByText("Renfort de la modération")).toBeVisible();
  await admin.close();
});
