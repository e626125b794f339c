import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demo, signInAs } from "../support/auth";

/*
 * The administration's forms without JavaScript (a slow phone before hydration looks the same):
 * the browser posts them to their server action, never a GET carrying the fields, and the page
 * it gets back says what happened, with what was typed still there after a refusal.
 */
test.use({ javaScriptEnabled: false });

/** Every address the page asks for, to check that no typed value ever lands in one. */
function requestedUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

test("sans JavaScript, un·e admin crée puis archive un conseil ; aucune valeur saisie n'apparaît dans une adresse", async ({
  context,
  page,
}) => {
  await signInAs(context, demo.admin, DEMO_PASSWORD);
  const urls = requestedUrls(page);
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const name = `Conseil sans JS ${tag}`;
  const area = `Quartier ${tag}`;
  const reason = `Raison ${tag}`;

  await page.goto("/admin/conseils");
  let form = page.getByRole("form", { name: "Créer un conseil" });
  await form.getByLabel("Nom du conseil").fill(name);
  await form.getByLabel("Numéro (facultatif)").fill("sept");
  await form.getByLabel("Quartier (facultatif)").fill(area);
  await form.getByRole("button", { name: "Créer le conseil" }).click();
  // Refused: the messages, and what was typed, come back with the page.
  form = page.getByRole("form", { name: "Créer un conseil" });
  await expect(form.getByRole("alert")).toContainText("Certains champs sont à corriger.");
  await expect(form.getByText("Le numéro est un nombre entier entre 1 et 999.")).toBeVisible();
  await expect(form.getByLabel("Nom du conseil")).toHaveValue(name);
  await expect(form.getByLabel("Quartier (facultatif)")).toHaveValue(area);

  await form.getByLabel("Numéro (facultatif)").fill("");
  await form.getByRole("button", { name: "Créer le conseil" }).click();
  // Created: the council's own page comes next, offering to invite its referent.
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("main").getByRole("status")).toContainText(`Le conseil « ${name} » est créé.`);
  await expect(page.getByRole("form", { name: "Inviter une personne" }).getByRole("radio", { name: /Référent·e/ })).toBeChecked();
  const archive = page.getByRole("form", { name: "Archiver le conseil" });
  await archive.getByLabel("Raison (obligatoire)").fill(reason);
  await archive.getByRole("button", { name: "Archiver le conseil" }).click();
  // The same form now offers to undo, and says what was done.
  const undo = page.getByRole("form", { name: "Rendre le conseil de nouveau visible" });
  await expect(undo.getByRole("status")).toContainText("est archivé");
  await expect(page.getByRole("region", { name: "Journal" }).getByText(reason)).toBeVisible();

  for (const value of [name, area, reason, "sept"]) {
    for (const url of urls) expect(decodeURIComponent(url.replace(/\+/g, " ")), url).not.toContain(value);
  }
});

test("sans JavaScript, une raison manquante est signalée sous le champ et rien n'est fait", async ({ context, page }) => {
  await signInAs(context, demo.admin, DEMO_PASSWORD);
  await page.goto("/admin/utilisateurs?recherche=elu%40demo");
  await page.getByRole("link", { name: "Élise Élue (démo)" }).click();
  const form = page.getByRole("form", { name: "Désactiver le compte" });
  await form.getByRole("button", { name: "Désactiver le compte" }).click();
  const after = page.getByRole("form", { name: "Désactiver le compte" });
  await expect(after.getByRole("alert")).toContainText("Certains champs sont à corriger.");
  await expect(after.getByText("Indiquez la raison")).toBeVisible();
  await expect(after.getByLabel("Raison (obligatoire)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Actif", { exact: true })).toBeVisible();
});
