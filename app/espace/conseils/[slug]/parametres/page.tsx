import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/server/auth/actor";
import { getCouncilSettings } from "@/server/councils/update-submission-policy";
import { getDb } from "@/server/db";
import { SubmissionPolicyForm } from "./policy-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Paramètres du conseil", robots: { index: false } };

type Props = { params: Promise<{ slug: string }> };

/** A council's own settings, for its referents and the administrators (anyone else: 404). */
export default async function CouncilSettingsPage({ params }: Props) {
  const { slug } = await params;
  const actor = await requireActor(`/espace/conseils/${slug}/parametres`);
  const result = await getCouncilSettings(await getDb(), actor, slug);
  if (!result.ok) notFound();
  const { council, submissionPolicy } = result.data;
  return (
    <Container>
      <Breadcrumb
        items={[
          { label: "Mon espace", href: "/espace" },
          { label: council.name, href: `/espace/conseils/${council.slug}` },
          { label: "Paramètres" },
        ]}
      />
      <PageHeading
        kicker="Espace du conseil"
        title={`Paramètres — ${council.name}`}
        lead={<p>Chaque changement est inscrit au journal de la Ville.</p>}
      />
      <SubmissionPolicyForm councilId={council.id} councilSlug={council.slug} current={submissionPolicy} />
      <p className="mt-12">
        <TextLink href={`/espace/conseils/${council.slug}`}>Retour à l&apos;espace du conseil</TextLink>
      </p>
    </Container>
  );
}
