import { expect, test } from "@playwright/test";
import { demo } from "../support/auth";
import { tabUntilFocused } from "../support/keyboard";
import { council1, expectAccessibleAtEachWidth, newMemberOf, signedInContext } from "../council/helpers";
import { marker } from "../contributions/helpers";
import { checkInert, payloads } from "../support/xss";
import { gotoQueueItem, pendingFeedback, publishedFeedback, report } from "./helpers";

/** Reasons of at most 1000 characters that together carry every payload. */
function reasonsWithAllPayloads(tag: string): string[] {
  const chunks: string[] = [];
  let current = tag;
  for (const p of payloads) {
    if (`${current}\n\n${p}`.length > 950) {
      chunks.push(current);
      current = tag;
    }
    current = `${current}\n\n${p}`;
  }
  chunks.push(current);
  return chunks;
}

test("display names and report reasons full of HTML are shown as text in the queue and the reports tab", async ({ browser }) => {
  test.setTimeout(180_000);
  const tag = marker("xss-mod");
  const names = ["<img src=x onerror=alert(1)> Nom", '"><svg onload=alert(1)><script>alert(1)</script>'];
  const dialogs: string[] = [];
  const { context: author } = await newMemberOf(browser, council1.slug, "nom", names[0]!);
  const { context: reporter } = await newMemberOf(browser, "conseil-de-quartier-2", "nom", names[1]!);
  const moderator = await signedInContext(browser, demo.moderator);
  for (const context of [author, reporter, moderator])
    context.on("page", (p) => p.on("dialog", (d) => (dialogs.push(d.message()), d.dismiss())));

  // The author's name in the queue.
  const authorPage = await author.newPage();
  const pendingBody = `Avis d'un nom piégé. ${tag}`;
  const pendingId = await pendingFeedback(authorPage, pendingBody);
  const page = await moderator.newPage();
  const queued = await gotoQueueItem(page, pendingId);
  await expect(queued).toContainText(names[0]!);
  await checkInert(page);

  // Report reasons (every payload) by a person with a piégé name, in the reports tab.
  const reasons = reasonsWithAllPayloads(tag);
  const reporterPage = await reporter.newPage();
  const ids: number[] = [];
  for (const [i, reason] of reasons.entries()) {
    const id = await publishedFeedback(browser, `Avis signalé avec du HTML ${i}. ${tag}`);
    await report(reporterPage, id, reason);
    ids.push(id);
  }
  await page.goto("/moderation/signalements");
  for (const id of ids) await expect(page.locator("article", { has: page.locator(`#signalee-${id}`) })).toContainText(names[1]!);
  await expect(page.locator("main")).toContainText("<script>alert(1)</script>");
  await checkInert(page);
  const html = await (await moderator.request.get("/moderation/signalements")).text();
  expect(html).not.toContain("<img src=x onerror");
  expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  await page.goto("/moderation/publiees");
  await checkInert(page);
  expect(dialogs).toEqual([]);
  await Promise.all([author.close(), reporter.close(), moderator.close()]);
});

