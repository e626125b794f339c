import { expect, test } from "@playwright/test";
import { demo } from "../support/auth";
import { signedInContext } from "../council/helpers";
import { marker } from "../contributions/helpers";
import { expectPublicFiche, publishedFeedback, report } from "./helpers";

/*
 * Reports: anyone signed in reports a published item once; at the threshold (3 by default) it is
 * hidden pending review; a moderator republishes it, or hides it for good.
 */
test("three reports hide an avis until a moderator republishes it", async ({ browser }) => {
  test.setTimeout(120_000);
  const body = `Avis signalé trois fois. ${marker("signale")}`;
  const id = await publishedFeedback(browser, body);
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await expectPublicFiche(visitorPage, body, true, id);

  // Signed-out: the report page says who may report and offers to sign in, coming back here.
  await visitorPage.goto(`/signaler/${id}`);
  await expect(visitorPage.getByRole("heading", { level: 1, name: "Signaler une contribution" })).toBeVisible();
  await expect(visitorPage.getByRole("main")).toContainText("possible avec un compte");
  await expect(visitorPage.getByRole("main")).not.toContainText(body);
  await visitorPage.getByRole("link", { name: "Connectez-vous" }).click();
  await expect(visitorPage).toHaveURL(new RegExp(`/connexion\\?callbackUrl=${encodeURIComponent(`/signaler/${id}`)}`));

  const reasons = [`Propos insultants. ${marker("r1")}`, `Données personnelles. ${marker("r2")}`, `Hors sujet. ${marker("r3")}`];
  const people = [demo.member2, demo.official, demo.admin];
  const first = await signedInContext(browser, people[0]!);
  const firstPage = await first.newPage();
  await firstPage.goto(`/signaler/${id}`);
  await expect(firstPage.getByRole("article")).toContainText(body);
  await firstPage.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(firstPage.getByText("Dites en quelques mots ce qui pose problème.").first()).toBeVisible();
  await report(firstPage, id, reasons[0]!);
  await firstPage.goto(`/signaler/${id}`);
  await expect(firstPage.getByText(/^Vous avez déjà signalé cette contribution/)).toBeVisible();
  await expect(firstPage.getByRole("form", { name: "Signaler cette contribution" })).toHaveCount(0);
  await expectPublicFiche(visitorPage, body, true, id);

  for (const [i, email] of people.slice(1).entries()) {
    const context = await signedInContext(browser, email);
    await report(await context.newPage(), id, reasons[i + 1]!);
    await context.close();
  }
  await expectPublicFiche(visitorPage, body, false, id);

  const moderator = await signedInContext(browser, demo.moderator);
  const page = await moderator.newPage();
  await page.goto("/moderation");
  await page
    .getByRole("navigation", { name: "Rubriques de la modération" })
    .getByRole("link", { name: /^Signalements/ })
    .click();
  const item = page.locator("article", { has: page.locator(`#signalee-${id}`) });
  await expect(item).toContainText("Masquée automatiquement, en attente de votre examen.");
  await expect(item).toContainText("3 signalements");
  for (const reason of reasons) await expect(item).toContainText(reason);
  await item.getByRole("button", { name: "Republier" }).click();
  await expect(page.getByRole("status").first()).toHaveText(
    "Contribution republiée : elle est de nouveau publique, les signalements sont classés.",
  );
  await expect(page.locator(`#signalee-${id}`)).toHaveCount(0);
  await expectPublicFiche(visitorPage, body, true, id);
  for (const reason of reasons) {
    const html = await (await visitor.request.get("/fiches/pilotage-projet-social")).text();
    expect(html).not.toContain(reason);
  }
  await Promise.all([visitor.close(), first.close(), moderator.close()]);
});

test("a reported avis hidden for good from the reports tab, with a reason", async ({ browser }) => {
  test.setTimeout(90_000);
  const body = `Avis signalé une fois puis masqué. ${marker("signale-masque")}`;
  const id = await publishedFeedback(browser, body);
  const reporter = await signedInContext(browser, demo.member2);
  await report(await reporter.newPage(), id, "Ce texte cite le nom d'un voisin.");
  const moderator = await signedInContext(browser, demo.moderator);
  const page = await moderator.newPage();
  await page.goto("/moderation/signalements");
  const item = page.locator("article", { has: page.locator(`#signalee-${id}`) });
  await expect(item).toContainText("Toujours publiée.");
  await item.getByLabel(/Raison du masquage/).fill("Données personnelles d'un tiers.");
  await item.getByRole("button", { name: "Masquer" }).click();
  await expect(page.getByRole("status").first()).toHaveText(
    "Contribution masquée : elle n'apparaît plus nulle part en public, le conseil est prévenu.",
  );
  await expectPublicFiche(page, body, false, id);
  // Once hidden, it cannot be reported any more.
  const late = await signedInContext(browser, demo.official);
  const latePage = await late.newPage();
  const response = await latePage.goto(`/signaler/${id}`);
  expect(response?.status()).toBe(404);
  await Promise.all([reporter.close(), moderator.close(), late.close()]);
});
