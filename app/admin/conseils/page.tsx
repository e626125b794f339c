import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { Badge, memberCountText } from "@/components/admin/badges";
import { CreateCouncilForm } from "@/components/admin/council-form";
import { Container } from "@/components/ui/container";
import { DemoMarker } from "@/components/ui/demo-marker";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { formatDateTime } from "@/lib/dates";
import { pluralize } from "@/lib/labels";
import { listCouncilsForAdmin } from "@/server/councils-admin/queries";
import { getDb } from "@/server/db";
import { requireAdminPage } from "../require-admin";
import { createCouncilAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Conseils de quartier — Administration", robots: { index: false, follow: false } };

/** Every council, archived ones included (at the end), and the form to create one. */
export default async function AdminCouncilsPage() {
  const actor = await requireAdminPage("/admin/conseils");
  const result = await listCouncilsForAdmin(await getDb(), actor);
  if (!result.ok) throw new Error(result.message);
  const councils = result.data;
  const active = councils.filter((c) => !c.archivedAt).length;

  return (
    <Container wide>
      <AdminNav current="conseils" />
      <PageHeading
        title="Conseils de quartier"
        lead={
          <p>
            {pluralize(active, "conseil visible", "conseils visibles")} sur le site public
            {councils.length > active ? `, ${pluralize(councils.length - active, "conseil archivé", "conseils archivés")}` : ""}.{" "}
            <TextLink href="#creer">Créer un conseil</TextLink>
          </p>
        }
      />

      <Section id="liste" title="Les conseils">
        <ul className="grid gap-4 md:grid-cols-2">
          {councils.map((council) => (
            <li
              key={council.id}
              className={`flex flex-col gap-2 rounded-lg border-2 p-4 ${council.archivedAt ? "border-dashed border-slate-500 bg-slate-50" : "border-slate-300"}`}
            >
              <h3 className="text-xl leading-snug font-bold">
                <TextLink href={`/admin/conseils/${council.id}`}>{council.name}</TextLink>
              </h3>
              <div className="flex flex-wrap gap-2">
                {council.archivedAt ? (
                  <Badge tone="warning">Archivé le {formatDateTime(council.archivedAt)}</Badge>
                ) : (
                  <Badge>Visible sur le site</Badge>
                )}
                {council.isDemo ? <DemoMarker /> : null}
              </div>
              <p className="text-base text-slate-800">
                {council.number !== null ? `N° ${council.number} · ` : ""}
                {council.area ? `Quartier : ${council.area}` : "Quartier non renseigné"}
              </p>
              <p className="text-base text-slate-800">{memberCountText(council.memberCount, council.referentCount)}</p>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="creer" title="Créer un conseil">
        <div className="max-w-2xl">
          <CreateCouncilForm action={createCouncilAction} />
        </div>
      </Section>
    </Container>
  );
}
