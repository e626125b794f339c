import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { demo, signedInContext } from "../support/auth";
import { linkIn, waitForMail } from "../support/mail";
import { newMemberOf } from "../council/helpers";
import { isDigest } from "../notifications/helpers";
import { decide, expectNotPublic, marker, publicResponses, submitDraft } from "./helpers";

/*
 * The whole participation loop, with several browsers at once: a fresh member (so that their
 * first email of the day is the one this test waits for), a moderator, an official and the
 * public. Every member of a council is notified of its items: each test uses a demo council no
 * other browser test posts for, so no other notification reaches its member first. A fiche no
 * other browser test publishes on keeps the item on the fiche's first page.
 */
const fiche = "dispositifs-adaptes-ecoles-territoires";
const fichePath = `/fiches/${fiche}`;

async function writeAndSubmit(page: Page, council: string, kind: "avis" | "proposition", title: string, body: string) {
  await page.goto(`/espace/conseils/${council}/contributions/nouvelle?type=${kind}&fiche=${fiche}`);
  const form = page.getByRole("form", { name: kind === "avis" ? "Nouvel avis" : "Nouvelle proposition" });
  await expect(form.getByLabel("Fiche action concernée")).toHaveValue(fiche);
  if (kind === "proposition") await form.getByLabel("Titre de la proposition").fill(title);
  else await form.getByLabel("Favorable avec réserves").check();
  await form.getByLabel(kind === "avis" ? "Les raisons du conseil" : "Le texte de la proposition").fill(body);
  await form.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page).toHaveURL(/\/contributions\?enregistre=\d+/);
  const id = Number(new URL(page.url()).searchParams.get("enregistre"));
  await submitDraft(page, kind === "avis" ? body : title);
  return id;
}

async function expectOnFiche(page: Page, text: string) {
  await expect(async () => {
    await page.goto(fichePath);
    await expect(page.getByRole("region", { name: "Avis et propositions des conseils de quartier" })).toContainText(text, {
      timeout: 1000,
    });
  }).toPass({ timeout: 15_000 });
}

async function unreadNotification(member: BrowserContext, message: RegExp) {
  const page = await member.newPage();
  await page.goto("/espace");
  await expect(page.getByRole("navigation", { name: "Votre compte" }).getByRole("link", { name: /Notifications/ })).toContainText(
    /non lues?/,
  );
  await page.goto("/espace/notifications");
  await expect(page.getByRole("main")).toContainText(message);
  return page;
}

async function closeAll(...contexts: BrowserContext[]) {
  await Promise.all(contexts.map((c) => c.close()));
}

async function freshMember(browser: Browser, council: string, label: string) {
  return { ...(await newMemberOf(browser, council, label)), council };
}

test("a proposal: posted → not public → approved → public → answered by an official → the member is notified in the app and by email → the public reads the answer", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const member = await freshMember(browser, "conseil-de-quartier-5", "boucle");
  const moderator = await signedInContext(browser, demo.moderator);
  const official = await signedInContext(browser, demo.official);
  const visitor = await browser.newContext();

  // The member keeps one email a day for the answer: no email for « published ».
  const memberPage = await member.context.newPage();
  await memberPage.goto("/espace/notifications/preferences");
  const preferences = memberPage.getByRole("form", { name: "Mes courriels de notification" });
  await preferences.getByLabel("une contribution de mon conseil est publiée").uncheck();
  await preferences.getByRole("button", { name: "Enregistrer mes choix" }).click();
  await expect(preferences.getByRole("status")).toBeVisible();

  const title = `Un jardin partagé devant l'école ${marker("boucle")}`;
  const body = "Le conseil propose un jardin partagé, entretenu avec les parents et les enfants, devant l'école du quartier.";
  const id = await writeAndSubmit(memberPage, member.council, "proposition", title, body);
  await expectNotPublic(visitor.request, title);
  const { html, rsc } = await publicResponses(visitor.request, fichePath);
  expect(html).not.toContain(title);
  expect(rsc).not.toContain(title);

  await decide(await moderator.newPage(), title, "approve");
  const visitorPage = await visitor.newPage();
  await expectOnFiche(visitorPage, title);

  const officialPage = await official.newPage();
  await officialPage.goto(`/reponses/${id}`);
  const form = officialPage.getByRole("form", { name: "Répondre à la proposition" });
  await form.getByLabel("Où en est la proposition ?").selectOption("accepted");
  const answer = `Retenue : le service des espaces verts prépare le terrain pour le printemps. ${marker("reponse")}`;
  await form.getByLabel("La réponse de la Ville").fill(answer);
  await form.getByRole("button", { name: "Publier la réponse" }).click();
  await expect(officialPage.getByRole("status").first()).toHaveText(
    "Réponse publiée : elle apparaît sur la fiche action et le conseil est prévenu.",
  );

  const inbox = await unreadNotification(member.context, /La Ville a répondu à votre proposition/);
  await expect(inbox.getByRole("main")).toContainText(title);
  const mail = await waitForMail(member.email, isDigest);
  expect(mail.text).toContain("La Ville a répondu à votre proposition");
  expect(mail.text).toContain(title);
  // The subject says what happened, not « Une nouvelle notification ».
  expect(mail.subject).toMatch(/^La Ville a répondu à votre proposition « /);
  // The email about the approval was turned off: it is not in the mail.
  expect(mail.text).not.toContain("approuvée par la Ville");
  await inbox.goto(linkIn(mail, "/espace/notifications/"));
  await expect(inbox).toHaveURL(new RegExp(`${fichePath}#contribution-${id}$`));

  await expectOnFiche(visitorPage, answer);
  const item = visitorPage.locator("article").filter({ has: visitorPage.locator(`#contribution-${id}`) });
  await expect(item).toContainText("Retenue");
  await expect(item).toContainText("Élise Élue (démo)");
  await expect(item).toContainText(member.displayName);
  await closeAll(member.context, moderator, official, visitor);
});

