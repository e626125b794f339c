import type { ReactNode } from "react";
import { ContributionText } from "@/components/contributions/contribution-text";
import { PositionBadge } from "@/components/contributions/position-badge";
import { TextLink } from "@/components/ui/text-link";
import { kindLabels } from "@/lib/validation/contribution";

/** What every moderation list shows of an item: a heading naming it, a line about it, its text. User text is plain text. */
export function ModeratedItem({
  id,
  headingId,
  item,
  meta,
  before,
  children,
  headingLevel = 3,
}: {
  id?: string;
  headingId: string;
  item: {
    kind: "feedback" | "proposal";
    title: string | null;
    body: string;
    position: "favorable" | "favorable_with_reservations" | "unfavorable" | null;
    council: { name: string };
    action: { slug: string; title: string };
  };
  meta: ReactNode;
  /** Shown above the heading (a selection checkbox). */
  before?: ReactNode;
  children?: ReactNode;
  /** 3 in the moderation lists (under a section's h2), 2 alone on a page. */
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const label = `${kindLabels[item.kind]} du ${item.council.name} sur « ${item.action.title} »${item.title ? ` : ${item.title}` : ""}`;
  return (
    <article id={id} aria-labelledby={headingId} className="rounded-lg border-2 border-slate-300 bg-white p-4 sm:p-5">
      {before}
      <Heading id={headingId} className="text-xl leading-snug font-bold break-words">
        {label}
      </Heading>
      <p className="mt-2 text-slate-800">
        {meta} <TextLink href={`/fiches/${item.action.slug}`}>Voir la fiche</TextLink>
      </p>
      {item.position ? (
        <p className="mt-2">
          <PositionBadge position={item.position} />
        </p>
      ) : null}
      <ContributionText text={item.body} className="mt-3" />
      {children}
    </article>
  );
}
