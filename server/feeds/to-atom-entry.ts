import "server-only";
import type { AtomEntry } from "@/lib/atom";
import { cityDay, formatDay } from "@/lib/dates";
import { tagUri, type FeedScope } from "@/lib/feeds";
import { progressLabel, statusLabel } from "@/lib/labels";
import { answerStateLabels } from "@/lib/validation/answer";
import { provenanceText } from "@/lib/paper-contribution";
import { positionLabels } from "@/lib/validation/contribution";
import { contributionHref } from "@/server/plan/contribution-link";
import { itemDate, type FeedItem } from "./load-feed-items";

/*
 * A feed item as an Atom entry, in the words of the public pages: « Point d'étape », « Avis du … »,
 * « Proposition : … », « Réponse de la Ville », the same signatures (the author's display name or
 * « Ancien membre du conseil … », the answer's copied signature; a point d'étape is signed by no one
 * on its page, so the feed's author — the City — stands for it), demo items marked as on the pages.
 */

const DEMO = " (démonstration)";

/** Where a contribution's card is: its council's pages in a council's feed, its fiche's otherwise. */
function cardHref(scope: FeedScope, item: { actionSlug: string; page: number }, contributionId: number): string {
  return scope.kind === "council"
    ? contributionHref("council", scope.slug, item.page, contributionId)
    : contributionHref("fiche", item.actionSlug, item.page, contributionId);
}

export function toAtomEntry(item: FeedItem, scope: FeedScope, origin: string): AtomEntry {
  const date = itemDate(item);
  const onFiche = (slug: string, title: string) => (scope.kind === "action" && scope.slug === slug ? "" : `Fiche action « ${title} ». `);
  switch (item.kind) {
    case "report":
      return {
        id: tagUri(origin, `point-etape-${item.id}`),
        title: `Point d'étape : ${item.title}`,
        link: `${origin}/fiches/${item.actionSlug}#point-etape-${item.id}`,
        published: item.createdAt,
        updated: date,
        category: { term: "point-etape", label: "Point d'étape" },
        content: [
          `${onFiche(item.actionSlug, item.actionTitle)}${item.reportedOn ? `Le ${formatDay(item.reportedOn)}.` : "Date non précisée."}`,
          `${statusLabel(item.status)}. ${progressLabel(item.progress)}.`,
          item.body,
          ...(item.sourceLabel ? [`Source : ${item.sourceLabel}`] : []),
          ...(item.correctedAt ? [`Corrigé le ${formatDay(cityDay(item.correctedAt))}.`] : []),
        ].join("\n\n"),
      };
    case "contribution": {
      const isProposal = item.contributionKind === "proposal";
      const title = isProposal ? `Proposition du ${item.councilName} : ${item.title ?? ""}` : `Avis du ${item.councilName}`;
      return {
        id: tagUri(origin, `contribution-${item.id}`),
        title: `${title}${item.isDemo ? DEMO : ""}`,
        link: `${origin}${cardHref(scope, item, item.id)}`,
        published: item.publishedAt,
        updated: date,
        author: item.authorName ?? item.councilName,
        category: isProposal ? { term: "proposition", label: "Proposition" } : { term: "avis", label: "Avis" },
        content: [
          `${onFiche(item.actionSlug, item.actionTitle)}${isProposal ? "Proposée" : "Publié"} par le ${item.councilName}${item.authorName ? `, rédigé par ${item.authorName}` : ""}.`,
          ...(item.receivedVia && item.receivedOn ? [`${provenanceText(item.contributionKind, item.receivedVia, item.receivedOn)}.`] : []),
          ...(item.position ? [`Avis ${positionLabels[item.position].toLowerCase()}.`] : []),
          item.body,
        ].join("\n\n"),
      };
    }
    case "answer": {
      const signature = `${item.signatureName}${item.signatureTitle ? `, ${item.signatureTitle}` : ""}`;
      return {
        id: tagUri(origin, `reponse-${item.id}`),
        title: `Réponse de la Ville (${answerStateLabels[item.state]}) : ${item.proposalTitle ?? ""}${item.isDemo ? DEMO : ""}`,
        link: `${origin}${cardHref(scope, item, item.contributionId)}`,
        published: item.createdAt,
        updated: date,
        author: signature,
        category: { term: "reponse", label: "Réponse de la Ville" },
        content: [
          `${onFiche(item.actionSlug, item.actionTitle)}Réponse à la proposition « ${item.proposalTitle ?? ""} » du ${item.councilName}.`,
          `État : ${answerStateLabels[item.state]}.`,
          item.body,
          `— ${signature}`,
        ].join("\n\n"),
      };
    }
  }
}
