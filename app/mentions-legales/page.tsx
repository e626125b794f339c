import type { Metadata } from "next";
import { Container } from "@/components/ui/container";
import { ToComplete } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { PlainText } from "@/components/ui/plain-text";
import { Prose } from "@/components/ui/prose";
import { TextLink } from "@/components/ui/text-link";
import { siteNameOf } from "@/lib/city-identity";
import { getDb } from "@/server/db";
import { loadCityIdentity, publicPageMetadata } from "@/server/settings/city-identity";
import { getLegalPagesSettings } from "@/server/settings/platform-settings";

export const generateMetadata = (): Promise<Metadata> =>
  publicPageMetadata({
    title: "Mentions légales",
    description: (site) => `Mentions légales du site « ${site} » : éditeur, objet du site, hébergement.`,
    path: "/mentions-legales",
  });
// Read from the settings: refreshed when an admin saves them (app/admin/parametres/actions.ts), and hourly.
export const revalidate = 3600;

/** The legal notice: the City's own text (Administration, Paramètres), around what this site is. */
export default async function LegalNoticePage() {
  const [identity, legal] = await Promise.all([loadCityIdentity(), getDb().then(getLegalPagesSettings)]);
  return (
    <Container>
      <PageHeading title="Mentions légales" />
      {legal.legalNotice ? null : (
        <ToComplete
          items={[
            "l'éditeur du site, son adresse postale et son moyen de contact ;",
            "le nom du directeur ou de la directrice de la publication ;",
            "le nom de l'hébergeur du site, sa raison sociale, son adresse et son numéro de téléphone ;",
            "les conditions de réutilisation des contenus (licence).",
          ]}
        />
      )}
      <Prose>
        <h2>Objet du site</h2>
        <p>
          Ce site, « {siteNameOf(identity)} », présente le projet social communal : ses thématiques, ses fiches actions, leur statut, leur
          échéance, leur avancement et leurs points d&apos;étape, ainsi que la démarche qui l&apos;a construit.
        </p>

        {legal.legalNotice ? (
          <>
            <h2>Éditeur, publication et hébergement</h2>
            <PlainText text={legal.legalNotice} />
          </>
        ) : null}

        {identity.contactAddress ? (
          <>
            <h2>Contact</h2>
            <p className="whitespace-pre-line">{identity.contactAddress}</p>
          </>
        ) : null}

        <h2>Voir aussi</h2>
        <ul>
          <li>
            <TextLink href="/donnees-personnelles">Données personnelles</TextLink>
          </li>
          <li>
            <TextLink href="/accessibilite">Accessibilité</TextLink>
          </li>
        </ul>
      </Prose>
    </Container>
  );
}
