import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demo, signInAs } from "../support/auth";
import { signedInContext } from "../council/helpers";
import { marker } from "../contributions/helpers";
import { council1, expectPublicFiche, gotoQueueItem, pendingFeedback, publishedFeedback } from "./helpers";

/*
 * Moderation beyond one approve / reject: hiding after publication, edits by the council while
 * pending, reason templates, bulk decisions (also without JavaScript), the tabs.
 */
test("a moderator hides a published avis: gone from the public fiche (HTML and RSC), the reason never public", async ({ browser }) => {
  test.setTimeout(90_000);
  const body = `Avis publié puis masqué. ${marker("masque")}`;
  await publishedFeedback(browser, body);
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await expectPublicFiche(visitorPage, body, true);

  const moderator = await signedInContext(browser, demo.moderator);
  const page = await moderator.newPage();
  await page.goto("/moderation");
  await page.getByRole("navigation", { name: "Rubriques de la modération" }).getByRole("link", { name: "Publiées" }).click();
  await expect(page).toHaveURL(/\/moderation\/publiees$/);
  await expect(page.getByRole("link", { name: "Publiées" })).toHaveAttribute("aria-current", "page");
  await page.getByLabel("Fiche action").selectOption("pilotage-projet-social");
  await page.getByRole("button", { name: "Filtrer" }).click();
  const item = page.getByRole("article").filter({ hasText: body });
  await item.getByRole("button", { name: "Masquer" }).click();
  await expect(item.getByText("Indiquez la raison du masquage").first()).toBeVisible();
  const reason = `Propos contraires à la charte. ${marker("raison-masquage")}`;
  await item.getByLabel(/Raison du masquage/).fill(reason);
  await item.getByRole("button", { name: "Masquer" }).click();
  await expect(page.getByRole("status").first()).toHaveText(
    "Contribution masquée : elle n'apparaît plus nulle part en public, le conseil est prévenu.",
  );
  await expect(page).toHaveURL(/fiche=pilotage-projet-social/);
  await expect(page.getByRole("article").filter({ hasText: body })).toHaveCount(0);

  await expectPublicFiche(visitorPage, body, false);
  const html = await (await visitor.request.get("/fiches/pilotage-projet-social")).text();
  expect(html).not.toContain(reason);
  const member = await signedInContext(browser, demo.member1);
  const memberPage = await member.newPage();
  await memberPage.goto(`/espace/conseils/${council1.slug}/contributions`);
  await expect(memberPage.getByRole("article").filter({ hasText: body })).toContainText("Masqué");
  await Promise.all([visitor.close(), moderator.close(), member.close()]);
});

test("the council edits a pending avis; the queue shows « modifié », and a decision on the old text is refused", async ({ browser }) => {
  test.setTimeout(90_000);
  const member = await signedInContext(browser, demo.member1);
  const moderator = await signedInContext(browser, demo.moderator);
  const body = `Avis à corriger. ${marker("corrige")}`;
  const memberPage = await member.newPage();
  const id = await pendingFeedback(memberPage, body);

  // The moderator reads the old text…
  const moderatorPage = await moderator.newPage();
  const queued = await gotoQueueItem(moderatorPage, id);
  await expect(queued).toContainText(body);
  await expect(queued).not.toContainText("Modifié par le conseil");

  // …while the council corrects it, with the same form as for writing.
  await memberPage
    .getByRole("region", { name: /^En attente de modération/ })
    .getByRole("article")
    .filter({ hasText: body })
    .getByRole("link", { name: /Modifier/ })
    .click();
  await expect(memberPage).toHaveURL(new RegExp(`/contributions/${id}/modifier$`));
  const form = memberPage.getByRole("form", { name: "Modifier l'avis" });
  await expect(form.getByLabel("Les raisons du conseil")).toHaveValue(body);
  await form.getByLabel("Les raisons du conseil").fill("court");
  await form.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(form.getByText("Le texte doit faire au moins 10 caractères.")).toBeVisible();
  const corrected = `${body} Corrigé : les horaires du soir.`;
  await form.getByLabel("Les raisons du conseil").fill(corrected);
  await form.getByLabel("Défavorable").check();
  await form.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(memberPage).toHaveURL(new RegExp(`modifie=${id}`));
  await expect(memberPage.getByRole("status").first()).toHaveText(
    "Modification enregistrée : la contribution attend toujours la modération.",
  );
  await expect(memberPage.getByRole("region", { name: /^En attente de modération/ })).toContainText("Corrigé : les horaires du soir.");

  // The stale decision is refused; after reading the new text, it applies.
  await queued.getByRole("button", { name: "Approuver et publier" }).click();
  await expect(queued.getByRole("alert")).toContainText("Le conseil a modifié ce texte pendant que vous le lisiez");
  await moderatorPage.goto("/moderation");
  await expect(queued).toContainText("Modifié par le conseil le");
  await expect(queued).toContainText("Corrigé : les horaires du soir.");
  await queued.getByRole("button", { name: "Approuver et publier" }).click();
  await expect(moderatorPage.getByRole("status").first()).toHaveText("Contribution approuvée : elle est maintenant publique.");
  await Promise.all([member.close(), moderator.close()]);
});

