import { expect, test } from "@playwright/test";
import { actionSeeds, planSeed, sharedAction, themeHeading, themeSeeds } from "../support/public-paths";

/*
 * The home page gives the themes; « Le plan » (/plan, linked from the home page and the menu) lists
 * every fiche under each of its themes. e2e/public/home.spec.ts counts the taps from the home page.
 */

test("chaque fiche action du document source a un lien depuis « Le plan » qui mène à sa page", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/plan");

  // Every fiche of the source is linked; a fiche the City added since (other specs add some through
  // the administration) is linked too, and no link is broken.
  const ficheHrefs = new Set(
    await page.locator('main a[href^="/fiches/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href")!)),
  );
  const seeded = new Set(actionSeeds.map((a) => `/fiches/${a.slug}`));
  expect([...seeded].filter((href) => !ficheHrefs.has(href))).toEqual([]);
  for (const href of ficheHrefs) if (!seeded.has(href)) expect((await page.request.get(href)).status(), href).toBe(200);

  // Under the themes, each fiche is listed once per theme (the late and coming deadlines link to it too).
  const themesRegion = page.getByRole("region", { name: /thématiques et leurs fiches actions$/ });
  for (const action of actionSeeds) {
    const links = themesRegion.getByRole("link", { name: action.title, exact: true });
    await expect(links).toHaveCount(action.themes.length);
    await links.first().click();
    await expect(page).toHaveURL(`/fiches/${action.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: action.title })).toBeVisible();
    await page.goBack();
    await expect(page.getByRole("heading", { level: 1, name: "Le plan : toutes les fiches actions" })).toBeVisible();
  }
});

test("chaque fiche est listée sous chacune de ses thématiques, la fiche partagée sous les deux", async ({ page }) => {
  await page.goto("/plan");
  for (const theme of themeSeeds) {
    const region = page.getByRole("region", { name: themeHeading(theme), exact: true });
    await expect(region.getByRole("link", { name: themeHeading(theme), exact: true })).toHaveAttribute(
      "href",
      `/thematiques/${theme.slug}`,
    );
    const expected = actionSeeds
      .flatMap((a) => a.themes.filter(([n]) => n === theme.number).map(([, position]) => ({ title: a.title, position })))
      .sort((a, b) => a.position - b.position)
      .map((a) => a.title);
    await expect(region.getByRole("listitem").getByRole("link")).toHaveText(expected);
  }

  expect(sharedAction.themes.length).toBe(2);
  for (const [number] of sharedAction.themes) {
    const theme = themeSeeds.find((t) => t.number === number)!;
    await expect(
      page.getByRole("region", { name: themeHeading(theme), exact: true }).getByRole("link", { name: sharedAction.title, exact: true }),
    ).toHaveAttribute("href", `/fiches/${sharedAction.slug}`);
  }
});

test("« Le plan » dit honnêtement combien de fiches le document annonce, liste et contient", async ({ page }) => {
  await page.goto("/plan");
  const listed = actionSeeds.reduce((n, a) => n + a.themes.length, 0);
  const distinct = actionSeeds.length;
  const note = page.getByText(/Le document source annonce/);
  await expect(note).toContainText(`${planSeed.announcedActionCount} fiches actions, mais n'en liste que ${listed} entrées`);
  await expect(page.getByText(`« ${sharedAction.title} », figure à la fois sous la thématique 1 et sous la thématique 2`)).toBeVisible();
  await expect(page.getByText(`cela fait ${distinct} fiches actions distinctes`)).toBeVisible();
  // Fiches the City adds (/admin/plan, issue 11; other specs add some) count against the missing ones.
  const added = await page.getByText(/La Ville a ajouté \d+ fiches? actions? sur ce site/).count();
  if (added === 0)
    await expect(
      page.getByText(`Les ${planSeed.announcedActionCount - distinct} fiches manquantes n'ont pas encore été publiées`),
    ).toBeVisible();
});
