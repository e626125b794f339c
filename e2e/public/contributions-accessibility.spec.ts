import { expect, test } from "@playwright/test";
import { expectAccessibleAtEachWidth } from "../support/accessibility";
import { council1 } from "../council/helpers";

/*
 * The public pages that list contributions, with answers, supports and figures (the demo seed
 * publishes a proposal with two answers and two supports on « accompagnement-parentalite »).
 * The home page and council n°1's page are scanned, in the same state, by public/accessibility.spec.ts
 * and council/accessibility.spec.ts: axe runs once per page state.
 */
const pages = [
  "/thematiques/petite-enfance-enfance-jeunesse",
  "/fiches/accompagnement-parentalite",
  "/fiches/accompagnement-parentalite/contributions/1",
  `/conseils/${council1.slug}/contributions/1`,
];

test("axe: the public pages with contributions, answers and supports (1280 and 320 px)", async ({ page }) => {
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expectAccessibleAtEachWidth(page);
  }
});

test("« Le plan » and each fiche give the City's answers in figures; the theme lists count each fiche's avis and propositions", async ({
  page,
}) => {
  const figures = /\d+ répondues?, \d+ en attente, \d+ en retard ; délai médian de réponse : /;
  await page.goto("/plan");
  await expect(page.getByRole("region", { name: "Avis et propositions des conseils de quartier" })).toContainText(figures);
  await expect(page.getByRole("region", { name: "Avis et propositions des conseils de quartier" })).toContainText(
    /Publiés sur l'ensemble des fiches : \d+ avis, \d+ propositions?\./,
  );
  await page.goto("/fiches/accompagnement-parentalite");
  await expect(page.getByRole("region", { name: "Avis et propositions des conseils de quartier" })).toContainText(
    /Publiés : \d+ avis, \d+ propositions?\./,
  );
  await page.goto("/thematiques/petite-enfance-enfance-jeunesse");
  await expect(page.getByText(/^Conseils de quartier : \d+ avis, \d+ propositions?$/).first()).toBeVisible();
});
