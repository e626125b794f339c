import { expect, test, type BrowserContext } from "@playwright/test";
import { demo, signedInContext } from "../support/auth";
import { checkInert, payloads } from "../support/xss";
import { council1 } from "../council/helpers";
import { decide, marker, submitDraft } from "../contributions/helpers";
import { expectPublicFiche, fichePath, pendingFeedback, publishedFeedback, report } from "./helpers";

/*
 * The 50 payloads in every other text field of the loop — an internal comment, rejection and
 * hiding reasons, a reason template, report reasons, the City's answer — then every page that
 * shows them is checked: no handler, no injected element, no javascript: link, no dialog. Fields
 * limited to 1000 characters get the payloads in parts (one item or one person per part).
 */
function partsOf(max: number): string[] {
  const parts: string[] = [];
  let current = "";
  for (const p of payloads) {
    if (current && current.length + 1 + p.length > max) {
      parts.push(current);
      current = "";
    }
    current = current ? `${current}\n${p}` : p;
  }
  return [...parts, current];
}
const halves = partsOf(900);
const all = payloads.join("\n");

function watchDialogs(contexts: BrowserContext[]) {
  const dialogs: string[] = [];
  for (const c of contexts) c.on("page", (p) => p.on("dialog", (d) => (dialogs.push(d.message()), d.dismiss())));
  return dialogs;
}

test("the 50 payloads in comments, reasons, templates, reports and answers stay inert text wherever they are shown", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const member = await signedInContext(browser, demo.member1);
  const moderator = await signedInContext(browser, demo.moderator);
  const official = await signedInContext(browser, demo.official);
  const admin = await signedInContext(browser, demo.admin);
  const dialogs = watchDialogs([member, moderator, official, admin]);
  const memberPage = await member.newPage();
  const moderatorPage = await moderator.newPage();
  const tag = marker("xss-champs");

  // An internal comment on a draft (2000 characters: all 50 at once).
  await memberPage.goto(`/espace/conseils/${council1.slug}/contributions/nouvelle?type=proposition&fiche=pilotage-projet-social`);
  const form = memberPage.getByRole("form", { name: "Nouvelle proposition" });
  const title = `Proposition pour les réponses ${tag}`;
  await form.getByLabel("Titre de la proposition").fill(title);
  await form.getByLabel("Le texte de la proposition").fill(`Texte de la proposition ${tag}.`);
  await form.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(memberPage).toHaveURL(/enregistre=(\d+)/);
  const proposalId = Number(new URL(memberPage.url()).searchParams.get("enregistre"));
  const draft = memberPage.getByRole("article").filter({ hasText: title });
  await draft.getByLabel(/Commenter ce brouillon/).fill(all);
  await draft.getByRole("button", { name: "Ajouter le commentaire" }).click();
  await expect(draft.getByRole("status")).toHaveText("Commentaire ajouté.");
  await memberPage.reload();
  await expect(memberPage.getByRole("article").filter({ hasText: title })).toContainText("<script>alert(1)</script>");
  await checkInert(memberPage);
  await submitDraft(memberPage, title);

  // Reason templates.
  await moderatorPage.goto("/moderation/motifs");
  for (const [i, half] of halves.entries()) {
    const create = moderatorPage.getByRole("form", { name: "Nouveau motif" });
    await create.getByLabel("Nom du motif").fill(`<b>Motif</b> ${i} ${tag}`);
    await create.getByLabel("Texte du motif").fill(half);
    await create.getByRole("button", { name: "Créer le motif" }).click();
    await expect(moderatorPage.getByText(`<b>Motif</b> ${i} ${tag}`).first()).toBeVisible();
  }
  await checkInert(moderatorPage);

  // Rejection reasons: one avis per part; the council reads them in its space.
  for (const half of halves) {
    const body = `Avis à refuser ${marker("xss-refus")}`;
    await pendingFeedback(memberPage, body);
    await decide(moderatorPage, body, "reject", half);
  }
  await checkInert(moderatorPage);
  await memberPage.goto(`/espace/conseils/${council1.slug}/contributions`);
  await expect(memberPage.getByRole("region", { name: /^Refusées/ })).toContainText("<img src=x onerror=alert(1)>");
  await checkInert(memberPage);

  // The City's answer (5000 characters: all 50 at once), on the staff page and the public fiche.
  await decide(moderatorPage, title, "approve");
  const officialPage = await official.newPage();
  await officialPage.goto(`/reponses/${proposalId}`);
  const answerForm = officialPage.getByRole("form", { name: "Répondre à la proposition" });
  await answerForm.getByLabel("Où en est la proposition ?").selectOption("under_review");
  await answerForm.getByLabel("La réponse de la Ville").fill(`${tag}\n${all}`);
  await answerForm.getByRole("button", { name: "Publier la réponse" }).click();
  await expect(officialPage.getByRole("status").first()).toHaveText(
    "Réponse publiée : elle apparaît sur la fiche action et le conseil est prévenu.",
  );
  await checkInert(officialPage);
  await expectPublicFiche(officialPage, tag, true);
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(fichePath);
  await checkInert(visitorPage);

  // Report reasons (one person per part; the third report hides the item until a review), then
  // hiding reasons (one item per part).
  const reported = await publishedFeedback(browser, `Avis signalé ${marker("xss-signale")}`);
  const reporters = [officialPage, await admin.newPage(), await moderator.newPage()];
  for (const [i, part] of halves.entries()) await report(reporters[i]!, reported, part);
  await moderatorPage.goto("/moderation/signalements");
  await expect(moderatorPage.locator("article", { has: moderatorPage.locator(`#signalee-${reported}`) })).toContainText(
    "<svg/onload=alert(1)>",
  );
  await checkInert(moderatorPage);
  for (const half of halves) {
    const body = `Avis à masquer ${marker("xss-masque")}`;
    await publishedFeedback(browser, body);
    await moderatorPage.goto("/moderation/publiees?fiche=pilotage-projet-social");
    const item = moderatorPage.getByRole("article").filter({ hasText: body });
    await item.getByLabel(/Raison du masquage/).fill(half);
    await item.getByRole("button", { name: "Masquer" }).click();
    await expect(moderatorPage.getByRole("status").first()).toHaveText(
      "Contribution masquée : elle n'apparaît plus nulle part en public, le conseil est prévenu.",
    );
  }
  await memberPage.goto(`/espace/conseils/${council1.slug}/contributions`);
  await checkInert(memberPage);
  await memberPage.goto("/espace/notifications");
  await checkInert(memberPage);

  // The journal shows every reason as text.
  const adminPage = await admin.newPage();
  await adminPage.goto("/admin/journal?action=contribution.hide");
  await expect(adminPage.getByRole("region", { name: "Résultats" })).toContainText("<iframe src=javascript:alert(1)>");
  await checkInert(adminPage);
  await adminPage.goto("/admin/journal?action=contribution.reject");
  await checkInert(adminPage);
  expect(dialogs).toEqual([]);
  await Promise.all([member.close(), moderator.close(), official.close(), admin.close(), visitor.close()]);
});
