import type { Metadata } from "next";
import { publicPageMetadata } from "@/server/settings/city-identity";
import { getDemarchePage } from "@/server/plan/load-demarche-page";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { PageFreshness } from "@/components/plan/page-freshness";
import { PlanUnavailable } from "@/components/plan/plan-unavailable";
import { Timeline } from "@/components/plan/timeline";
import { PlainText } from "@/components/ui/plain-text";

export const revalidate = 3600;

export const generateMetadata = (): Promise<Metadata> =>
  publicPageMetadata({
    title: "La démarche",
    description: (site) => `Comment le projet social communal a été construit, et les étapes de son adoption — ${site}.`,
    path: "/demarche",
  });

export default async function DemarchePage() {
  const page = await getDemarchePage();
  if (!page) return <PlanUnavailable />;
  const { plan, milestones } = page;

  return (
    <Container>
      <PageHeading
        kicker={plan.title}
        title="La démarche"
        lead={<p>Comment le projet social communal a été construit, et les étapes qui ont conduit à son adoption.</p>}
      />

      {plan.demarche ? (
        <Section id="assises" title="D'où vient le projet">
          <PlainText text={plan.demarche} />
        </Section>
      ) : null}

      <Section id="etapes" title="Les étapes">
        <Timeline milestones={milestones} />
      </Section>

      <Section id="suite" title="Et ensuite ?">
        <p>
          Le plan d&apos;actions qui en est issu est présenté sur ce site, thématique par thématique.{" "}
          <TextLink href="/#thematiques">Voir les thématiques et les fiches actions</TextLink>
        </p>
      </Section>

      <PageFreshness />
    </Container>
  );
}
