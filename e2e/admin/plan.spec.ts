import { expect, test } from "@playwright/test";
import { adminContext, expectAccessibleAt as a11y } from "./helpers";

/*
 * Issue 11, points 1 and 2: an admin adds a theme and renames it, adds a fiche to it with a summary
 * in plain words (the hints follow the typing, without a request), edits it, archives it, moves a
 * second theme before the first and archives the first — and the public pages show each change at once (they are cached: the form refreshes them). Every new page
 * passes axe at 320 and 1280 px.
 *
 * Shared server and database: the spec works on a theme and a fiche of its own, and archives the
 * fiche at the end (the home page's counts of the source's fiches stay as seeded).
 */

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("un·e admin ajoute une thématique et une fiche, écrit son résumé en mots simples : le site public les montre aussitôt", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await adminContext(browser);
  const page = await admin.newPage();
  const visitor = await browser.newPage();
  const themeTitle = `Thématique de test ${unique()}`;

  // A theme, then renamed.
  await page.goto("/admin/plan");
  const createTheme = page.getByRole("form", { name: "Ajouter une thématique" });
  await createTheme.getByLabel("Titre").fill(themeTitle);
  await createTheme.getByRole("button", { name: "Ajouter la thématique" }).click();
  await expect(createTheme.getByRole("status")).toContainText(`« ${themeTitle} » est ajoutée au plan`);
  await page.getByRole("link", { name: `Modifier la thématique « ${themeTitle} »` }).click();
  await page.waitForURL(/\/admin\/plan\/thematiques\/\d+$/);
  const themePath = new URL(page.url()).pathname;
  const themeId = themePath.split("/").at(-1)!;
  const publicThemePath = (await page.getByRole("link", { name: "Voir sa page publique" }).getAttribute("href"))!;
  await visitor.goto(publicThemePath);
  await expect(visitor.getByRole("heading", { level: 1 })).toContainText(themeTitle);
  const editTheme = page.getByRole("form", { name: "Modifier la thématique" });
  await editTheme.getByLabel("Titre").fill(`${themeTitle} (renommée)`);
  await editTheme.getByLabel("Description (facultative)").fill("Une thématique ajoutée par la Ville.");
  await editTheme.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(editTheme.getByRole("status")).toContainText("est modifiée");
  await visitor.goto(publicThemePath);
  await expect(visitor.getByRole("heading", { level: 1 })).toContainText(`${themeTitle} (renommée)`);
  await expect(visitor.getByText("Une thématique ajoutée par la Ville.")).toBeVisible();

  // A fiche in it: the hints follow the summary as it is typed.
  await page.goto(`/admin/plan/fiches/nouvelle?thematique=${themeId}`);
  const form = page.getByRole("form", { name: "Ajouter une fiche action" });
  const hints = form.getByTestId("conseils-mots-simples");
  await expect(hints).toContainText("Phrase la plus longue : 0 mot");
  const ficheTitle = `Ouvrir un lieu pour les parents ${unique()}`;
  await form.getByLabel("Titre").fill(ficheTitle);
  const summary = form.getByLabel("En bref, en mots simples (facultatif)");
  await summary.pressSequentially("La Ville ouvre un lieu. Les parents parlent de parentalité.");
  await expect(hints).toContainText("Phrase la plus longue : 5 mots");
  await expect(hints).toContainText("parentalité");
  await summary.fill("La Ville ouvre un lieu. Les parents peuvent venir parler.");
  await expect(hints).toContainText("Aucun mot de plus de 4 syllabes.");
  await expect(form.getByRole("checkbox", { name: new RegExp(`${themeTitle}`) })).toBeChecked();
  await form.getByLabel("Liens (facultatif)").fill("Le site de la Ville https://www.aurillac.fr");
  await form.getByRole("button", { name: "Ajouter la fiche" }).click();
  await page.waitForURL(/\/admin\/plan\/fiches\/\d+\?ajoutee=1$/);
  await expect(page.getByRole("status")).toContainText("La fiche est ajoutée au plan");
  const fichePath = (await page.getByRole("link", { name: "Voir sa page publique" }).getAttribute("href"))!;
  const adminFichePath = new URL(page.url()).pathname;

  await visitor.goto(fichePath);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(ficheTitle);
  const enBref = visitor.getByRole("region", { name: "En bref, en mots simples" });
  await expect(enBref).toContainText("La Ville ouvre un lieu. Les parents peuvent venir parler.");
  await expect(visitor.getByRole("link", { name: "Le site de la Ville" })).toHaveAttribute("href", "https://www.aurillac.fr");
  await visitor.goto(publicThemePath);
  await expect(visitor.getByRole("link", { name: ficheTitle })).toBeVisible();
  // Every fiche is listed on « Le plan » (the home page shows the themes).
  await visitor.goto("/plan");
  await expect(visitor.getByRole("link", { name: ficheTitle }).first()).toBeVisible();

  // Edited: the new text at once, « Modifiée le … » and the earlier version.
  await page.goto(adminFichePath);
  const edit = page.getByRole("form", { name: "Modifier la fiche action" });
  await edit.getByLabel("En bref, en mots simples (facultatif)").fill("La Ville ouvre un lieu pour les parents. Il est gratuit.");
  await edit.getByLabel("Raison (facultative)").fill("Plus simple");
  await edit.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(edit.getByRole("status")).toContainText("est modifiée");
  await expect(page.getByRole("region", { name: "Journal" })).toContainText("Fiche action modifiée");
  await visitor.goto(fichePath);
  await expect(visitor.getByRole("region", { name: "En bref, en mots simples" })).toContainText("Il est gratuit.");
  await expect(visitor.getByText(/^Modifiée le /)).toBeVisible();
  await visitor.getByText("Voir la version précédente").click();
  await expect(visitor.getByText("En bref : La Ville ouvre un lieu. Les parents peuvent venir parler.")).toBeVisible();

  // The new pages, and the public fiche with its new blocks, pass axe at both widths.
  for (const path of ["/admin/plan", "/admin/plan/fiches/nouvelle", adminFichePath, themePath]) await a11y(page, path);
  await a11y(visitor, fichePath);

  // Archived: out of the lists, its page stays and says so.
  await page.goto(adminFichePath);
  const archive = page.getByRole("form", { name: "Archiver la fiche" });
  await archive.getByLabel("Raison (obligatoire)").fill("Fiche de test");
  await archive.getByRole("button", { name: "Archiver la fiche" }).click();
  await expect(page.getByRole("status").filter({ hasText: "est archivée" })).toBeVisible();
  await visitor.goto(fichePath);
  await expect(visitor.getByText("Fiche archivée")).toBeVisible();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(ficheTitle);
  await visitor.goto(publicThemePath);
  await expect(visitor.getByRole("link", { name: ficheTitle })).toHaveCount(0);
  await visitor.goto("/plan");
  await expect(visitor.getByRole("link", { name: ficheTitle })).toHaveCount(0);

  // A second theme, moved up before the first: both swap numbers, on the public pages too.
  await visitor.goto(publicThemePath);
  const firstNumber = Number(
    (await visitor
      .getByRole("navigation", { name: "Fil d'Ariane" })
      .getByText(/^Thématique \d+$/)
      .textContent())!.split(" ")[1],
  );
  const secondTitle = `Thématique seconde ${unique()}`;
  await page.goto("/admin/plan");
  await page.getByRole("form", { name: "Ajouter une thématique" }).getByLabel("Titre").fill(secondTitle);
  await page.getByRole("form", { name: "Ajouter une thématique" }).getByRole("button", { name: "Ajouter la thématique" }).click();
  await expect(page.getByRole("status").filter({ hasText: `« ${secondTitle} » est ajoutée au plan` })).toBeVisible();
  await page.goto("/admin/plan");
  const moveSecond = page.getByRole("form", { name: new RegExp(`^Déplacer « Thématique \\d+ : ${secondTitle} »$`) });
  await moveSecond.getByRole("button", { name: /^Monter/ }).click();
  await expect(page.getByRole("status").filter({ hasText: `« ${secondTitle} » est maintenant la numéro ${firstNumber}` })).toBeVisible();
  await visitor.goto(publicThemePath);
  await expect(visitor.getByRole("navigation", { name: "Fil d'Ariane" })).toContainText(`Thématique ${firstNumber + 1}`);

  // The first theme, which shows no fiche any more, is archived: out of the home page, its page says so.
  await page.goto(themePath);
  const archiveTheme = page.getByRole("form", { name: "Archiver la thématique" });
  await archiveTheme.getByLabel("Raison (obligatoire)").fill("Thématique de test");
  await archiveTheme.getByRole("button", { name: "Archiver la thématique" }).click();
  await expect(page.getByRole("status").filter({ hasText: "est archivée" })).toBeVisible();
  await expect(page.getByText("Thématique archivée").first()).toBeVisible();
  await a11y(page, themePath);
  await visitor.goto("/");
  await expect(visitor.getByRole("link", { name: new RegExp(`${themeTitle}`) })).toHaveCount(0);
  await expect(visitor.getByRole("link", { name: new RegExp(secondTitle) }).first()).toBeVisible();
  await visitor.goto(publicThemePath);
  await expect(visitor.getByText("Thématique archivée")).toBeVisible();
  await expect(visitor.getByRole("heading", { level: 1 })).toContainText(themeTitle);

  await visitor.close();
  await admin.close();
});