test("an avis rejected: the council reads the reason, is notified in the app and by email; the public never sees it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const member = await freshMember(browser, "conseil-de-quartier-6", "refus");
  const moderator = await signedInContext(browser, demo.moderator);
  const visitor = await browser.newContext();
  const body = `Avis du conseil : il faudrait prévoir des horaires adaptés. ${marker("refus")}`;
  const reason = `Merci de préciser de quelle école il s'agit. ${marker("raison")}`;
  const page = await member.context.newPage();
  await writeAndSubmit(page, member.council, "avis", "", body);
  await decide(await moderator.newPage(), body, "reject", reason);

  await page.goto(`/espace/conseils/${member.council}/contributions`);
  await expect(
    page
      .getByRole("region", { name: /^Refusées/ })
      .getByRole("article")
      .filter({ hasText: body }),
  ).toContainText(reason);
  await unreadNotification(member.context, /n'a pas été publié|refus/i);
  const mail = await waitForMail(member.email, isDigest);
  expect(mail.text).toMatch(/n'a pas été publié|refus/i);
  expect(mail.subject).toMatch(/^L'avis du conseil sur la fiche « .* » a été refusé par la Ville$/);
  // The reason goes to the council's space, not into an email that may be forwarded.
  expect(mail.text).not.toContain(reason);
  await expectNotPublic(visitor.request, body, reason);
  const { html, rsc } = await publicResponses(visitor.request, fichePath);
  for (const text of [body, reason]) {
    expect(html).not.toContain(text);
    expect(rsc).not.toContain(text);
  }
  await closeAll(member.context, moderator, visitor);
});

test("an avis hidden after publication: gone from every public place, the council is told why", async ({ browser }) => {
  test.setTimeout(120_000);
  const member = await freshMember(browser, "conseil-de-quartier-4", "masque");
  const moderator = await signedInContext(browser, demo.moderator);
  const visitor = await browser.newContext();
  const body = `Avis publié puis masqué : il citait une adresse personnelle. ${marker("masque")}`;
  const page = await member.context.newPage();
  await writeAndSubmit(page, member.council, "avis", "", body);
  const moderatorPage = await moderator.newPage();
  await decide(moderatorPage, body, "approve");
  const visitorPage = await visitor.newPage();
  await expectOnFiche(visitorPage, body);

  await moderatorPage.goto(`/moderation/publiees?fiche=${fiche}`);
  const item = moderatorPage.getByRole("article").filter({ hasText: body });
  const reason = `Le texte donne l'adresse d'une personne. ${marker("raison-masquage")}`;
  await item.getByLabel(/Raison du masquage/).fill(reason);
  await item.getByRole("button", { name: "Masquer" }).click();
  await expect(moderatorPage.getByRole("status").first()).toHaveText(
    "Contribution masquée : elle n'apparaît plus nulle part en public, le conseil est prévenu.",
  );

  for (const path of [fichePath, "/", `/conseils/${member.council}`, "/thematiques/petite-enfance-enfance-jeunesse"]) {
    const { html, rsc } = await publicResponses(visitor.request, path);
    expect(html, path).not.toContain(body);
    expect(rsc, path).not.toContain(body);
    expect(html, path).not.toContain(reason);
  }
  const inbox = await unreadNotification(member.context, /masqué/);
  await expect(inbox.getByRole("main")).toContainText(reason);
  await page.goto(`/espace/conseils/${member.council}/contributions`);
  await expect(page.getByRole("article").filter({ hasText: body })).toContainText(reason);
  await closeAll(member.context, moderator, visitor);
});