test("reason templates: created, offered in the refusal form (fills the text with JS), archived", async ({ browser }) => {
  test.setTimeout(90_000);
  const moderator = await signedInContext(browser, demo.moderator);
  const page = await moderator.newPage();
  const label = `Hors sujet ${marker("motif")}`;
  const templateText = "Votre contribution ne porte pas sur la fiche action choisie.";
  await page.goto("/moderation/motifs");
  const create = page.getByRole("form", { name: "Nouveau motif" });
  await create.getByRole("button", { name: "Créer le motif" }).click();
  await expect(create.getByText("Donnez un nom court au motif.")).toBeVisible();
  await create.getByLabel("Nom du motif").fill(label);
  await create.getByLabel("Texte du motif").fill(templateText);
  await create.getByRole("button", { name: "Créer le motif" }).click();
  await expect(create.getByRole("status")).toHaveText(`Motif « ${label} » créé.`);
  await expect(create.getByLabel("Nom du motif")).toHaveValue("");
  await page.reload();
  await expect(page.getByRole("form", { name: `Modifier le motif ${label}` })).toBeVisible();

  const member = await signedInContext(browser, demo.member1);
  const body = `Avis refusé avec un motif. ${marker("motif-refus")}`;
  const id = await pendingFeedback(await member.newPage(), body);
  const item = await gotoQueueItem(page, id);
  await item.getByLabel("Motif type (facultatif)").selectOption({ label });
  await expect(item.getByLabel(/Raison du refus/)).toHaveValue(templateText);
  await item.getByLabel(/Raison du refus/).press("End");
  await item.getByLabel(/Raison du refus/).pressSequentially(" Précisez la fiche.");
  await item.getByRole("button", { name: "Refuser avec cette raison" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Contribution refusée : le conseil verra la raison.");
  const memberPage = await member.newPage();
  await memberPage.goto(`/espace/conseils/${council1.slug}/contributions`);
  await expect(memberPage.getByRole("article").filter({ hasText: body })).toContainText(`${templateText} Précisez la fiche.`);

  await page.goto("/moderation/motifs");
  await page.getByRole("button", { name: `Archiver le motif ${label}` }).click();
  await expect(page.getByRole("status")).toHaveText(`Motif « ${label} » archivé : il n'est plus proposé.`);
  await expect(page.getByRole("region", { name: /^Motifs archivés/ })).toContainText(label);
  await page.goto("/moderation");
  const options = await page.locator("select[name=templateId] option").allTextContents();
  expect(options).not.toContain(label);
  await Promise.all([moderator.close(), member.close()]);
});

test("bulk approve without JavaScript, bulk refuse with a reason; each item decided once", async ({ browser }) => {
  test.setTimeout(120_000);
  const member = await signedInContext(browser, demo.member1);
  const memberPage = await member.newPage();
  const tag = marker("lot");
  const ids: number[] = [];
  for (let i = 0; i < 4; i++) ids.push(await pendingFeedback(memberPage, `Avis groupé ${i} ${tag}`));

  // A second moderator already decided the first one.
  const other = await signedInContext(browser, demo.moderator);
  const otherPage = await other.newPage();
  await otherPage.goto("/moderation");
  await otherPage
    .locator("article", { has: otherPage.locator(`#file-${ids[0]}`) })
    .getByRole("button", { name: "Approuver et publier" })
    .click();
  await expect(otherPage.getByRole("status").first()).toHaveText("Contribution approuvée : elle est maintenant publique.");

  // Without JavaScript: the checkboxes belong to the selection form through their form attribute.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  await signInAs(noScript, demo.moderator, DEMO_PASSWORD);
  const page = await noScript.newPage();
  await page.goto("/moderation");
  for (const id of ids.slice(1, 3))
    await page
      .getByRole("checkbox", { name: new RegExp(`^Sélectionner`) })
      .and(page.locator(`[value="${id}"]`))
      .check();
  await page.getByRole("button", { name: "Approuver la sélection" }).click();
  await expect(page.getByRole("status").first()).toHaveText("2 approuvées.");
  for (const id of ids.slice(0, 3)) await expect(page.locator(`#file-${id}`)).toHaveCount(0);

  // Refuse: a reason is required; the selection includes one already decided.
  await otherPage.goto("/moderation");
  await otherPage.locator(`input[name=ids][value="${ids[3]}"]`).check();
  await otherPage.getByRole("button", { name: "Refuser la sélection" }).click();
  await expect(otherPage.getByText("Indiquez la raison du refus : le conseil la lira.").first()).toBeVisible();
  await otherPage.getByLabel(/Raison commune/).fill("Ces avis sont en double.");
  // Include a stale checkbox too: the item decided above by the other browser.
  await otherPage.evaluate((id) => {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = "ids";
    input.value = String(id);
    document.getElementById("selection")!.appendChild(input);
  }, ids[1]);
  await otherPage.getByRole("button", { name: "Refuser la sélection" }).click();
  await expect(otherPage.getByRole("status").first()).toHaveText("1 refusée, 1 déjà décidée par un·e autre modérateur·rice.");
  await Promise.all([member.close(), other.close(), noScript.close()]);
});
