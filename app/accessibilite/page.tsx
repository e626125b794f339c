import type { Metadata } from "next";
import { publicPageMetadata } from "@/server/settings/city-identity";
import { Container } from "@/components/ui/container";
import { ToComplete } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Prose } from "@/components/ui/prose";
import { TextLink } from "@/components/ui/text-link";
import { PlainText } from "@/components/ui/plain-text";
import { accessibilityStatusLabels } from "@/lib/city-identity";
import { formatDay } from "@/lib/dates";
import { getDb } from "@/server/db";
import { getLegalPagesSettings } from "@/server/settings/platform-settings";

export const generateMetadata = (): Promise<Metadata> =>
  publicPageMetadata({
    title: "Accessibilité",
    description: (site) => `Déclaration d'accessibilité du site « ${site} » : état de conformité au RGAA et moyens de contact.`,
    path: "/accessibilite",
  });

// Read from the settings: refreshed when an admin saves them (app/admin/parametres/actions.ts), and hourly.
export const revalidate = 3600;

/** The accessibility statement: its status, audit, derogations and contact from the settings, around what the site checks itself. */
export default async function AccessibilityPage() {
  const legal = await getLegalPagesSettings(await getDb());
  const audited = legal.accessibilityAuditDate !== null;
  return (
    <Container>
      <PageHeading
        title="Accessibilité"
        lead={<p>Ce site doit être utilisable par tout le monde, quel que soit le handicap et l&apos;appareil utilisé.</p>}
      />
      <div className="rounded-md border-2 border-slate-800 p-4 sm:p-5">
        <p className="text-xl font-bold">État de conformité : {accessibilityStatusLabels[legal.accessibilityStatus]}</p>
        {audited ? (
          <p className="mt-1">Selon l&apos;audit de conformité au RGAA réalisé le {formatDay(legal.accessibilityAuditDate!)}.</p>
        ) : (
          <p className="mt-1">
            Aucun audit de conformité au RGAA n&apos;a encore été réalisé sur ce site : tant qu&apos;il n&apos;a pas eu lieu, la
            réglementation demande d&apos;afficher « non conforme », même si le site a été conçu et testé pour être accessible.
          </p>
        )}
      </div>
      {audited && legal.accessibilityContact ? null : (
        <ToComplete
          items={[
            ...(audited
              ? []
              : ["la date et les résultats d'un audit de conformité au RGAA 4.1, puis l'état de conformité qui en découle ;"]),
            ...(legal.accessibilityContact
              ? []
              : [
                  "un contact pour signaler un défaut d'accessibilité ou demander un contenu sous une autre forme (adresse électronique, formulaire, adresse postale) ;",
                ]),
          ]}
        />
      )}
      <Prose>
        <h2>Objectif</h2>
        <p>
          Ce site vise la conformité au référentiel général d&apos;amélioration de l&apos;accessibilité (RGAA) version 4.1, qui correspond
          au niveau AA des règles pour l&apos;accessibilité des contenus web (WCAG 2.1).
        </p>

        <h2>Ce qui est déjà vérifié</h2>
        <ul>
          <li>
            Chaque page publique est testée automatiquement avec l&apos;outil axe-core (règles WCAG 2.0 et 2.1, niveaux A et AA), sur un
            écran de téléphone (320 pixels de large) et sur un écran d&apos;ordinateur.
          </li>
          <li>Le parcours au clavier, de l&apos;accueil jusqu&apos;à une fiche action, est testé automatiquement.</li>
          <li>Toutes les pages se lisent sans JavaScript.</li>
          <li>Le statut d&apos;une fiche action est toujours écrit en toutes lettres, jamais indiqué par une couleur seule.</li>
          <li>Un lien « Aller au contenu » permet de passer directement au contenu de chaque page.</li>
        </ul>
        <p>
          Ces tests automatiques ne détectent qu&apos;une partie des défauts possibles : ils ne remplacent pas un audit réalisé par des
          personnes.
        </p>

        {legal.accessibilityDerogations ? (
          <>
            <h2>Contenus non accessibles</h2>
            <PlainText text={legal.accessibilityDerogations} />
          </>
        ) : null}

        <h2>Technologies utilisées</h2>
        <p>HTML et CSS. JavaScript n&apos;est pas nécessaire pour lire le site.</p>

        <h2>Signaler un problème</h2>
        <p>
          Si vous ne parvenez pas à accéder à un contenu ou à une information, signalez-le à la Ville pour obtenir une réponse ou le contenu
          sous une autre forme.
          {legal.accessibilityContact ? null : " Le contact est à compléter par la Ville (voir l'encadré ci-dessus)."}
        </p>
        {legal.accessibilityContact ? <PlainText text={legal.accessibilityContact} /> : null}

        <h2>Voies de recours</h2>
        <p>
          Si vous avez signalé un défaut d&apos;accessibilité sans obtenir de réponse satisfaisante, vous pouvez saisir le Défenseur des
          droits : par son formulaire en ligne, auprès de son délégué ou sa déléguée dans votre région, ou par courrier gratuit, sans
          timbre, à l&apos;adresse « Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07 ».
        </p>

        <h2>Voir aussi</h2>
        <ul>
          <li>
            <TextLink href="/mentions-legales">Mentions légales</TextLink>
          </li>
          <li>
            <TextLink href="/donnees-personnelles">Données personnelles</TextLink>
          </li>
        </ul>
      </Prose>
    </Container>
  );
}
