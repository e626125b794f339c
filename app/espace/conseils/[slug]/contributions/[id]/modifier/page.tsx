import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FormMessage } from "@/components/form/field";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { can } from "@/lib/permissions";
import { requireActor } from "@/server/auth/actor";
import { getCouncilContribution } from "@/server/contributions/list-council-contributions";
import { queryId } from "@/lib/validation/fields";
import { getDb } from "@/server/db";
import { EditPendingForm } from "../../nouvelle/contribution-form";

export const metadata: Metadata = { title: "Modifier une contribution en attente", robots: { index: false } };

type Props = { params: Promise<{ slug: string; id: string }> };

/* A council's member corrects an item waiting for moderation. Per request (reads the session). */
export default async function EditPendingPage({ params }: Props) {
  const { slug, id: raw } = await params;
  const actor = await requireActor(`/espace/conseils/${slug}/contributions/${encodeURIComponent(raw)}/modifier`);
  const id = queryId().parse(raw);
  const found = id ? await getCouncilContribution(await getDb(), actor, slug, id) : null;
  if (!found?.ok) notFound();
  const { council, item } = found.data;
  const listHref = `/espace/conseils/${slug}/contributions`;
  const title = item.kind === "feedback" ? "Modifier l'avis" : "Modifier la proposition";
  const editable = can(actor, "contribution.edit_pending", { councilId: council.id, contributionStatus: item.status });

  return (
    <Container>
      <Breadcrumb
        items={[
          { label: "Mon espace", href: "/espace" },
          { label: council.name, href: `/espace/conseils/${slug}` },
          { label: "Contributions", href: listHref },
          { label: title },
        ]}
      />
      <PageHeading
        title={`${title} du ${council.name}`}
        lead={
          <p>
            La contribution attend la modération : vous pouvez encore la corriger. Les modérateur·rices verront qu&apos;elle a été modifiée.
          </p>
        }
      />
      {editable ? (
        <EditPendingForm
          kind={item.kind}
          councilSlug={slug}
          editing={{ id: item.id, actionTitle: item.action.title, title: item.title, position: item.position, body: item.body }}
        />
      ) : (
        <FormMessage kind="error">
          Cette contribution n&apos;est plus en attente : la Ville l&apos;a déjà examinée, elle ne peut plus être modifiée.
        </FormMessage>
      )}
      <p className="mt-8">
        <TextLink href={`${listHref}#contribution-${item.id}`}>Retour aux contributions du conseil</TextLink>
      </p>
    </Container>
  );
}
