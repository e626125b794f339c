import type { Metadata } from "next";
import { publicPageMetadata } from "@/server/settings/city-identity";
import type { ReactNode } from "react";
import { getDemarchePage } from "@/server/plan/load-demarche-page";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { PageFreshness } from "@/components/plan/page-freshness";
import { PlanUnavailable } from "@/components/plan/plan-unavailable";
import { Timeline } from "@/components/plan/timeline";

export const revalidate = 3600;

export const generateMetadata = (): Promise<Metadata> =>
  publicPageMetadata({
    title: "La démarche",
    description: (site) => `Les Assises de la Solidarité et les étapes qui ont conduit au projet social communal — ${site}.`,
    path: "/demarche",
  });

function Quote({ children, cite }: { children: ReactNode; cite: ReactNode }) {
  return (
    <figure className="my-6 border-l-4 border-blue-800 bg-slate-50 px-4 py-3 sm:px-6">
      <blockquote className="text-slate-900 italic">{children}</blockquote>
      <figcaption className="mt-2 text-base text-slate-700">{cite}</figcaption>
    </figure>
  );
}

export default async function DemarchePage() {
  const page = await getDemarchePage();
  if (!page) return <PlanUnavailable />;
  const { plan, milestones } = page;
  const source = `Ville d'${plan.cityName}, article « ${plan.sourceTitle ?? "Premier point d'étape pour le projet social communal"} »`;

  return (
    <Container>
      <PageHeading
        kicker={plan.title}
        title="La démarche"
        lead={
          <p>
            Le projet social communal est issu des Assises de la Solidarité. Voici ce qu&apos;elles étaient et les étapes qui ont conduit à
            son adoption.
          </p>
        }
      />

      <Section id="assises" title="Les Assises de la Solidarité">
        <div className="space-y-4">
          <p>
            Face à l&apos;aggravation de la crise économique, la Municipalité d&apos;{plan.cityName} a lancé les Assises de la Solidarité
            pour repenser sa politique sociale, notamment en faveur des personnes les plus fragiles.
          </p>
          <p>
            Elles ont rassemblé de nombreux acteurs locaux du monde social, mais aussi des habitants, à travers les conseils de quartier.
            Leur but : une politique sociale lisible, unique et compréhensible pour celles et ceux qui en ont besoin.
          </p>
        </div>
        <Quote cite={source}>
          <p>
            « Les Assises de la Solidarité visaient à définir la politique sociale en faveur des Aurillacois, notamment les plus fragiles,
            pour la période 2015-2020 et à construire un programme d&apos;actions partagé, opérationnel et adapté. »
          </p>
        </Quote>
        <p>
          Le document source ajoute : « Fruit d&apos;une large concertation, le projet social communal a abouti à une stratégie développée
          en cinq thématiques et dix-sept fiches actions, que le maire et ses adjoints ont décliné par domaines de compétences. »
        </p>
        <Quote cite={<>Pierre Mathonier, maire, lors de la première réunion de restitution du projet social communal ({source})</>}>
          <p>
            « Nous avons fait le choix politique d&apos;un Aurillac pour tous. C&apos;est-à-dire que nous souhaitons construire une société
            inclusive où chacun trouve sa place, quel que soit son statut social. »
          </p>
        </Quote>
      </Section>

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
