import type { Metadata } from "next";
import { publicPageMetadata } from "@/server/settings/city-identity";
import { Container } from "@/components/ui/container";
import { ToComplete } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Prose } from "@/components/ui/prose";
import { TextLink } from "@/components/ui/text-link";

export const generateMetadata = (): Promise<Metadata> =>
  publicPageMetadata({
    title: "Mentions légales",
    description: (site) => `Mentions légales du site « ${site} » : éditeur, objet du site, hébergement.`,
    path: "/mentions-legales",
  });

export default function LegalNoticePage() {
  return (
    <Container>
      <PageHeading title="Mentions légales" />
      <ToComplete
        items={[
          "le nom du directeur ou de la directrice de la publication ;",
          "le nom de l'hébergeur du site, sa raison sociale, son adresse et son numéro de téléphone ;",
          "l'adresse postale et le moyen de contact de l'éditeur pour ce site ;",
          "les conditions de réutilisation des contenus (licence).",
        ]}
      />
      <Prose>
        <h2>Éditeur</h2>
        <p>Ce site est édité par la Ville d&apos;Aurillac (Cantal).</p>

        <h2>Objet du site</h2>
        <p>
          Ce site présente le projet social communal de la Ville d&apos;Aurillac pour la période 2015–2020 : ses thématiques, ses fiches
          actions, leur statut, leur échéance, leur avancement et leurs points d&apos;étape, ainsi que la démarche qui l&apos;a construit.
        </p>

        <h2>Sources des informations</h2>
        <p>
          Les informations d&apos;origine viennent de l&apos;article « Premier point d&apos;étape pour le projet social communal » publié
          par la Ville d&apos;Aurillac (date de publication non précisée). Rien n&apos;y est ajouté : quand ce document ne donne pas une
          information (un jour, un avancement, un statut), le site l&apos;indique comme « non précisé » ou « non renseigné ».
        </p>
        <p>
          Certaines informations sont des données de démonstration (par exemple les conseils de quartier) : elles sont signalées comme
          telles sur chaque page où elles apparaissent.
        </p>

        <h2>Directeur de la publication</h2>
        <p>À compléter par la Ville (voir l&apos;encadré ci-dessus).</p>

        <h2>Hébergement</h2>
        <p>À compléter par la Ville (voir l&apos;encadré ci-dessus).</p>

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
