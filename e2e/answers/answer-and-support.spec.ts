import { expect, test } from "@playwright/test";
import { demo, signedInContext } from "../support/auth";
import { tabUntilFocused } from "../support/keyboard";
import { expectAccessibleAtEachWidth } from "../support/accessibility";
import { marker } from "../contributions/helpers";
import { answerFichePath, publicItem, publishedProposal } from "./helpers";

/*
 * The City answers a published proposal (keyboard only), another council supports it; the public
 * fiche shows both at once to the person who acted (public pages are refreshed), and the staff
 * pages pass axe at 320 and 1280 px.
 */
test.describe.configure({ mode: "serial" });

let id = 0;
let title = "";

test("an official answers a published proposal with the keyboard; the fiche shows the answer at once", async ({ browser }) => {
  title = `Des bancs sur la place ${marker("reponse")}`;
  id = await publishedProposal(browser, title, "Le conseil propose d'installer des bancs à l'ombre sur la place, près de l'arrêt de bus.");
  const official = await signedInContext(browser, demo.official);
  const page = await official.newPage();

  // Warm the fiche's cache before the answer: the change must still show at once.
  await page.goto(answerFichePath);
  await expect(publicItem(page, id)).toContainText("La Ville n'a pas encore répondu à cette proposition.");

  await page.goto("/reponses?etat=sans-reponse");
  const link = page.getByRole("link", { name: title });
  await tabUntilFocused(page, link);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/reponses/${id}$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  const form = page.getByRole("form", { name: "Répondre à la proposition" });
  // An empty send: errors next to the fields, nothing written.
  await tabUntilFocused(page, form.getByRole("button", { name: "Publier la réponse" }));
  await page.keyboard.press("Enter");
  await expect(form.getByText("Choisissez où en est la proposition")).toBeVisible();
  await expect(form.getByText("Écrivez la réponse de la Ville.")).toBeVisible();

  const state = form.getByLabel("Où en est la proposition ?");
  await state.focus();
  await state.selectOption("accepted");
  await tabUntilFocused(page, form.getByLabel("La réponse de la Ville"));
  const answer = `Retenue : les bancs seront posés au printemps. ${marker("texte")}`;
  await page.keyboard.type(answer);
  await tabUntilFocused(page, form.getByRole("button", { name: "Publier la réponse" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").first()).toHaveText(
    "Réponse publiée : elle apparaît sur la fiche action et le conseil est prévenu.",
  );
  const history = page.getByRole("region", { name: "Réponses de la Ville" });
  await expect(history).toContainText(answer);
  await expect(history).toContainText("Retenue");

  await page.goto(answerFichePath);
  const item = publicItem(page, id);
  await expect(item).toContainText(answer);
  await expect(item).toContainText("Retenue");
  await expect(item.getByText(/^— .+, .+, le \d/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Avis et propositions des conseils de quartier" })).toContainText(
    /\d+ répondues?, \d+ en attente, \d+ en retard ; délai médian de réponse : /,
  );

  await page.goto("/reponses?etat=repondues");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await official.close();
});

test("the proposal's badge shows its latest answer; answers read newest first, the earlier ones folded", async ({ browser }) => {
  const official = await signedInContext(browser, demo.official);
  const page = await official.newPage();
  await page.goto(`/reponses/${id}`);
  const form = page.getByRole("form", { name: "Répondre à la proposition" });
  await form.getByLabel("Où en est la proposition ?").selectOption("done");
  const second = `Les bancs sont posés depuis lundi. ${marker("seconde")}`;
  await form.getByLabel("La réponse de la Ville").fill(second);
  await form.getByRole("button", { name: "Publier la réponse" }).click();
  await expect(page.getByRole("status").first()).toHaveText(
    "Réponse publiée : elle apparaît sur la fiche action et le conseil est prévenu.",
  );

  await page.goto(answerFichePath);
  const item = publicItem(page, id);
  // The badge under the title is the current state: the latest answer's.
  await expect(item.locator("h3 + p")).toHaveText("État de la réponse de la Ville : Réalisée");
  // Newest first: the second answer is shown, the first is folded under « Voir la réponse précédente ».
  await expect(item.getByRole("heading", { name: /Réponse 2 de la Ville, la plus récente/ })).toBeVisible();
  await expect(item.getByText(second)).toBeVisible();
  const folded = item.locator("details");
  await expect(folded.getByText(/^Retenue : les bancs seront posés/)).toBeHidden();
  await folded.getByText("Voir la réponse précédente").click();
  await expect(folded.getByRole("heading", { name: /Réponse 1 de la Ville/ })).toBeVisible();
  await expect(folded.getByText(/^Retenue : les bancs seront posés/)).toBeVisible();
  await official.close();
});

test("an unanswered proposal shows « En attente de réponse » and when the answer is due", async ({ browser }) => {
  const waiting = `Un abri vélo ${marker("attente")}`;
  const waitingId = await publishedProposal(browser, waiting, "Le conseil propose un abri pour les vélos près de la médiathèque.");
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto(answerFichePath);
  const item = publicItem(page, waitingId);
  await expect(item.locator("h3 + p")).toHaveText("État de la réponse de la Ville : En attente de réponse");
  await expect(item).toContainText(/Sa réponse est attendue au plus tard le \d{1,2}(er)? \p{L}+ \d{4}\./u);
  await visitor.close();
});

test("signed out, « Soutenir » explains who may support and how, then comes back after sign-in", async ({ browser }) => {
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto(answerFichePath);
  await publicItem(page, id).getByRole("link", { name: "Soutenir au nom de votre conseil" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Soutenir une proposition" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Vous êtes membre d'un conseil de quartier ?");
  await expectAccessibleAtEachWidth(page);
  await page.getByRole("link", { name: "Connectez-vous" }).click();
  await expect(page).toHaveURL(new RegExp(`/connexion\\?callbackUrl=${encodeURIComponent(`/espace/soutenir/${id}`)}`));
  await visitor.close();
});

test("a member of another council supports it in the name of their council; the count is public at once", async ({ browser }) => {
  const member2 = await signedInContext(browser, demo.member2);
  const page = await member2.newPage();
  await page.goto(answerFichePath);
  await publicItem(page, id).getByRole("link", { name: "Soutenir au nom de votre conseil" }).click();
  await expect(page).toHaveURL(new RegExp(`/espace/soutenir/${id}$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // membre2 belongs to councils n°2 and n°3: they choose.
  await expect(page.getByRole("heading", { name: "Au nom de quel conseil ?" })).toBeVisible();
  await tabUntilFocused(page, page.getByRole("button", { name: "Soutenir au nom du Conseil de quartier n°2" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").first()).toContainText("Le Conseil de quartier n°2 soutient maintenant cette proposition.");
  await expect(page.getByRole("button", { name: "Soutenir au nom du Conseil de quartier n°2" })).toHaveCount(0);
  await expect(page.getByText(/Ce conseil soutient déjà cette proposition, depuis le/)).toBeVisible();

  await page.goto(answerFichePath);
  await expect(publicItem(page, id)).toContainText("Soutenue par 1 conseil : Conseil de quartier n°2.");
  await member2.close();

  // The proposing council's own member is told why they cannot.
  const member1 = await signedInContext(browser, demo.member1);
  const own = await member1.newPage();
  await own.goto(`/espace/soutenir/${id}`);
  await expect(
    own.getByText("C'est une proposition de ce conseil : un conseil ne soutient que les propositions des autres conseils."),
  ).toBeVisible();
  await expect(own.getByRole("button", { name: /Soutenir au nom du/ })).toHaveCount(0);
  await member1.close();
});

test("the answer pages are for the City's staff only: others get « page introuvable »", async ({ browser }) => {
  const member = await signedInContext(browser, demo.member1);
  for (const path of ["/reponses", `/reponses/${id}`]) {
    const response = await member.request.get(path);
    expect(response.status(), path).toBe(404);
  }
  await member.close();
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto("/reponses");
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Freponses/);
  await visitor.close();
});

test("axe: the answer list, the answer page, the support page and the fiche with answers (1280 and 320 px)", async ({ browser }) => {
  const official = await signedInContext(browser, demo.official);
  const page = await official.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const path of ["/reponses", `/reponses/${id}`, answerFichePath]) {
    await page.goto(path);
    await expectAccessibleAtEachWidth(page);
  }
  // The form with its errors shown (sent from the phone's width, where the check above leaves it).
  await page.goto(`/reponses/${id}`);
  await page.getByRole("button", { name: "Publier la réponse" }).click();
  await expect(page.getByText("Écrivez la réponse de la Ville.")).toBeVisible();
  await expectAccessibleAtEachWidth(page);
  await official.close();

  const member2 = await signedInContext(browser, demo.member2);
  const support = await member2.newPage();
  await support.goto(`/espace/soutenir/${id}`);
  await expectAccessibleAtEachWidth(support);
  await member2.close();
});
