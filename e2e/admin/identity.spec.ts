import { expect, test } from "@playwright/test";
import { adminContext, expectAccessibleAtEachWidth } from "./helpers";

/*
 * The City's identity, its logo and the legal pages' texts, as an admin sets them (issue 11, point 5).
 * Settings are global and other specs run at the same time, reading « Ville d'Aurillac » in every
 * header: this spec changes only what no other spec reads (the contact address, the logo, the
 * accessibility derogations) and puts each back. The names themselves, the permissions and the
 * journal rows are tested in tests/integration/city-identity.test.ts.
 */
const unique = (label: string) => `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="18" fill="#fff"/></svg>`;

test("l'administration donne une adresse de contact et un logo à la Ville : chaque page les montre ; un SVG avec script est refusé", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await adminContext(browser);
  const page = await admin.newPage();
  await page.goto("/admin/parametres");
  await page.waitForLoadState("networkidle");
  const identity = page.getByRole("form", { name: "Identité de la Ville" });
  await expect(identity.getByLabel("Nom de la Ville")).toHaveValue("Ville d'Aurillac");
  await expectAccessibleAtEachWidth(page);

  const contact = identity.getByLabel("Adresse de contact (facultatif)");
  const contactBefore = await contact.inputValue();
  const logo = page.getByRole("form", { name: "Logo de la Ville" });
  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  try {
    // The names are required, with a French message next to the field and the typed text kept.
    await identity.getByLabel("Nom du service").fill("");
    await identity.getByRole("button", { name: "Enregistrer l'identité" }).click();
    await expect(identity.getByText("Indiquez le nom du service (par exemple « Projet social communal »).")).toBeVisible();
    await identity.getByLabel("Nom du service").fill("Projet social communal");

    const address = `Mairie, ${unique("bureau")}, place de l'Hôtel de ville`;
    await contact.fill(address);
    await identity.getByRole("button", { name: "Enregistrer l'identité" }).click();
    await expect(identity.getByRole("status")).toHaveText("Les paramètres sont enregistrés.");
    await publicPage.goto("/mentions-legales");
    await expect(publicPage.getByRole("contentinfo")).toContainText(address);
    await expect(publicPage.getByRole("main")).toContainText(address);

    // A file that is no image, then an SVG with a script: refused, in French, nothing changes.
    await logo
      .getByLabel("Ajouter un logo")
      .setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("pas une image") });
    await logo.getByRole("button", { name: "Enregistrer le logo" }).click();
    await expect(logo.getByText("Ce fichier n'est ni une image PNG ni une image SVG.", { exact: false }).first()).toBeVisible();
    await logo.getByLabel("Ajouter un logo").setInputFiles({
      name: "logo.svg",
      mimeType: "image/svg+xml",
      buffer: Buffer.from(LOGO_SVG.replace("</svg>", "<script>alert(1)</script></svg>")),
    });
    await logo.getByRole("button", { name: "Enregistrer le logo" }).click();
    await expect(logo.getByText("Ce fichier SVG contient du script", { exact: false }).first()).toBeVisible();
    await expect(publicPage.getByRole("banner").locator("img")).toHaveCount(0);

    // A clean SVG: every page's header shows it, from an address that never changes.
    await logo.getByLabel("Ajouter un logo").setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from(LOGO_SVG) });
    await logo.getByRole("button", { name: "Enregistrer le logo" }).click();
    await expect(logo.getByRole("status")).toHaveText("Le logo est enregistré.");
    await publicPage.goto("/");
    const img = publicPage.getByRole("banner").locator("img");
    await expect(img).toHaveAttribute("src", /^\/identite\/logo-[0-9a-f]{20}\.svg$/);
    await expect(img).toHaveAttribute("alt", "");
    await expect(publicPage.getByRole("banner").getByRole("link", { name: "Projet social communal — Ville d'Aurillac" })).toBeVisible();
    const response = await publicPage.request.get((await img.getAttribute("src"))!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/svg+xml");
    expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(response.headers()["content-security-policy"]).toContain("sandbox");
    expect(await response.text()).toBe(LOGO_SVG);
    await expectAccessibleAtEachWidth(publicPage);
    // Another address, even a near one, is not found.
    expect((await publicPage.request.get("/identite/logo-00000000000000000000.svg")).status()).toBe(404);
  } finally {
    await page.goto("/admin/parametres");
    await page.waitForLoadState("networkidle");
    const remove = page.getByRole("form", { name: "Retirer le logo" });
    if (await remove.count()) {
      await remove.getByRole("button", { name: "Retirer le logo" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Le logo est retiré." })).toBeVisible();
      await expect(remove).toHaveCount(0);
    }
    await page.goto("/admin/parametres");
    await page.waitForLoadState("networkidle");
    await page.getByRole("form", { name: "Identité de la Ville" }).getByLabel("Adresse de contact (facultatif)").fill(contactBefore);
    await page.getByRole("form", { name: "Identité de la Ville" }).getByRole("button", { name: "Enregistrer l'identité" }).click();
    await expect(page.getByRole("form", { name: "Identité de la Ville" }).getByRole("status")).toHaveText(
      /Les paramètres sont enregistrés\.|Rien n'a changé\./,
    );
  }
  await publicPage.goto("/");
  await expect(publicPage.getByRole("banner").locator("img")).toHaveCount(0);
  await visitor.close();
  await admin.close();
});

