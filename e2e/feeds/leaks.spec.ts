import { expect, test, type APIRequestContext } from "@playwright/test";
import { htmlText, parseAtom, parseIcs, parseSitemap } from "../../tests/support/feed-parsers";
import { demo, signedInContext } from "../support/auth";
import { decide, marker } from "../contributions/helpers";
import { council1 } from "../council/helpers";
import { publishedProposal, submitProposal } from "../answers/helpers";
import { hidePublished } from "../moderation/helpers";

/*
 * Leaks (docs/decisions/0015): with a draft, a pending, a rejected and a hidden proposal of council
 * n°1 on a fiche, next to a published one, no feed, calendar, sitemap or robots.txt carries a byte
 * of the unpublished ones (nor the reasons), while the published one is in every feed that covers
 * it — served from cache before the decisions, so this also shows the writes refresh them.
 */
const FICHE = { slug: "espaces-de-proximite", theme: "animation-territoriale" } as const;
const FEEDS = [
  "/flux.atom",
  `/thematiques/${FICHE.theme}/flux.atom`,
  `/fiches/${FICHE.slug}/flux.atom`,
  `/conseils/${council1.slug}/flux.atom`,
];
const OTHERS = [
  "/reunions.ics",
  "/echeances.ics",
  "/reunions/reunion-de-restitution-demonstration/calendrier.ics",
  "/sitemap.xml",
  "/robots.txt",
];

async function outputs(request: APIRequestContext) {
  const texts: Record<string, string> = {};
  for (const path of [...FEEDS, ...OTHERS]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    texts[path] = await response.text();
  }
  return texts;
}

test("no feed, calendar, sitemap nor robots.txt carries a draft, pending, rejected or hidden item; the published one is in every feed", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  // Served from cache before anything happens.
  await outputs(request);
  await outputs(request);

  const visible = `Proposition publiée ${marker("flux-visible")}`;
  const hidden = `Proposition masquée ${marker("flux-masquee")}`;
  const rejected = `Proposition refusée ${marker("flux-refusee")}`;
  const pending = `Proposition en attente ${marker("flux-attente")}`;
  const draft = `Proposition en brouillon ${marker("flux-brouillon")}`;
  const reasons = ["Refusée pour le test de fuite des flux.", "Masquée pour le test de fuite des flux."];

  await publishedProposal(browser, visible, "Une proposition publiée, qui reste publique.", FICHE.slug);
  const hiddenId = await publishedProposal(browser, hidden, "Une proposition publiée puis masquée.", FICHE.slug);
  await hidePublished(browser, hiddenId, reasons[1]!);

  const member = await signedInContext(browser, demo.member1);
  const memberPage = await member.newPage();
  await submitProposal(memberPage, rejected, "Une proposition que la Ville refuse.", FICHE.slug);
  await submitProposal(memberPage, pending, "Une proposition soumise, pas encore relue.", FICHE.slug);
  await memberPage.goto(`/espace/conseils/${council1.slug}/contributions/nouvelle?type=proposition&fiche=${FICHE.slug}`);
  const form = memberPage.getByRole("form", { name: "Nouvelle proposition" });
  await form.getByLabel("Titre de la proposition").fill(draft);
  await form.getByLabel("Le texte de la proposition").fill("Un brouillon que seul le conseil voit.");
  await form.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(memberPage).toHaveURL(/\/contributions\?enregistre=\d+/);
  await member.close();
  const moderator = await signedInContext(browser, demo.moderator);
  await decide(await moderator.newPage(), rejected, "reject", reasons[0]);
  await moderator.close();

  const after = await outputs(request);
  for (const [path, text] of Object.entries(after)) {
    for (const secret of [hidden, rejected, pending, draft, ...reasons]) expect(text.includes(secret), `${path} : ${secret}`).toBe(false);
    if (path.endsWith(".atom")) {
      const feed = parseAtom(text);
      const titles = feed.entries.map((e) => `${e.title}\n${htmlText(e.html)}`).join("\n");
      expect(titles, path).toContain(visible);
    } else if (path.endsWith(".ics")) parseIcs(text);
    else if (path === "/sitemap.xml") parseSitemap(text);
  }
});
