import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { can } from "@/lib/permissions";
import { getDb } from "@/server/db";
import { getPlatformSettings } from "@/server/settings/platform-settings";
import { requireAdminPage } from "../require-admin";
import { PlatformSettingsForm } from "./settings-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Paramètres — Administration", robots: { index: false, follow: false } };

/** The platform's settings: when reports hide an item, and when the City's answer is due. */
export default async function PlatformSettingsPage() {
  const actor = await requireAdminPage("/admin/parametres");
  if (!can(actor, "settings.update")) notFound();
  const current = await getPlatformSettings(await getDb());
  return (
    <Container wide>
      <AdminNav current="parametres" />
      <PageHeading
        title="Paramètres de la plateforme"
        lead={<p>Chaque changement est inscrit au journal, avec les valeurs avant et après.</p>}
      />
      <PlatformSettingsForm current={current} />
    </Container>
  );
}