test("l'administration écrit les contenus non accessibles de la déclaration : texte et liens, jamais de HTML", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await adminContext(browser);
  const page = await admin.newPage();
  await page.goto("/admin/parametres");
  await page.waitForLoadState("networkidle");
  const legal = page.getByRole("form", { name: "Pages légales" });
  const field = legal.getByLabel("Contenus non accessibles et dérogations (facultatif)");
  const before = await field.inputValue();
  const marker = unique("derogation");
  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  const dialogs: string[] = [];
  publicPage.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  try {
    await field.fill(
      `Les vidéos de ${marker} n'ont pas de sous-titres.\n\n<img src=x onerror=alert(1)> [le référentiel](https://accessibilite.numerique.gouv.fr/) [piège](javascript:alert(2))`,
    );
    await legal.getByRole("button", { name: "Enregistrer les pages légales" }).click();
    await expect(legal.getByRole("status")).toHaveText("Les paramètres sont enregistrés.");
    await publicPage.goto("/accessibilite");
    const main = publicPage.getByRole("main");
    await expect(main.getByRole("heading", { level: 2, name: "Contenus non accessibles" })).toBeVisible();
    await expect(main.getByText(`Les vidéos de ${marker} n'ont pas de sous-titres.`)).toBeVisible();
    await expect(main.getByRole("link", { name: "le référentiel" })).toHaveAttribute("href", "https://accessibilite.numerique.gouv.fr/");
    await expect(main.getByText("<img src=x onerror=alert(1)>", { exact: false })).toBeVisible();
    await expect(main.getByRole("link", { name: "piège" })).toHaveCount(0);
    await expect(main.locator("img")).toHaveCount(0);
    await expectAccessibleAtEachWidth(publicPage);
    expect(dialogs).toEqual([]);
  } finally {
    await page.goto("/admin/parametres");
    await page.waitForLoadState("networkidle");
    await page.getByRole("form", { name: "Pages légales" }).getByLabel("Contenus non accessibles et dérogations (facultatif)").fill(before);
    await page.getByRole("form", { name: "Pages légales" }).getByRole("button", { name: "Enregistrer les pages légales" }).click();
    await expect(page.getByRole("form", { name: "Pages légales" }).getByRole("status")).toHaveText(
      /Les paramètres sont enregistrés\.|Rien n'a changé\./,
    );
  }
  await visitor.close();
  await admin.close();
});
