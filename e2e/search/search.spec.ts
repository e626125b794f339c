import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../support/accessibility";
import { actionSeeds } from "../support/public-paths";

/*
 * Issue 13: a resident finds the parenting fiche by typing « parentalite » (no accent) on a phone,
 * from the header's search, with and without JavaScript; the search page's messages; odd addresses.
 */
const parenting = actionSeeds.find((a) => a.slug === "accompagnement-parentalite")!;
const phone = { width: 320, height: 640 };

async function searchFromHeader(page: Page, submit: "Enter" | "button") {
  await page.setViewportSize(phone);
  await page.goto("/");
  const header = page.getByRole("banner");
  // On a phone the header's search is in its « Menu » (a <details>: it opens without JavaScript).
  await header.getByText("Menu", { exact: true }).click();
  const field = header.getByRole("searchbox", { name: "Mots à rechercher" });
  await field.fill("parentalite");
  if (submit === "Enter") await field.press("Enter");
  else await header.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/\/recherche\?q=parentalite$/);
  await expect(page.getByRole("heading", { level: 2, name: /^\d+ résultats? pour « parentalite »$/ })).toBeVisible();
  // The words stay in the page's field, ready to be changed.
  await expect(page.getByRole("main").getByRole("searchbox", { name: "Mots à rechercher" })).toHaveValue("parentalite");
  const fiches = page.getByRole("region", { name: /^Fiches actions/ });
  // The accented word the unaccented query matched is highlighted.
  await expect(fiches.locator("mark", { hasText: "parentalité" }).first()).toBeVisible();
  await fiches.getByRole("link", { name: parenting.title, exact: true }).click();
  await expect(page).toHaveURL(`/fiches/${parenting.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: parenting.title })).toBeVisible();
}

test("sur un téléphone, « parentalite » tapé dans l'en-tête mène à la fiche sur la parentalité (avec JavaScript)", async ({ page }) => {
  await searchFromHeader(page, "Enter");
});

test.describe("sans JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("sur un téléphone, « parentalite » tapé dans l'en-tête mène à la fiche sur la parentalité", async ({ page }) => {
    await searchFromHeader(page, "button");
  });

  test("les filtres s'appliquent par le même formulaire, et les liens de type gardent les mots", async ({ page }) => {
    await page.goto("/recherche?q=familles");
    await page.getByText("Affiner la recherche").click();
    await page.getByLabel("Type de résultat").selectOption({ label: "Fiches actions" });
    await page.getByRole("button", { name: "Appliquer les filtres" }).click();
    await expect(page).toHaveURL(/\/recherche\?q=familles&type=fiches/);
    const results = page.getByRole("region", { name: /résultats? pour « familles »/ });
    await expect(results.getByRole("region")).toHaveCount(1);
    await expect(results.getByRole("heading", { level: 3 })).toHaveText(/^Fiches actions/);
    await results.getByRole("link", { name: "Tous les types" }).click();
    await expect(page).toHaveURL(/\/recherche\?q=familles$/);
  });
});

test("au clavier, depuis l'en-tête : taper, Entrée, puis atteindre le premier résultat", async ({ page }) => {
  await page.goto("/demarche");
  const field = page.getByRole("banner").getByRole("searchbox", { name: "Mots à rechercher" });
  await field.focus();
  await page.keyboard.type("parentalite");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/recherche\?q=parentalite$/);
  const first = page
    .getByRole("region", { name: /^Fiches actions/ })
    .getByRole("link")
    .first();
  for (let i = 0; i < 40 && !(await first.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(first).toBeFocused();
});

test("rien de trouvé : le dire, proposer de vérifier l'orthographe ; page accessible à 320 px", async ({ page }) => {
  await page.setViewportSize(phone);
  await page.goto("/recherche?q=xqzwv");
  await expect(page.getByRole("heading", { level: 2, name: "Aucun résultat pour « xqzwv »" })).toBeVisible();
  await expect(page.getByText("Vérifiez l'orthographe des mots.")).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Mots à rechercher" })).toHaveValue("xqzwv");
  await expectAccessible(page, phone.width);
});

test("une faute de frappe : les résultats du mot le plus proche, et la page le dit", async ({ page }) => {
  await page.goto("/recherche?q=parentalitee");
  await expect(page.getByText("Aucun résultat pour « parentalitee ». Voici les résultats pour « parentalité »")).toBeVisible();
  await expect(page.getByRole("link", { name: parenting.title, exact: true })).toBeVisible();
});

test("des adresses de recherche inattendues ne cassent rien (jamais d'erreur 500)", async ({ page }) => {
  const long = "a".repeat(201);
  const response = await page.goto(`/recherche?q=${long}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Votre recherche est trop longue : 201 caractères, 200 au plus.")).toBeVisible();
  // Written as they travel in an address: quotes, operators, stop words only, an emoji, a NUL byte, a tag.
  for (const raw of ["%22", "-", "%3A*", "%26%7C!", "les", "de+la", "%F0%9F%98%80", "%00", "%3Cscript%3E", "'--", "a%3A*+%26+!b"]) {
    const odd = await page.goto(`/recherche?q=${raw}`);
    expect(odd?.status(), raw).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Rechercher" })).toBeVisible();
  }
  // A broken percent-encoding is the server's to refuse, not the search's to crash on.
  expect((await page.goto("/recherche?q=%E0%A4%A"))?.status()).toBeLessThan(500);
  for (const query of [
    "q=famille&page=999999",
    "q=famille&page=-1",
    "q=famille&type=inconnu",
    "q=famille&thematique=%2F..",
    "q[]=a&q[]=b",
  ]) {
    expect((await page.goto(`/recherche?${query}`))?.status(), query).toBe(200);
  }
});
