import { Notice } from "@/components/ui/notice";
import { TextLink } from "@/components/ui/text-link";
import { formatDateTime, isoDateTime } from "@/lib/dates";
import { periodOf, planPath } from "@/lib/plans";

/**
 * « Plan terminé »: on an earlier plan's page and on each of its fiches (decision 0027). The plan
 * stays as it was when the next one was published; it takes no new contribution nor report.
 */
export function ClosedPlanNotice({
  plan,
  onPlanPage = false,
}: {
  plan: { slug: string; title: string; state: string; closedAt: Date | null; periodStartYear: number; periodEndYear: number };
  onPlanPage?: boolean;
}) {
  if (plan.state !== "closed") return null;
  return (
    <Notice title="Plan terminé" className="mb-6">
      <p>
        {onPlanPage ? (
          "Ce plan a été remplacé"
        ) : (
          <>
            Cette fiche appartient au plan{" "}
            <TextLink href={planPath(plan.slug)}>
              « {plan.title} » ({periodOf(plan)})
            </TextLink>
            , remplacé
          </>
        )}{" "}
        par le plan en cours
        {plan.closedAt ? (
          <>
            {" "}
            le <time dateTime={isoDateTime(plan.closedAt)}>{formatDateTime(plan.closedAt)}</time>
          </>
        ) : null}
        . Tout ce qu&apos;il contenait reste consultable tel quel : fiches, points d&apos;étape, avis, propositions et réponses de la Ville.
        Il ne reçoit plus d&apos;avis, de propositions ni de points d&apos;étape.
      </p>
      <p>
        <TextLink href="/">Voir le plan en cours</TextLink>
      </p>
    </Notice>
  );
}
