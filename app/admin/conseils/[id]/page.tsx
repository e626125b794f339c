import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { Badge, memberCountText } from "@/components/admin/badges";
import { CouncilArchiveForm } from "@/components/admin/council-archive-form";
import { EditCouncilForm } from "@/components/admin/council-form";
import { InviteMemberForm } from "@/components/councils/invite-member-form";
import { FormMessage } from "@/components/form/field";
import { Journal } from "@/components/admin/journal";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { DemoMarker } from "@/components/ui/demo-marker";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { formatDateTime } from "@/lib/dates";
import { getCouncilForAdmin } from "@/server/councils-admin/queries";
import { getDb } from "@/server/db";
import { requireAdminPage } from "../../require-admin";
import { inviteIntoCouncilAction, setCouncilArchivedAction, updateCouncilAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Modifier un conseil — Administration", robots: { index: false, follow: false } };

/** One council: its public information (editable), archiving, and the journal. */
export default async function AdminCouncilPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const justCreated = (await searchParams).cree === "1";
  const actor = await requireAdminPage(`/admin/conseils/${encodeURIComponent(id)}`);
  const councilId = /^\d{1,9}$/.test(id) ? Number(id) : NaN;
  const result = await getCouncilForAdmin(await getDb(), actor, councilId);
  if (!result.ok) notFound();
  const council = result.data;
  const archived = council.archivedAt !== null;

  return (
    <Container>
      <AdminNav current="conseils" exact={false} />
      <Breadcrumb
        items={[
          { label: "Administration", href: "/admin" },
          { label: "Conseils de quartier", href: "/admin/conseils" },
          { label: council.name },
        ]}
      />
      <PageHeading kicker="Conseil de quartier" title={council.name} />
      {justCreated ? (
        <div className="mb-4">
          <FormMessage kind="success">
            Le conseil « {council.name} » est créé. Invitez maintenant la personne qui en sera référente : elle pourra ensuite inviter les
            membres.
          </FormMessage>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        {archived ? <Badge tone="warning">Archivé le {formatDateTime(council.archivedAt!)}</Badge> : <Badge>Visible sur le site</Badge>}
        {council.isDemo ? <DemoMarker /> : null}
      </div>
      <p className="mt-4">
        {memberCountText(council.memberCount, council.referentCount)}.{" "}
        <TextLink href={`/espace/conseils/${council.slug}`}>Voir les membres dans l&apos;espace du conseil</TextLink>
      </p>
      <p className="mt-2 text-base text-slate-800">
        {archived ? (
          <>Sa page publique, /conseils/{council.slug}, est retirée tant que le conseil est archivé.</>
        ) : (
          <>
            <TextLink href={`/conseils/${council.slug}`}>Voir sa page publique</TextLink> (son adresse, /conseils/{council.slug}, ne change
            pas si le conseil est renommé).
          </>
        )}
      </p>

      {archived ? null : (
        <Section
          id="inviter"
          title={council.referentCount === 0 ? "Inviter la personne référente" : "Inviter une personne dans ce conseil"}
        >
          <div className="max-w-prose">
            <InviteMemberForm
              councilId={council.id}
              returnTo={`/admin/conseils/${council.id}#inviter`}
              action={inviteIntoCouncilAction}
              role={council.referentCount === 0 ? "referent" : "member"}
            />
          </div>
        </Section>
      )}

      <Section id="informations" title="Informations publiques">
        <EditCouncilForm
          councilId={council.id}
          current={{ name: council.name, number: council.number, area: council.area, description: council.description }}
          action={updateCouncilAction}
        />
      </Section>

      <Section id="archivage" title={archived ? "Rendre le conseil de nouveau visible" : "Archiver le conseil"}>
        <CouncilArchiveForm councilId={council.id} archived={archived} action={setCouncilArchivedAction} />
      </Section>

      <Section id="journal" title="Journal">
        <Journal entries={council.journal} emptyText="Aucune modification n'a encore été inscrite au journal pour ce conseil." />
      </Section>
    </Container>
  );
}
