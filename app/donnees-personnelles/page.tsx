import type { Metadata } from "next";
import { pageMetadata } from "@/lib/page-metadata";
import { Container } from "@/components/ui/container";
import { ToComplete } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Prose } from "@/components/ui/prose";
import { TextLink } from "@/components/ui/text-link";

export const metadata: Metadata = pageMetadata({
  title: "Données personnelles",
  description: "Ce que le site du projet social communal d'Aurillac fait des données personnelles : aucun cookie ni suivi pour le lire.",
  path: "/donnees-personnelles",
});

export default function PersonalDataPage() {
  return (
    <Container>
      <PageHeading title="Données personnelles" lead={<p>Vous pouvez lire tout ce site sans compte, sans cookie et sans être suivi.</p>} />
      <ToComplete
        items={[
          "les coordonnées du délégué ou de la déléguée à la protection des données (DPO) de la Ville ;",
          "la durée de conservation des journaux techniques tenus par l'hébergeur ;",
          "avant l'ouverture des espaces des conseils de quartier : les données traitées, leur base légale, leur durée de conservation et les personnes qui y ont accès.",
        ]}
      />
      <Prose>
        <h2>Sur les pages publiques</h2>
        <ul>
          <li>
            Aucune donnée personnelle n&apos;est demandée ni collectée : il n&apos;y a ni compte, ni formulaire sur les pages publiques.
          </li>
          <li>Aucun cookie n&apos;est déposé pour lire le site.</li>
          <li>Aucun outil de mesure d&apos;audience, de publicité ou de suivi n&apos;est utilisé.</li>
          <li>Le site ne charge aucune ressource depuis un autre site (ni police de caractères, ni script, ni vidéo).</li>
        </ul>

        <h2>Journaux techniques</h2>
        <p>
          Comme tout site web, le serveur qui héberge ce site peut enregistrer des journaux techniques (adresse IP, page demandée, date et
          heure) pour assurer sa sécurité et son bon fonctionnement. Leur durée de conservation est à compléter par la Ville.
        </p>

        <h2>Espaces des conseils de quartier</h2>
        <p>
          Les membres des conseils de quartier disposeront d&apos;un espace réservé pour donner leur avis et faire des propositions. Les
          données traitées dans ces espaces seront décrites sur cette page avant leur ouverture.
        </p>

        <h2>Responsable du traitement</h2>
        <p>Ville d&apos;Aurillac.</p>

        <h2>Vos droits</h2>
        <p>
          Le règlement général sur la protection des données (RGPD) vous donne un droit d&apos;accès, de rectification, d&apos;effacement,
          de limitation et d&apos;opposition sur les données qui vous concernent. Pour les exercer, adressez-vous au délégué à la protection
          des données de la Ville (coordonnées à compléter).
        </p>
        <p>
          Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la Commission nationale de
          l&apos;informatique et des libertés (CNIL), sur le site cnil.fr.
        </p>

        <h2>Voir aussi</h2>
        <ul>
          <li>
            <TextLink href="/mentions-legales">Mentions légales</TextLink>
          </li>
          <li>
            <TextLink href="/accessibilite">Accessibilité</TextLink>
          </li>
        </ul>
      </Prose>
    </Container>
  );
}
