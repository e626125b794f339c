import { expect, test, type Page } from "@playwright/test";
import { demo } from "../support/auth";
import { council1, newMemberOf, signedInContext, expectAccessibleAtEachWidth } from "../council/helpers";
import { fiche, fichePath, marker } from "../contributions/helpers";
import { checkInert, payloads } from "../support/xss";

/*
 * Issue 11, point 4: a moderator records an avis a council gave on paper, with a scan; it waits in
 * the same queue, the same moderator approves it, and the fiche says where it came from. The scan
 * is for staff only. Every payload goes through the new text field (the author's name as written).
 */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** Fills the recording form of an avis for council n°1 on the fiche (no provenance chosen yet). */
async function fill(page: Page, body: string) {
  await page.goto("/moderation/papier?type=avis");
  const form = page.getByRole("form", { name: "Saisir un avis reçu hors du site" });
  await form.getByLabel("Conseil au nom duquel la contribution a été remise").selectOption({ label: council1.name });
  await form.getByLabel("Fiche action concernée").selectOption(fiche.slug);
  await form.getByLabel("Défavorable", { exact: true }).check();
  await form.getByLabel("Les raisons du conseil").fill(body);
  return form;
}

async function record(page: Page, { body, name, scan }: { body: string; name: string; scan?: Buffer }) {
  const form = await fill(page, body);
  await form.getByLabel("Sur papier (remis en main propre ou déposé)").check();
  await form.getByLabel("Date de réception").fill("2026-11-02");
  await form.getByLabel("Nom de l'auteur (facultatif)").fill(name);
  if (scan)
    await form.getByLabel("Scan du papier (facultatif)").setInputFiles({ name: "avis.pdf", mimeType: "application/pdf", buffer: scan });
  await form.getByRole("button", { name: "Enregistrer et placer en modération" }).click();
  await expect(page).toHaveURL(/\/moderation\?fait=saisie/);
  await expect(page.getByRole("status").first()).toContainText("Contribution saisie");
}

