import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/server/auth/actor";
import { findCouncilForContributions } from "@/server/contributions/list-council-contributions";
import { getDb } from "@/server/db";
import { loadActionChoices } from "@/server/plan/load-action-choices";
import { NewContributionForm } from "./contribution-form";

export const metadata: Metadata = { title: "Nouvelle contribution du conseil", robots: { index: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/* A new avis or proposition of a council, for its members. Per request (reads the session). */
export default async function NewContributionPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const kind = query.type === "proposition" ? "proposal" : "feedback";
  const fiche = typeof query.fiche === "string" ? query.fiche : "";
  const actor = await requireActor(
    `/espace/conseils/${slug}/contributions/nouvelle?type=${query.type === "proposition" ? "proposition" : "avis"}${fiche ? `&fiche=${encodeURIComponent(fiche)}` : ""}`,
  );
  const db = await getDb();
  const [found, actions] = await Promise.all([findCouncilForContributions(db, actor, slug), loadActionChoices(db)]);
  if (!found.ok) notFound();
  const council = found.data;
  const seen = new Set(actions.map((a) => a.slug));
  const title = kind === "feedback" ? "Nouvel avis" : "Nouvelle proposition";

  return (
    <Container>
      <Breadcrumb
        items={[
          { label: "Mon espace", href: "/espace" },
          { label: council.name, href: `/espace/conseils/${slug}` },
          { label: "Contributions", href: `/espace/conseils/${slug}/contributions` },
          { label: title },
        ]}
      />
      <PageHeading
        title={`${title} du ${council.name}`}
        lead={
          <p>
            Votre texte est d&apos;abord enregistré comme <strong>brouillon</strong> : les membres du conseil peuvent le commenter, puis le
            soumettre à la modération. Il ne sera public qu&apos;après l&apos;accord d&apos;un·e modérateur·rice de la Ville.
          </p>
        }
      />
      <p className="mb-6 rounded-md border-l-4 border-blue-800 bg-blue-50 p-4">
        Une fois publiée, la contribution portera le nom du conseil et votre nom d&apos;affichage : <strong>{actor.displayName}</strong>.
      </p>
      <p className="mb-6">
        {kind === "feedback" ? (
          <TextLink
            href={`/espace/conseils/${slug}/contributions/nouvelle?type=proposition${fiche ? `&fiche=${encodeURIComponent(fiche)}` : ""}`}
          >
            Écrire plutôt une proposition
          </TextLink>
        ) : (
          <TextLink href={`/espace/conseils/${slug}/contributions/nouvelle?type=avis${fiche ? `&fiche=${encodeURIComponent(fiche)}` : ""}`}>
            Écrire plutôt un avis
          </TextLink>
        )}
      </p>
      <NewContributionForm
        key={kind}
        kind={kind}
        councilId={council.id}
        councilSlug={slug}
        actions={actions}
        defaultActionSlug={seen.has(fiche) ? fiche : ""}
        clientRequestId={randomUUID()}
      />
    </Container>
  );
}
