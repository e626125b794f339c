import { expect, test } from "@playwright/test";
import { demo } from "../support/auth";
import { council1, signedInContext } from "../council/helpers";
import { decide, expectNotPublic, fichePath, marker, postFeedback, publicResponses, queueItem } from "./helpers";

/*
 * The loop with three browsers at once: a member of council n°1, the public, a moderator.
 * Nothing is public before approval; a rejection's reason goes to the council, never the public.
 */
test("a member posts an avis → not public → a moderator approves → public", async ({ browser }) => {
  const member = await signedInContext(browser, demo.member1);
  const moderator = await signedInContext(browser, demo.moderator);
  const visitor = await browser.newContext();
  const body = `Avis du conseil : bonne idée, mais il faut des horaires du soir. ${marker("approuve")}`;
  const link = "https://www.aurillac.fr/solidarites";
  const fullText = `${body}\n\nVoir ${link}.`;

  const memberPage = await member.newPage();
  await postFeedback(memberPage, fullText, body);
  await expectNotPublic(visitor.request, body);
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(fichePath);
  await expect(visitorPage.getByText(body)).toHaveCount(0);

  const moderatorPage = await moderator.newPage();
  const item = await queueItem(moderatorPage, body);
  await expect(item).toContainText(council1.name);
  await decide(moderatorPage, body, "approve");

  await expect(async () => {
    await visitorPage.goto(fichePath);
    await expect(visitorPage.getByRole("region", { name: "Avis et propositions des conseils de quartier" })).toContainText(body, {
      timeout: 1000,
    });
  }).toPass({ timeout: 15_000 });
  await expect(visitorPage.getByText("Avis favorable avec réserves").first()).toBeVisible();
  await expect(visitorPage.getByRole("link", { name: link }).first()).toHaveAttribute("href", link);

  await memberPage.goto(`/espace/conseils/${council1.slug}/contributions`);
  await expect(memberPage.getByRole("region", { name: /^Publiées/ })).toContainText(body);
  await Promise.all([member.close(), moderator.close(), visitor.close()]);
});

test("a member posts an avis → a moderator rejects with a reason → the council sees it, the public never", async ({ browser }) => {
  const member = await signedInContext(browser, demo.member1);
  const moderator = await signedInContext(browser, demo.moderator);
  const visitor = await browser.newContext();
  const body = `Avis à refuser : texte hors sujet. ${marker("refuse")}`;
  const reason = `Votre avis ne porte pas sur cette fiche. ${marker("raison")}`;

  const memberPage = await member.newPage();
  await postFeedback(memberPage, body);

  const moderatorPage = await moderator.newPage();
  const item = await queueItem(moderatorPage, body);
  await item.getByRole("button", { name: "Refuser avec cette raison" }).click();
  // Checked in the browser before anything is sent: the message stands under the reason's field.
  await expect(item.getByText("Indiquez la raison du refus : le conseil la lira.")).toBeVisible();
  await expect(item.getByLabel(/Raison du refus/)).toHaveValue("");
  await decide(moderatorPage, body, "reject", reason);

  await memberPage.goto(`/espace/conseils/${council1.slug}/contributions`);
  const rejected = memberPage
    .getByRole("region", { name: /^Refusées/ })
    .getByRole("article")
    .filter({ hasText: body });
  await expect(rejected).toContainText(reason);
  await expectNotPublic(visitor.request, body, reason);
  await Promise.all([member.close(), moderator.close(), visitor.close()]);
});

test("drafts and pending items never reach the public fiche page (HTML and RSC payload)", async ({ browser }) => {
  const member = await signedInContext(browser, demo.member1);
  const page = await member.newPage();
  const draft = `Brouillon secret ${marker("brouillon")}`;
  const comment = `Commentaire interne ${marker("commentaire")}`;
  await page.goto(`/espace/conseils/${council1.slug}/contributions/nouvelle?type=proposition&fiche=pilotage-projet-social`);
  const form = page.getByRole("form", { name: "Nouvelle proposition" });
  await form.getByLabel("Titre de la proposition").fill(`Titre ${draft}`);
  await form.getByLabel("Le texte de la proposition").fill(draft);
  await form.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  const item = page.getByRole("article").filter({ hasText: draft });
  await item.getByLabel(/Commenter ce brouillon/).fill(comment);
  await item.getByRole("button", { name: "Ajouter le commentaire" }).click();
  await expect(item.getByRole("status")).toHaveText("Commentaire ajouté.");
  await page.reload();
  await expect(page.getByRole("article").filter({ hasText: draft })).toContainText(comment);

  const pending = `En attente secret ${marker("attente")}`;
  await postFeedback(page, pending);
  const { html, rsc } = await publicResponses(page.request);
  expect(html).toContain("Avis et propositions des conseils de quartier");
  for (const text of [draft, comment, pending]) {
    expect(html).not.toContain(text);
    expect(rsc).not.toContain(text);
  }
  await member.close();
});

test("the form keeps the typed text and shows French messages next to the fields", async ({ browser }) => {
  const member = await signedInContext(browser, demo.member1);
  const page = await member.newPage();
  await page.goto(`/espace/conseils/${council1.slug}/contributions/nouvelle?type=avis`);
  const form = page.getByRole("form", { name: "Nouvel avis" });
  await form.getByLabel("Les raisons du conseil").fill("Court");
  await form.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(form.getByText("Choisissez une fiche action.")).toBeVisible();
  await expect(form.getByText(/Choisissez la position du conseil/)).toBeVisible();
  await expect(form.getByText("Le texte doit faire au moins 10 caractères.")).toBeVisible();
  await expect(form.getByLabel("Les raisons du conseil")).toHaveValue("Court");
  await expect(form.getByLabel("Les raisons du conseil")).toHaveAttribute("aria-invalid", "true");
  await member.close();
});

test("the public never reaches the council's pages nor the moderation queue", async ({ browser }) => {
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  for (const path of [`/espace/conseils/${council1.slug}/contributions`, "/moderation"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/connexion\?callbackUrl=/);
  }
  const member = await signedInContext(browser, demo.member1);
  const memberPage = await member.newPage();
  const response = await memberPage.goto("/moderation");
  expect(response?.status()).toBe(404);
  await Promise.all([visitor.close(), member.close()]);
});

test("a council takes a pending item back: it is a draft again and leaves the moderation queue", async ({ browser }) => {
  const member = await signedInContext(browser, demo.member1);
  const moderator = await signedInContext(browser, demo.moderator);
  const body = `Avis retiré avant décision. ${marker("retire")}`;
  const page = await member.newPage();
  await postFeedback(page, body);
  await page
    .getByRole("region", { name: /^En attente de modération/ })
    .getByRole("article")
    .filter({ hasText: body })
    .getByRole("button", { name: "Retirer de la modération" })
    .click();
  await expect(page).toHaveURL(/retire=\d+/);
  await expect(page.getByRole("region", { name: /^Brouillons/ })).toContainText(body);
  const moderatorPage = await moderator.newPage();
  await moderatorPage.goto("/moderation");
  await expect(moderatorPage.getByRole("article").filter({ hasText: body })).toHaveCount(0);
  await Promise.all([member.close(), moderator.close()]);
});
