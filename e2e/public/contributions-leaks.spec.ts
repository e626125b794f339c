import { expect, test } from "@playwright/test";
import { demo, signedInContext } from "../support/auth";
import { marker } from "../contributions/helpers";
import { council1 } from "../council/helpers";
import { answerFiche, answerFichePath, publishedProposal, submitProposal } from "../answers/helpers";
import { hidePublished } from "../moderation/helpers";

/*
 * Leaks: a hidden item and a pending item never reach a public page — not the HTML, not the React
 * Server Components payload — on the fiche, its pages of contributions, its theme, the home page and
 * the council's public page; while a published item of the same council shows there.
 */
const pages = [
  answerFichePath,
  `${answerFichePath}/contributions/1`,
  `/thematiques/${answerFiche.theme}`,
  "/",
  `/conseils/${council1.slug}`,
  `/conseils/${council1.slug}/contributions/1`,
];

test("hidden and pending items appear in no public HTML nor RSC payload", async ({ browser }) => {
  const visible = `Proposition publiée visible ${marker("visible")}`;
  const hidden = `Proposition masquée ${marker("masquee")}`;
  const pending = `Proposition en attente ${marker("attente")}`;
  await publishedProposal(browser, visible, "Une proposition publiée, qui reste publique.");
  const hiddenId = await publishedProposal(browser, hidden, "Une proposition publiée puis masquée par la Ville.");

  await hidePublished(browser, hiddenId, "Masquée pour le test de fuite.");

  const member = await signedInContext(browser, demo.member1);
  await submitProposal(await member.newPage(), pending, "Une proposition soumise, pas encore relue par la Ville.");
  await member.close();

  const visitor = await browser.newContext();
  // The published one shows where contributions are listed (refreshed at once after the decisions).
  for (const path of [answerFichePath, `/conseils/${council1.slug}`]) {
    expect((await (await visitor.request.get(path)).text()).includes(visible), path).toBe(true);
  }
  for (const path of pages) {
    const response = await visitor.request.get(path);
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    const rsc = await (await visitor.request.get(path, { headers: { RSC: "1" } })).text();
    for (const secret of [hidden, pending, "Masquée pour le test de fuite."]) {
      expect(html.includes(secret), `${path} (HTML) : ${secret}`).toBe(false);
      expect(rsc.includes(secret), `${path} (RSC) : ${secret}`).toBe(false);
    }
  }
  await visitor.close();
});
