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

test("the 50 payloads in every text field of a theme and a fiche written by an admin stay inert on the admin and public pages", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await signedInContext(browser, demo.admin);
  const visitor = await browser.newContext();
  const dialogs = watchDialogs([admin, visitor]);
  const page = await admin.newPage();
  const tag = marker("xss-plan");
  // Short fields get one payload each (the ones that fit), long ones all of them.
  const short = (max: number) => payloads.filter((p) => p.length + tag.length + 1 <= max);

  await page.goto("/admin/plan");
  const createTheme = page.getByRole("form", { name: "Ajouter une thématique" });
  await createTheme.getByLabel("Titre").fill(`${tag} ${payloads[1]}`);
  await createTheme.getByLabel("Description (facultative)").fill(partsOf(1900)[0]!);
  await createTheme.getByRole("button", { name: "Ajouter la thématique" }).click();
  await expect(createTheme.getByRole("status")).toContainText("est ajoutée au plan");
  await checkInert(page);
  const themeLink = page.getByRole("link", { name: `Modifier la thématique « ${tag} ${payloads[1]} »` });
  const themeId = (await themeLink.getAttribute("href"))!.split("/").at(-1)!;

  for (const [i, payload] of short(300).slice(0, 10).entries()) {
    await page.goto(`/admin/plan/fiches/nouvelle?thematique=${themeId}`);
    const form = page.getByRole("form", { name: "Ajouter une fiche action" });
    await form.getByLabel("Titre").fill(`${tag} ${i} ${payload}`);
    await form.getByLabel("En bref, en mots simples (facultatif)").fill(partsOf(390)[i % partsOf(390).length]!);
    await form.getByLabel("Description courte (facultative)").fill(halves[0]!);
    await form.getByLabel("Texte complet (facultatif)").fill(all);
    await form.getByLabel("Échéance d'origine, en mots (facultative)").fill(short(100)[i]!);
    await form.getByLabel("Projets cités (facultatif)").fill(short(400).slice(0, 20).join("\n"));
    await form.getByLabel("Liens (facultatif)").fill(
      short(400)
        .slice(0, 20)
        .map((p) => `${p} https://exemple.fr/${i}`)
        .join("\n"),
    );
    await form.getByRole("button", { name: "Ajouter la fiche" }).click();
    await page.waitForURL(/\/admin\/plan\/fiches\/\d+\?ajoutee=1$/);
    await checkInert(page);
    const fichePath = (await page.getByRole("link", { name: "Voir sa page publique" }).getAttribute("href"))!;
    const publicPage = await visitor.newPage();
    await publicPage.goto(fichePath);
    await expect(publicPage.getByRole("heading", { level: 1 })).toContainText(payload);
    await checkInert(publicPage);
    await publicPage.close();
    if (i === 0) {
      // Edited once (every field again): the earlier version is on the page too.
      const edit = page.getByRole("form", { name: "Modifier la fiche action" });
      await edit.getByLabel("En bref, en mots simples (facultatif)").fill(partsOf(390).at(-1)!);
      await edit.getByLabel("Raison (facultative)").fill(halves[1]!.slice(0, 490));
      await edit.getByRole("button", { name: "Enregistrer les modifications" }).click();
      await expect(edit.getByRole("status")).toContainText("est modifiée");
      await checkInert(page);
      const again = await visitor.newPage();
      await again.goto(fichePath);
      await expect(again.getByText(/^Modifiée le /)).toBeVisible();
      await checkInert(again);
      await again.close();
    }
    // Archived at once: the home page's counts of the source's fiches stay as seeded for other specs.
    const archive = page.getByRole("form", { name: "Archiver la fiche" });
    await archive.getByLabel("Raison (obligatoire)").fill("Test XSS");
    await archive.getByRole("button", { name: "Archiver la fiche" }).click();
    await expect(page.getByRole("status").filter({ hasText: "est archivée" })).toBeVisible();
  }

  const home = await visitor.newPage();
  await home.goto("/");
  await checkInert(home);
  const themePage = await visitor.newPage();
  await page.goto(`/admin/plan/thematiques/${themeId}`);
  await themePage.goto((await page.getByRole("link", { name: "Voir sa page publique" }).getAttribute("href"))!);
  await checkInert(themePage);
  await checkInert(page);
  await page.goto("/admin/plan");
  await checkInert(page);
  await page.goto("/admin/journal?action=plan.action.update");
  await checkInert(page);
  expect(dialogs).toEqual([]);
  await Promise.all([admin.close(), visitor.close()]);
});
