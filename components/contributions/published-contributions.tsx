import { AnswerHistory } from "@/components/answers/answer-history";
import { AnswerStateBadge, AwaitingAnswerBadge } from "@/components/answers/answer-state-badge";
import { DemoMarker } from "@/components/ui/demo-marker";
import { TextLink } from "@/components/ui/text-link";
import { cityDay, formatDay } from "@/lib/dates";
import { joinFrench } from "@/lib/french";
import { pluralize } from "@/lib/labels";
import { provenanceText } from "@/lib/paper-contribution";
import type { PublishedContribution } from "@/server/plan/load-published-contributions";
import { ContributionText } from "./contribution-text";
import { PositionBadge } from "./position-badge";

function CouncilName({ name, slug }: { name: string; slug: string | null }) {
  return slug ? <TextLink href={`/conseils/${slug}`}>{name}</TextLink> : <>{name}</>;
}

function Supporters({ supporters }: { supporters: PublishedContribution["supporters"] }) {
  if (supporters.length === 0) return <p className="mt-3 text-slate-800">Aucun autre conseil ne soutient encore cette proposition.</p>;
  return (
    <p className="mt-3 text-slate-800">
      <strong>Soutenue par {pluralize(supporters.length, "conseil", "conseils")} :</strong> {joinFrench(supporters.map((s) => s.name))}.
    </p>
  );
}

/**
 * One published avis or proposition, for the public pages (static: the same for everyone). The
 * per-person actions are links to signed-in pages. `context` says where it is shown: on its fiche
 * (the council is named) or on its council's page (the fiche is named).
 */
export function PublishedContributionCard({ item, context }: { item: PublishedContribution; context: "fiche" | "council" }) {
  const headingId = `contribution-${item.id}`;
  const isProposal = item.kind === "proposal";
  const latestAnswer = item.answers.at(-1);
  const heading = isProposal
    ? `Proposition : ${item.title}`
    : context === "fiche"
      ? `Avis du ${item.councilName}`
      : `Avis sur « ${item.actionTitle} »`;
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-300 p-4 sm:p-6">
      <h3 id={headingId} className="text-xl leading-snug font-bold break-words">
        {heading}
      </h3>
      {isProposal ? (
        // The proposal's current state at a glance, before its text: the latest answer's state.
        <p className="mt-2">
          <span className="sr-only">État de la réponse de la Ville : </span>
          {latestAnswer ? <AnswerStateBadge state={latestAnswer.state} /> : <AwaitingAnswerBadge />}
        </p>
      ) : null}
      <p className="mt-1 text-slate-800">
        {context === "fiche" ? (
          <>
            {isProposal ? "Proposée par le " : "Publié par le "}
            <CouncilName name={item.councilName} slug={item.councilSlug} />
          </>
        ) : (
          <>
            {isProposal ? "Proposée" : "Publié"} sur la fiche action{" "}
            <TextLink href={`/fiches/${item.actionSlug}`}>{item.actionTitle}</TextLink>
          </>
        )}
        {/* « Proposée par le conseil, rédigée par … » : the participle agrees with the item, not the person. */}
        {item.authorName ? (
          <>
            , {isProposal ? "rédigée" : "rédigé"} par {item.authorName}
          </>
        ) : null}
        , le <time dateTime={item.publishedAt.toISOString()}>{formatDay(cityDay(item.publishedAt))}</time>
      </p>
      {item.receivedVia && item.receivedOn ? (
        <p className="mt-1 text-slate-800">{provenanceText(item.kind, item.receivedVia, item.receivedOn)}.</p>
      ) : null}
      {item.isDemo ? (
        <p className="mt-2">
          <DemoMarker />
        </p>
      ) : null}
      {item.position ? (
        <p className="mt-3">
          <PositionBadge position={item.position} />
        </p>
      ) : null}
      <ContributionText text={item.body} className="mt-3" />
      {isProposal ? (
        <>
          <Supporters supporters={item.supporters} />
          <div className="mt-4">
            {item.answers.length > 0 ? (
              <AnswerHistory answers={item.answers} />
            ) : (
              <p className="rounded-md border-l-4 border-slate-400 bg-slate-50 p-3">
                La Ville n&apos;a pas encore répondu à cette proposition. Sa réponse est attendue au plus tard le{" "}
                <time dateTime={item.answerDueAt.toISOString()}>{formatDay(cityDay(item.answerDueAt))}</time>.
              </p>
            )}
          </div>
        </>
      ) : null}
      <ul className="mt-4 flex flex-wrap gap-x-6 gap-y-1 text-base print:hidden">
        {isProposal ? (
          <li>
            <TextLink href={`/espace/soutenir/${item.id}`} aria-describedby={headingId} className="inline-flex min-h-11 items-center">
              Soutenir au nom de votre conseil
            </TextLink>
          </li>
        ) : null}
        <li>
          <TextLink href={`/signaler/${item.id}`} aria-describedby={headingId} className="inline-flex min-h-11 items-center">
            Signaler
          </TextLink>
        </li>
      </ul>
    </article>
  );
}

/** A page of published contributions, newest first. */
export function PublishedContributionList({ items, context }: { items: PublishedContribution[]; context: "fiche" | "council" }) {
  return (
    <ol className="space-y-4">
      {items.map((item) => (
        <li key={item.id}>
          <PublishedContributionCard item={item} context={context} />
        </li>
      ))}
    </ol>
  );
}

/** « 2 avis, 1 proposition » */
export function contributionCountText(counts: { feedback: number; proposals: number }): string {
  return `${pluralize(counts.feedback, "avis", "avis")}, ${pluralize(counts.proposals, "proposition", "propositions")}`;
}
