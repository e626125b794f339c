import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { formatDay, cityDay } from "@/lib/dates";
import { periodOf, planPath, PLANS_PATH } from "@/lib/plans";
import type { AdminPlanRow } from "@/server/plan-admin/next-plan";

export const NEXT_PLAN_PATH = "/admin/plan/prochain";

/** On /admin/plan: the draft of the next plan (or how to open one) and the earlier plans (decision 0027). */
export function NextPlanSummary({ plans }: { plans: AdminPlanRow[] }) {
  const draft = plans.find((p) => p.state === "draft");
  const closed = plans.filter((p) => p.state === "closed");
  return (
    <Section id="prochain-plan" title="Le prochain plan">
      {draft ? (
        <p>
          Le plan « {draft.title} » ({periodOf(draft)}) est en préparation, visible seulement de l&apos;équipe : {draft.themeCount}{" "}
          thématique{draft.themeCount > 1 ? "s" : ""}, {draft.actionCount} fiche{draft.actionCount > 1 ? "s" : ""}.{" "}
          <TextLink href={NEXT_PLAN_PATH}>Préparer et publier le prochain plan</TextLink>
        </p>
      ) : (
        <p>
          Quand la Ville adopte un nouveau plan, préparez-le ici en brouillon, puis publiez-le : il remplacera le plan en cours, qui restera
          consultable. <TextLink href={NEXT_PLAN_PATH}>Préparer le prochain plan</TextLink>
        </p>
      )}
      {closed.length > 0 ? (
        <>
          <h3 className="mt-4 text-xl font-bold">Plans terminés</h3>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {closed.map((p) => (
              <li key={p.id}>
                <TextLink href={planPath(p.slug)}>
                  {p.title} ({periodOf(p)})
                </TextLink>
                {p.closedAt ? <> — terminé le {formatDay(cityDay(p.closedAt))}</> : null}
              </li>
            ))}
          </ul>
          <p className="mt-2">
            <TextLink href={PLANS_PATH}>La page publique des plans</TextLink>
          </p>
        </>
      ) : null}
    </Section>
  );
}
