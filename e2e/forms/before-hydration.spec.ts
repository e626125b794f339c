import { expect, test, type Locator, type Page } from "@playwright/test";
import { demo, signedInContext } from "../support/auth";
import { marker } from "../contributions/helpers";

/*
 * A slow phone: the form is on screen, its JavaScript is still coming, and the person already
 * chooses and types. Once React hydrates the form, all of it must still be there and be sent —
 * react-hook-form writes its default values into the fields it registers, which used to undo a
 * radio ticked before hydration (seen in CI).
 */

/** The page's scripts are held back until `release()`: the page shows, nothing is hydrated. */
async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  // Scripts only: the stylesheets live beside them and must come (the page is shown).
  await page.route(/\/_next\/static\/chunks\/.*\.js(\?|$)/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const hydrated = (form: Locator) =>
  expect.poll(() => form.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactFiber"))), { timeout: 30_000 });

test("what is typed and chosen before hydration is kept and sent once the page is interactive", async ({ browser }) => {
  const context = await signedInContext(browser, demo.member1);
  const page = await context.newPage();
  const release = await holdScripts(page);
  await page.goto("/espace/conseils/conseil-de-quartier-1/contributions/nouvelle?type=avis", { waitUntil: "commit" });
  const form = page.getByRole("form", { name: "Nouvel avis" });
  const body = `Avis écrit avant l'hydratation. ${marker("avant-hydratation")}`;
  await form.getByLabel("Fiche action concernée").selectOption({ label: "Assurer le pilotage du projet social" });
  await form.getByLabel("Favorable avec réserves").check();
  await form.getByLabel("Les raisons du conseil").fill(body);
  await hydrated(form).toBe(false);

  release();
  await hydrated(form).toBe(true);
  await expect(form.getByLabel("Favorable avec réserves")).toBeChecked();
  await expect(form.getByLabel("Les raisons du conseil")).toHaveValue(body);
  await expect(form.getByLabel("Fiche action concernée")).toHaveValue("pilotage-projet-social");

  // Sent by React now: the draft holds the three choices.
  await form.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page).toHaveURL(/\/contributions\?enregistre=\d+/);
  const draft = page
    .getByRole("region", { name: /^Brouillons/ })
    .getByRole("article")
    .filter({ hasText: body });
  await expect(draft).toContainText("Assurer le pilotage du projet social");
  await expect(draft).toContainText("Avis favorable avec réserves");
  await context.close();
});
