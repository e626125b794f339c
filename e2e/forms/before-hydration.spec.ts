import { expect, test, type Locator, type Page } from "@playwright/test";
import { demo, signedInContext } from "../support/auth";
import { marker } from "../contributions/helpers";
import { pendingFeedback } from "../moderation/helpers";

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

/*
 * Typing while React hydrates the form, not before: React renders the hook (which reads what was
 * typed so far), then hydrates each field — for a textarea holding the server's text, it writes
 * that text back into it, erasing what was typed meanwhile — and react-hook-form writes its
 * defaults into the fields at commit. A person typing on a slow phone lands in that window (a
 * fresh-clone check lost a correction typed into a pending avis). This test types exactly there:
 * when React hydrates the field (it sets the field's `defaultValue`), the page types into it, as a
 * person would (value changed, `input` event).
 */
test("what is typed while React hydrates the form is kept too", async ({ browser }) => {
  const context = await signedInContext(browser, demo.member1);
  const setUp = await context.newPage();
  const body = `Avis à corriger pendant l'hydratation. ${marker("pendant-hydratation")}`;
  const id = await pendingFeedback(setUp, body);
  await setUp.close();

  const page = await context.newPage();
  const corrected = `${body} Corrigé pendant l'hydratation.`;
  await page.addInitScript((text) => {
    const descriptor = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "defaultValue")!;
    Object.defineProperty(HTMLTextAreaElement.prototype, "defaultValue", {
      ...descriptor,
      set(this: HTMLTextAreaElement, value: string) {
        const typedOnce = window as unknown as { typedDuringHydration?: boolean };
        // React's hydration is the first script to set it (the HTML parser does not go through it).
        if (this.name === "body" && !typedOnce.typedDuringHydration) {
          typedOnce.typedDuringHydration = true;
          this.value = text;
          this.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: "." }));
        }
        descriptor.set!.call(this, value);
      },
    });
  }, corrected);
  await page.goto(`/espace/conseils/conseil-de-quartier-1/contributions/${id}/modifier`);
  const form = page.getByRole("form", { name: "Modifier l'avis" });
  await hydrated(form).toBe(true);
  // The page did type during hydration (else this test proves nothing).
  expect(await page.evaluate(() => (window as unknown as { typedDuringHydration?: boolean }).typedDuringHydration)).toBe(true);
  await expect(form.getByLabel("Les raisons du conseil")).toHaveValue(corrected);
  await form.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByRole("region", { name: /^En attente de modération/ })).toContainText("Corrigé pendant l'hydratation.");
  await context.close();
});