test("a moderator hides a published avis with the keyboard only; a person reports one with the keyboard", async ({ browser }) => {
  test.setTimeout(120_000);
  const body = `Avis masqué au clavier. ${marker("clavier-masque")}`;
  const toReport = `Avis signalé au clavier. ${marker("clavier-signale")}`;
  const id = await publishedFeedback(browser, body);
  const reportedId = await publishedFeedback(browser, toReport);

  const person = await signedInContext(browser, demo.official);
  const personPage = await person.newPage();
  await personPage.goto(`/signaler/${reportedId}`);
  const form = personPage.getByRole("form", { name: "Signaler cette contribution" });
  await tabUntilFocused(personPage, form.getByLabel("Raison du signalement"));
  await personPage.keyboard.type("Signalé au clavier : propos déplacés.");
  await tabUntilFocused(personPage, form.getByRole("button", { name: "Envoyer le signalement" }));
  await personPage.keyboard.press("Enter");
  await expect(personPage.getByText(/^Merci : votre signalement est transmis/)).toBeVisible();

  const moderator = await signedInContext(browser, demo.moderator);
  const page = await moderator.newPage();
  await page.goto("/moderation/publiees?fiche=pilotage-projet-social");
  const item = page.locator("article", { has: page.locator(`#publiee-${id}`) });
  await tabUntilFocused(page, item.getByLabel(/Raison du masquage/), 400);
  await page.keyboard.type("Masqué au clavier : hors charte.");
  await tabUntilFocused(page, item.getByRole("button", { name: "Masquer" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").first()).toHaveText(
    "Contribution masquée : elle n'apparaît plus nulle part en public, le conseil est prévenu.",
  );

  // The tabs are reachable with the keyboard.
  await page.goto("/moderation");
  await tabUntilFocused(
    page,
    page.getByRole("navigation", { name: "Rubriques de la modération" }).getByRole("link", { name: /^Signalements/ }),
  );
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/moderation\/signalements$/);
  await Promise.all([person.close(), moderator.close()]);
});

test("a moderator approves one item and rejects another with the keyboard only", async ({ browser }) => {
  test.setTimeout(120_000);
  const member = await signedInContext(browser, demo.member1);
  const memberPage = await member.newPage();
  const toApprove = `Avis approuvé au clavier. ${marker("clavier-approuve")}`;
  const toReject = `Avis refusé au clavier. ${marker("clavier-refuse")}`;
  const approveId = await pendingFeedback(memberPage, toApprove);
  const rejectId = await pendingFeedback(memberPage, toReject);

  const moderator = await signedInContext(browser, demo.moderator);
  const page = await moderator.newPage();
  await page.goto("/moderation?fiche=pilotage-projet-social");
  const approved = page.getByRole("article").filter({ hasText: toApprove });
  await tabUntilFocused(page, approved.getByRole("button", { name: "Approuver et publier" }), 600);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").first()).toHaveText("Contribution approuvée : elle est maintenant publique.");

  await page.goto("/moderation?fiche=pilotage-projet-social");
  const rejected = page.getByRole("article").filter({ hasText: toReject });
  await tabUntilFocused(page, rejected.getByLabel(/Raison du refus/), 600);
  await page.keyboard.type("Refusé au clavier : merci de préciser le lieu.");
  await tabUntilFocused(page, rejected.getByRole("button", { name: "Refuser avec cette raison" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").first()).toHaveText("Contribution refusée : le conseil verra la raison.");

  await memberPage.goto(`/espace/conseils/${council1.slug}/contributions`);
  await expect(memberPage.locator(`#contribution-${approveId}`)).toContainText("Publié");
  await expect(memberPage.locator(`#contribution-${rejectId}`)).toContainText("merci de préciser le lieu");
  await Promise.all([member.close(), moderator.close()]);
});

test("moderation and report pages have no axe violation at 1280 and 320 px (used at 320)", async ({ browser }) => {
  test.setTimeout(150_000);
  const tag = marker("axe-mod");
  const member = await signedInContext(browser, demo.member1);
  const memberPage = await member.newPage();
  await memberPage.setViewportSize({ width: 320, height: 900 });
  const pendingId = await pendingFeedback(memberPage, `Avis en attente pour l'accessibilité. ${tag}`);
  const publishedId = await publishedFeedback(browser, `Avis publié pour l'accessibilité. ${tag}`);
  const reporter = await signedInContext(browser, demo.member2);
  const reporterPage = await reporter.newPage();
  await reporterPage.setViewportSize({ width: 320, height: 900 });
  await reporterPage.goto(`/signaler/${publishedId}`);
  await expectAccessibleAtEachWidth(reporterPage);
  // Errors next to the field are accessible too.
  await reporterPage.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(reporterPage.getByText("Dites en quelques mots ce qui pose problème.").first()).toBeVisible();
  await expectAccessibleAtEachWidth(reporterPage);
  await report(reporterPage, publishedId, `Signalement pour l'accessibilité. ${tag}`);
  await expectAccessibleAtEachWidth(reporterPage);

  await memberPage.goto(`/espace/conseils/${council1.slug}/contributions/${pendingId}/modifier`);
  await expectAccessibleAtEachWidth(memberPage);

  const moderator = await signedInContext(browser, demo.moderator);
  const page = await moderator.newPage();
  await page.setViewportSize({ width: 320, height: 900 });
  await page.goto("/moderation/motifs");
  const create = page.getByRole("form", { name: "Nouveau motif" });
  await create.getByRole("button", { name: "Créer le motif" }).click();
  await expect(create.getByText("Donnez un nom court au motif.")).toBeVisible();
  await expectAccessibleAtEachWidth(page);
  await create.getByLabel("Nom du motif").fill(`Motif ${tag}`);
  await create.getByLabel("Texte du motif").fill("Un texte de motif pour l'accessibilité.");
  await create.getByRole("button", { name: "Créer le motif" }).click();
  await expect(create.getByRole("status")).toBeVisible();
  await page.reload();
  await expectAccessibleAtEachWidth(page);
  for (const path of ["/moderation", "/moderation/publiees", "/moderation/signalements"]) {
    await page.goto(path);
    await expectAccessibleAtEachWidth(page);
  }
  // The bulk refusal's error, next to its field.
  await page.goto("/moderation");
  await page.locator(`input[name=ids][value="${pendingId}"]`).check();
  await page.getByRole("button", { name: "Refuser la sélection" }).click();
  await expect(page.getByText("Indiquez la raison du refus : le conseil la lira.").first()).toBeVisible();
  await expectAccessibleAtEachWidth(page);
  await Promise.all([member.close(), reporter.close(), moderator.close()]);
});
