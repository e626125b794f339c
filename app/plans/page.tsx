import type { Metadata } from "next";
import { formatDay, cityDay } from "@/lib/dates";
import { periodOf, planPath, PLANS_PATH } from "@/lib/plans";
import { getPublicPlans } from "@/server/plan/load-plans-list";
import { publicPageMetadata } from "@/server/settings/city-identity";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";

/* « Les plans »: the current plan and the earlier ones (decision 0027). Served from cache, refreshed with the plan. */
export const revalidate = 3600;

export const generateMetadata = (): Promise<Metadata> =>
  publicPageMetadata({
    title: "Les plans : le plan en cours et les plans précédents",
    description: (site) => `Le projet social communal en cours et les plans précédents, chacun avec ses fiches et leur bilan — ${site}.`,
    path: PLANS_PATH,
  });

export default async function PlansPage() {
  const plans = await getPublicPlans();
  return (
    <Container>
      <Breadcrumb items={[{ label: "Accueil", href: "/" }, { label: "Les plans" }]} />
      <PageHeading
        title="Les plans"
        lead={
          <p>
            Le plan en cours et les plans précédents. Un plan terminé reste consultable tel qu&apos;il était : ses fiches, leurs points
            d&apos;étape, les avis et propositions des conseils de quartier et les réponses de la Ville.
          </p>
        }
      />
      <ul className="flex flex-col gap-4">
        {plans.map((plan) => (
          <li key={plan.slug} className="rounded-lg border border-slate-300 p-4 sm:p-6">
            <h2 className="text-xl font-bold">
              <TextLink href={planPath(plan.slug)}>
                {plan.title} ({periodOf(plan)})
              </TextLink>
            </h2>
            <p className="mt-1">
              {plan.state === "current" ? (
                <>
                  <strong>Plan en cours</strong>
                  {plan.publishedAt ? <> depuis le {formatDay(cityDay(plan.publishedAt))}</> : null}
                </>
              ) : (
                <>
                  <strong>Plan terminé</strong>
                  {plan.closedAt ? <> le {formatDay(cityDay(plan.closedAt))}</> : null}
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </Container>
  );
}
