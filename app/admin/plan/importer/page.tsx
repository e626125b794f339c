import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { ImportPlanForm } from "@/components/admin/plan/import-plan-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { getDb } from "@/server/db";
import { planToExport } from "@/server/plan-file/export-plan";
import { requireAdminPage } from "../../require-admin";
import { importPlanAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Importer un plan — Administration", robots: { index: false, follow: false } };

/** A new install's first step: its City's plan, from a file (docs/format-plan.md). */
export default async function ImportPlanPage() {
  await requireAdminPage("/admin/plan/importer");
  const current = await planToExport(await getDb());

  return (
    <Container>
      <AdminNav current="plan" exact={false} />
      <Breadcrumb
        items={[{ label: "Administration", href: "/admin" }, { label: "Le plan", href: "/admin/plan" }, { label: "Importer un plan" }]}
      />
      <PageHeading
        title="Importer un plan"
        lead={
          <p>
            Une nouvelle installation reçoit ici le projet social de sa Ville, d&apos;un seul fichier : la démarche, les thématiques, les
            fiches actions avec leurs points d&apos;étape, et les conseils de quartier. Tout est importé, ou rien si le fichier a un
            problème.
          </p>
        }
      />
      {current ? (
        <Notice className="mb-6">
          <p>
            Cette installation a déjà un plan (« {current.title} ») : un import sera refusé. L&apos;import sert à une installation vide,
            démarrée avec <code>SEED_PLAN=0</code>. Pour copier ce plan ailleurs,{" "}
            <TextLink href="/admin/plan/exporter">exportez-le</TextLink>.
          </p>
        </Notice>
      ) : null}
      <ImportPlanForm action={importPlanAction} />

      <Section id="format" title="Le fichier">
        <ul className="flex max-w-3xl list-disc flex-col gap-2 pl-6">
          <li>
            Un fichier JSON au format « projet-social-communal », version 1, tel que le donne « Exporter le plan » d&apos;une autre
            installation. Il peut aussi s&apos;écrire à la main : ses champs sont décrits dans la documentation de la plateforme (
            <code>docs/format-plan.md</code>, avec son schéma JSON <code>docs/format-plan.schema.json</code>).
          </li>
          <li>
            Il ne contient aucune donnée personnelle : ni comptes, ni membres des conseils, ni contributions. Invitez ensuite les personnes
            depuis « Utilisateurs et rôles » et les conseils de quartier.
          </li>
          <li>
            Le nom de la Ville, son logo et les pages légales ne sont pas dans le fichier : ils se règlent dans{" "}
            <TextLink href="/admin/parametres">Paramètres</TextLink>.
          </li>
          <li>
            En ligne de commande, sur le serveur : <code>npm run plan:import -- fichier.json</code>.
          </li>
        </ul>
      </Section>
    </Container>
  );
}
