import { expect, test } from "@playwright/test";
import { checkInert, payloads } from "../support/xss";
import { demo } from "../support/auth";
import { tabUntilFocused } from "../support/keyboard";
import { council1, expectAccessibleAtEachWidth, signedInContext } from "../council/helpers";
import { decide, fichePath, marker, queueItem, submitDraft } from "./helpers";

test("HTML typed in a contribution is shown as text on every page, never run", async ({ browser }) => {
  test.setTimeout(90_000);
  const member = await signedInContext(browser, demo.member1);
  const moderator = await signedInContext(browser, demo.moderator);
  const visitor = await browser.newContext();
  const tag = marker("xss");
  const title = `<img src=x onerror=alert(1)> ${tag}`;
  const body = `${tag}\n\n${payloads.join("\n\n")}`;
  const dialogs: string[] = [];
  for (const context of [member, moderator, visitor])
    context.on("page", (p) => p.on("dialog", (d) => (dialogs.push(d.message()), d.dismiss())));

  const memberPage = await member.newPage();
  await memberPage.goto(`/espace/conseils/${council1.slug}/contributions/nouvelle?type=proposition&fiche=pilotage-projet-social`);
  const form = memberPage.getByRole("form", { name: "Nouvelle proposition" });
  await form.getByLabel("Titre de la proposition").fill(title);
  await form.getByLabel("Le texte de la proposition").fill(body);
  await form.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await submitDraft(memberPage, tag);

  const moderatorPage = await moderator.newPage();
  const queued = await queueItem(moderatorPage, tag);
  await expect(queued).toContainText("<script>alert(1)</script>");
  await checkInert(moderatorPage);
  await decide(moderatorPage, tag, "approve");

  const page = await visitor.newPage();
  await expect(async () => {
    await page.goto(fichePath);
    await expect(page.getByText(tag).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const html = await (await visitor.request.get(fichePath)).text();
  await checkInert(page);
  await memberPage.goto(`/espace/conseils/${council1.slug}/contributions`);
  await expect(memberPage.getByText(tag).first()).toBeVisible();
  await checkInert(memberPage);
  expect(html).not.toContain("<script>alert(1)</script>");
  expect(html).not.toContain("<img src=x onerror");
  expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  expect(dialogs).toEqual([]);
  await Promise.all([member.close(), moderator.close(), visitor.close()]);
});

test("a member posts an avis with the keyboard only", async ({ browser }) => {
  const member = await signedInContext(browser, demo.member1);
  const page = await member.newPage();
  const body = `Avis écrit au clavier. ${marker("clavier")}`;
  await page.goto(`/espace/conseils/${council1.slug}/contributions`);
  await tabUntilFocused(page, page.getByRole("link", { name: "Nouvel avis" }));
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: "Nouvel avis" });
  await expect(form).toBeVisible();
  await tabUntilFocused(page, form.getByLabel("Fiche action concernée"));
  await page.keyboard.press("ArrowDown");
  await tabUntilFocused(page, form.getByLabel("Favorable", { exact: true }));
  await page.keyboard.press("Space");
  await tabUntilFocused(page, form.getByLabel("Les raisons du conseil"));
  await page.keyboard.type(body);
  await tabUntilFocused(page, form.getByRole("button", { name: "Enregistrer le brouillon" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/contributions\?enregistre=\d+/);
  const item = page
    .getByRole("region", { name: /^Brouillons/ })
    .getByRole("article")
    .filter({ hasText: body });
  await tabUntilFocused(page, item.getByRole("button", { name: "Soumettre à la modération" }), 400);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: /^En attente de modération/ })).toContainText(body);
  await member.close();
});

test("one section of the council's list on a page of its own, with the way back to all sections", async ({ browser }) => {
  const member = await signedInContext(browser, demo.member1);
  const page = await member.newPage();
  await page.goto(`/espace/conseils/${council1.slug}/contributions?etat=brouillons`);
  await expect(page.getByRole("region", { name: /^Brouillons \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole("region", { name: /^En attente de modération/ })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Fil d'Ariane" })).toContainText("Brouillons");
  await page.getByRole("navigation", { name: "Pages : brouillons" }).getByRole("link", { name: "Toutes les sections" }).click();
  await expect(page).toHaveURL(new RegExp(`/espace/conseils/${council1.slug}/contributions$`));
  for (const name of [/^Brouillons/, /^En attente de modération/, /^Refusées/, /^Publiées/]) {
    await expect(page.getByRole("region", { name })).toBeVisible();
  }
  await member.close();
});

test("new pages have no axe violation at 1280 and 320 px (used at 320)", async ({ browser }) => {
  test.setTimeout(90_000);
  const member = await signedInContext(browser, demo.member1);
  const moderator = await signedInContext(browser, demo.moderator);
  const memberPage = await member.newPage();
  await memberPage.setViewportSize({ width: 320, height: 900 });
  // Something in every state the pages show: a draft with a comment, a pending item.
  await memberPage.goto(`/espace/conseils/${council1.slug}/contributions/nouvelle?type=avis&fiche=pilotage-projet-social`);
  const form = memberPage.getByRole("form", { name: "Nouvel avis" });
  await form.getByLabel("Défavorable").check();
  await form.getByLabel("Les raisons du conseil").fill(`Avis pour l'accessibilité. ${marker("axe")}`);
  await form.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(memberPage).toHaveURL(/enregistre=/);
  for (const path of [
    `/espace/conseils/${council1.slug}/contributions`,
    `/espace/conseils/${council1.slug}/contributions?etat=brouillons`,
    `/espace/conseils/${council1.slug}/contributions/nouvelle?type=avis`,
    `/espace/conseils/${council1.slug}/contributions/nouvelle?type=proposition`,
    `/espace/conseils/${council1.slug}`,
  ]) {
    await memberPage.goto(path);
    await expectAccessibleAtEachWidth(memberPage);
  }
  // Errors shown next to the fields are accessible too.
  await memberPage.goto(`/espace/conseils/${council1.slug}/contributions/nouvelle?type=proposition`);
  await memberPage.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(memberPage.getByText("Choisissez une fiche action.")).toBeVisible();
  await expectAccessibleAtEachWidth(memberPage);

  const moderatorPage = await moderator.newPage();
  await moderatorPage.setViewportSize({ width: 320, height: 900 });
  // axe: /moderation (the queue, with a pending item) is scanned by moderation/xss-keyboard-a11y.spec.ts.
  for (const path of ["/moderation?type=avis", "/espace", fichePath]) {
    await moderatorPage.goto(path);
    await expectAccessibleAtEachWidth(moderatorPage);
  }
  await Promise.all([member.close(), moderator.close()]);
});
