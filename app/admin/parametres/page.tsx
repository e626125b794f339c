import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { can } from "@/lib/permissions";
import { getDb } from "@/server/db";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { getCityIdentity, getLegalPagesSettings, getPlatformSettings, getPrivacySettings } from "@/server/settings/platform-settings";
import { requireAdminPage } from "../require-admin";
import { CityIdentityForm, CityLogoForm } from "./identity-form";
import { LegalPagesForm } from "./legal-pages-form";
import { PrivacySettingsForm } from "./privacy-form";
import { PlatformSettingsForm } from "./settings-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Paramètres — Administration", robots: { index: false, follow: false } };

/**
 * The platform's settings: the City's identity (names, contact, logo), when reports hide an item,
 * when the City's answer is due, the legal pages' texts, and personal data — who answers for it on
 * /donnees-personnelles, how long a deactivated account is kept.
 */
export default async function PlatformSettingsPage() {
  const actor = await requireAdminPage("/admin/parametres");
  if (!can(actor, "settings.update")) notFound();
  const db = await getDb();
  const [identity, current, legal, privacy] = await Promise.all([
    getCityIdentity(db),
    getPlatformSettings(db),
    getLegalPagesSettings(db),
    getPrivacySettings(db),
  ]);
  return (
    <Container wide>
      <AdminNav current="parametres" />
      <PageHeading
        title="Paramètres de la plateforme"
        lead={<p>Chaque changement est inscrit au journal, avec les valeurs avant et après.</p>}
      />
      <Section id="identite" title="Identité de la Ville">
        <p className="mb-4 max-w-2xl">
          Le nom de la Ville et celui du service apparaissent en tête de chaque page, dans les titres, les flux, les calendriers et les
          courriels.
        </p>
        <CityIdentityForm current={identity} />
        <h3 className="mt-10 mb-4 text-xl font-bold">Logo</h3>
        <CityLogoForm logoUrl={identity.logoUrl} cityName={identity.cityName} />
      </Section>
      <Section id="participation" title="Participation">
        <PlatformSettingsForm current={current} />
      </Section>
      <Section id="pages-legales" title="Mentions légales et accessibilité">
        <p className="mb-4 max-w-2xl">
          Ces textes sont affichés sur les pages publiques <TextLink href="/mentions-legales">« Mentions légales »</TextLink> et{" "}
          <TextLink href="/accessibilite">« Accessibilité »</TextLink>.
        </p>
        <LegalPagesForm current={legal} />
      </Section>
      <Section id="donnees-personnelles" title="Données personnelles">
        <p className="mb-4 max-w-2xl">
          Ces informations sont affichées sur la page publique <TextLink href="/donnees-personnelles">« Données personnelles »</TextLink>.
          Les autres durées de conservation sont fixes et y sont détaillées.
        </p>
        <PrivacySettingsForm current={privacy} />
      </Section>
    </Container>
  );
}