test("a moderator records a paper avis with its scan, approves it, and the fiche shows its provenance", async ({ browser }) => {
  test.setTimeout(180_000);
  const tag = marker("papier");
  const body = `Le conseil a remis cet avis sur papier. ${tag}`;
  const moderator = await signedInContext(browser, demo.moderator);
  const page = await moderator.newPage();

  // A file that is not a PDF, PNG or JPEG by its bytes is refused, what was typed is kept.
  const form = await fill(page, body);
  await form.getByLabel("Par courrier").check();
  await form
    .getByLabel("Scan du papier (facultatif)")
    .setInputFiles({ name: "faux.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
  await form.getByRole("button", { name: "Enregistrer et placer en modération" }).click();
  await expect(form.locator("#papier-scan-erreur")).toHaveText(/PDF, PNG ou JPEG/);
  await expect(form.getByLabel("Les raisons du conseil")).toHaveValue(body);

  await record(page, { body, name: "Jeanne Martin", scan: PDF });
  // The queue narrowed to this fiche: other specs' items may fill its first page.
  await page.goto(`/moderation?fiche=${fiche.slug}&type=avis`);
  const item = page.getByRole("article").filter({ hasText: tag });
  await expect(item).toContainText("Reçu sur papier le 2 novembre 2026 et saisi par la Ville");
  await expect(item).toContainText("rédigé par Jeanne Martin");

  // The scan: for staff, a download that is never sniffed; refused to a member; signed out → sign-in.
  const href = await item.getByRole("link", { name: "Télécharger le scan du papier" }).getAttribute("href");
  expect(href).toMatch(/^\/moderation\/papier\/scan\/\d+$/);
  const scan = await moderator.request.get(href!);
  expect(scan.status()).toBe(200);
  expect(scan.headers()).toMatchObject({
    "content-type": "application/pdf",
    "x-content-type-options": "nosniff",
    "content-disposition": expect.stringMatching(/^attachment; filename="scan-contribution-\d+\.pdf"$/),
  });
  expect(Buffer.from(await scan.body()).equals(PDF)).toBe(true);
  const { context: member } = await newMemberOf(browser, "conseil-de-quartier-2", "papier");
  expect((await member.request.get(href!)).status()).toBe(403);
  // The recording page itself is the staff's: a council member gets « page introuvable ».
  expect((await (await member.newPage()).goto("/moderation/papier"))?.status()).toBe(404);
  const anonymous = await browser.newContext();
  const signedOut = await anonymous.request.get(href!, { maxRedirects: 0 });
  expect(signedOut.status()).toBe(303);
  expect(signedOut.headers().location).toContain("/connexion");

  // The same moderator approves it; the fiche signs it with the council and the name, and says where it came from.
  await item.getByRole("button", { name: "Approuver et publier" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Contribution approuvée : elle est maintenant publique.");
  const publicPage = await anonymous.newPage();
  await publicPage.goto(fichePath);
  const card = publicPage.getByRole("article").filter({ hasText: tag });
  await expect(card).toContainText(`Publié par le ${council1.name}, rédigé par Jeanne Martin`);
  await expect(card).toContainText("Reçu sur papier le 2 novembre 2026 et saisi par la Ville.");
  // Never the scan on a public page.
  const html = await (await anonymous.request.get(fichePath)).text();
  expect(html).not.toContain("/moderation/papier/scan/");
  await Promise.all([moderator.close(), member.close(), anonymous.close()]);
});

test("every payload typed as the author's name is shown as text in the queue and on the fiche", async ({ browser }) => {
  test.setTimeout(240_000);
  const tag = marker("papier-xss");
  const dialogs: string[] = [];
  const moderator = await signedInContext(browser, demo.moderator);
  moderator.on("page", (p) => p.on("dialog", (d) => (dialogs.push(d.message()), d.dismiss())));
  const page = await moderator.newPage();
  // Names of at most 120 characters that together carry every payload.
  const names: string[] = [];
  let current = "";
  for (const p of payloads) {
    if (current && `${current} ${p}`.length > 120) {
      names.push(current);
      current = "";
    }
    current = current ? `${current} ${p}` : p;
  }
  names.push(current);
  const bodies = names.map((_, i) => `Avis sur papier n°${i} au nom piégé. ${tag}`);
  for (const [i, name] of names.entries()) await record(page, { body: bodies[i]!, name });
  await page.goto(`/moderation?fiche=${fiche.slug}&type=avis`);
  for (const name of names) await expect(page.getByRole("main")).toContainText(name);
  await checkInert(page);

  // Approve them all at once, then read the fiche's pages.
  for (const body of bodies)
    await page
      .getByRole("article")
      .filter({ hasText: body })
      .getByRole("checkbox", { name: /Sélectionner/ })
      .check();
  await page.getByRole("button", { name: "Approuver la sélection" }).click();
  await expect(page.getByRole("status").first()).toContainText(`${names.length} approuvées`);
  const publicPage = await browser.newPage();
  publicPage.on("dialog", (d) => (dialogs.push(d.message()), d.dismiss()));
  await publicPage.goto(fichePath);
  await expect(publicPage.getByRole("article").filter({ hasText: bodies.at(-1)! })).toContainText(names.at(-1)!);
  await checkInert(publicPage);
  expect(dialogs).toEqual([]);
  await Promise.all([moderator.close(), publicPage.close()]);
});

test("the recording page: no axe violation at 320 and 1280 px, and it works by keyboard", async ({ browser }) => {
  const moderator = await signedInContext(browser, demo.moderator);
  const page = await moderator.newPage();
  for (const type of ["avis", "proposition"]) {
    await page.goto(`/moderation/papier?type=${type}`);
    await expect(page.getByRole("heading", { level: 1, name: "Saisir une contribution reçue hors du site" })).toBeVisible();
    await expectAccessibleAtEachWidth(page);
  }
  // After a refusal (nothing filled): the errors are tied to their fields, still no violation.
  await page.getByRole("button", { name: "Enregistrer et placer en modération" }).click();
  await expect(page.locator("#papier-conseil-erreur")).toBeVisible();
  await expectAccessibleAtEachWidth(page);
  // By keyboard: the council's list is reached with Tab, and the scan's field too.
  await page.goto("/moderation/papier?type=avis");
  const council = page.getByLabel("Conseil au nom duquel la contribution a été remise");
  for (let i = 0; i < 60 && !(await council.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(council).toBeFocused();
  const scan = page.getByLabel("Scan du papier (facultatif)");
  for (let i = 0; i < 40 && !(await scan.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(scan).toBeFocused();
  await moderator.close();
});
