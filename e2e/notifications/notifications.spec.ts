import { expect, test } from "@playwright/test";
import { demo, signedInContext } from "../support/auth";
import { tabUntilFocused } from "../support/keyboard";
import { linkIn, waitForMail } from "../support/mail";
import { council1, newMemberOf, expectAccessibleAtEachWidth } from "../council/helpers";
import { isDigest, mailsTo, newMemberOfOwnCouncil, notifyByHook, tag } from "./helpers";

const accountBar = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: "Votre compte" });

test("the first notification is mailed at once, later ones wait for tomorrow's digest; the mail's link marks it read", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const member = await newMemberOfOwnCouncil(browser, "notif");
  const t = tag();
  await notifyByHook(member.email, `Votre avis ${t} est publié.`);

  const mail = await waitForMail(member.email, isDigest);
  expect(mail.subject).toBe(`Votre avis ${t} est publié`);
  expect(mail.text).toContain(`- Votre avis ${t} est publié.`);
  expect(mail.text).toMatch(/^https?:\/\/[^\s/]+\/espace\/notifications$/m);
  expect(mail.text).toMatch(/^https?:\/\/[^\s/]+\/espace\/notifications\/preferences$/m);

  const page = await member.context.newPage();
  await page.goto("/espace");
  await expect(accountBar(page).getByRole("link", { name: "Notifications (1 non lue)" })).toBeVisible();

  // A second one the same day: in the app at once, by mail only in tomorrow's digest.
  await notifyByHook(
    member.email,
    `Votre proposition ${t} a reçu une réponse.`,
    "/fiches/pilotage-projet-social#reponses",
    "contribution_answered",
  );
  await page.goto("/espace/notifications");
  await expect(page.getByRole("status").filter({ hasText: "2 notifications, dont 2 non lues" })).toBeVisible();
  const items = page.getByRole("list", { name: "Notifications, de la plus récente à la plus ancienne" }).getByRole("listitem");
  await expect(items.first()).toContainText(`Votre proposition ${t} a reçu une réponse.`);
  await expect(items.first()).toContainText("Non lue");
  await page.waitForTimeout(2500);
  expect((await mailsTo(member.email)).filter((m) => isDigest(m))).toHaveLength(1);

  // The mail's link: marks that one read, then goes to its page.
  await page.goto(linkIn(mail, "/espace/notifications/"));
  await expect(page).toHaveURL("/fiches/pilotage-projet-social");
  await page.goto("/espace/notifications");
  await expect(page.getByRole("status").filter({ hasText: "2 notifications, dont 1 non lue" })).toBeVisible();
  await expect(items.nth(1)).toContainText("Lue");
  await expect(items.nth(1)).not.toContainText("Non lue");
  await expect(accountBar(page).getByRole("link", { name: "Notifications (1 non lue)" })).toBeVisible();

  // « Tout marquer comme lu », with the keyboard only.
  const markAll = page.getByRole("button", { name: "Tout marquer comme lu" });
  await tabUntilFocused(page, markAll);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/espace/notifications?lu=tout");
  await expect(page.getByText("Toutes vos notifications sont marquées comme lues.")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "2 notifications, dont 0 non lue" })).toBeVisible();
  await expect(accountBar(page).getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await member.context.close();
});

test("a notification is its owner's only: anyone else gets « page introuvable », and it stays unread", async ({ browser }) => {
  const member = await newMemberOf(browser, council1.slug, "notif-prive");
  const t = tag();
  await notifyByHook(member.email, `Privée ${t}.`);
  const page = await member.context.newPage();
  await page.goto("/espace/notifications");
  const href = await page.getByRole("link", { name: new RegExp(`Privée ${t}`) }).getAttribute("href");
  expect(href).toMatch(/^\/espace\/notifications\/\d+$/);

  const other = await signedInContext(browser, demo.member2);
  const otherPage = await other.newPage();
  const response = await otherPage.goto(href!);
  expect(response?.status()).toBe(404);
  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: `Privée ${t}` })).toContainText("Non lue");

  // Signed out: the sign-in page, coming back to it.
  const visitor = await browser.newPage();
  await visitor.goto(href!);
  await expect(visitor).toHaveURL(/\/connexion\?callbackUrl=/);
  expect(new URL(visitor.url()).searchParams.get("callbackUrl")).toBe(href);
  await Promise.all([other.close(), visitor.close(), member.context.close()]);
});

test("email per kind, without JavaScript: a kind turned off is never mailed, the others are", async ({ browser }) => {
  test.setTimeout(90_000);
  const member = await newMemberOfOwnCouncil(browser, "notif-pref");
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await member.context.storageState() });
  const page = await noJs.newPage();
  await page.goto("/espace/notifications/preferences");
  const form = page.getByRole("form", { name: "Mes courriels de notification" });
  const boxes = form.getByRole("checkbox");
  await expect(boxes).toHaveCount(5);
  // A member does not see the moderators' kinds.
  await expect(form.getByText("des contributions attendent la modération")).toHaveCount(0);
  const answered = form.getByLabel("la Ville répond à une proposition de mon conseil");
  await expect(answered).toBeChecked();
  await answered.uncheck();
  await form.getByRole("button", { name: "Enregistrer mes choix" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Vos choix de courriels sont enregistrés." })).toBeVisible();
  await page.goto("/espace/notifications/preferences");
  await expect(form.getByLabel("la Ville répond à une proposition de mon conseil")).not.toBeChecked();
  await expect(form.getByLabel("une contribution de mon conseil est publiée")).toBeChecked();

  const t = tag();
  await notifyByHook(member.email, `Réponse sans courriel ${t}.`, "/fiches/pilotage-projet-social", "contribution_answered");
  await page.waitForTimeout(2500);
  expect((await mailsTo(member.email)).filter((m) => isDigest(m))).toHaveLength(0);

  await notifyByHook(member.email, `Publication avec courriel ${t}.`);
  const mail = await waitForMail(member.email, isDigest);
  expect(mail.text).toContain(`Publication avec courriel ${t}.`);
  expect(mail.text).not.toContain("Réponse sans courriel");
  await Promise.all([noJs.close(), member.context.close()]);
});

test("a moderator chooses among the moderators' kinds", async ({ browser }) => {
  const moderator = await signedInContext(browser, demo.moderator);
  const page = await moderator.newPage();
  await page.goto("/espace/notifications/preferences");
  const form = page.getByRole("form", { name: "Mes courriels de notification" });
  await expect(form.getByLabel("des contributions attendent la modération")).toBeVisible();
  await expect(form.getByLabel("une contribution publiée est signalée")).toBeVisible();
  await expect(form.getByText("une contribution de mon conseil est publiée")).toHaveCount(0);
  await moderator.close();
});

test("the notifications and preferences pages pass axe at 320 and 1280 px", async ({ browser }) => {
  test.setTimeout(90_000);
  const member = await newMemberOf(browser, council1.slug, "notif-a11y");
  const t = tag();
  await notifyByHook(member.email, `Lue ${t}.`);
  await notifyByHook(member.email, `Non lue ${t}, avec un texte un peu plus long pour voir le retour à la ligne sur un petit écran.`);
  const page = await member.context.newPage();
  await page.goto("/espace/notifications");
  await page.getByRole("link", { name: new RegExp(`^Non lue : Lue ${t}`) }).click();
  for (const path of ["/espace/notifications", "/espace/notifications/preferences"]) {
    await page.goto(path);
    await expectAccessibleAtEachWidth(page);
  }
  await member.context.close();
});
