import { expect, test } from "@playwright/test";
import { demo } from "../support/auth";
import { tabUntilFocused } from "../support/keyboard";
import { acceptForm, council1, inviteThroughSpace, signedInContext, uniqueEmail } from "./helpers";

test("accepter une invitation au clavier seul", async ({ browser }) => {
  test.setTimeout(60_000);
  const referent = await signedInContext(browser, demo.referent1);
  const link = await inviteThroughSpace(await referent.newPage(), uniqueEmail("clavier"));
  await referent.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  const form = acceptForm(page);
  const name = form.getByLabel("Votre nom, tel que les autres le verront");

  // From the top of the page, Tab to the first field, then through the form in order.
  await tabUntilFocused(page, name);
  await page.keyboard.type("Claude Clavier");
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Choisissez un mot de passe")).toBeFocused();
  await page.keyboard.type("les volcans d'auvergne au loin");
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Afficher le mot de passe")).toBeFocused();
  await page.keyboard.press("Space");
  await expect(form.getByLabel("Choisissez un mot de passe")).toHaveAttribute("type", "text");
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Le même mot de passe, une seconde fois")).toBeFocused();
  await page.keyboard.type("les volcans d'auvergne au loin");
  await page.keyboard.press("Tab");
  const submit = form.getByRole("button", { name: "Créer mon compte et rejoindre" });
  await expect(submit).toBeFocused();
  // The focus is visible (an outline), not only for the mouse.
  expect(await submit.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL("/espace?bienvenue=1", { timeout: 15_000 });
  const councilLink = page.getByRole("main").getByRole("link", { name: council1.name });
  await tabUntilFocused(page, councilLink);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: council1.name })).toBeVisible();
  await context.close();
});
