import type { Metadata } from "next";
import type { ReactNode } from "react";
import { publicPageMetadata } from "@/server/settings/city-identity";
import { Container } from "@/components/ui/container";
import { ToComplete } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { PlainText } from "@/components/ui/plain-text";
import { Prose } from "@/components/ui/prose";
import { TextLink } from "@/components/ui/text-link";
import { getDb } from "@/server/db";
import { loadPersonalDataPage } from "@/server/retention/load-personal-data-page";

export const generateMetadata = (): Promise<Metadata> =>
  publicPageMetadata({
    title: "Données personnelles",
    description: (site) =>
      `Les données personnelles que traite le site « ${site} » : pour quoi, sur quelle base, combien de temps, et vos droits.`,
    path: "/donnees-personnelles",
  });
// Read from the settings: refreshed when an admin saves them (app/admin/parametres/actions.ts), and hourly.
export const revalidate = 3600;

const MY_DATA = "/espace/mes-donnees";
const CNIL_COMPLAINTS = "https://www.cnil.fr/fr/plaintes";

interface Processing {
  id: string;
  title: string;
  purpose: string;
  data: string;
  /** The admin's legal basis (settings), and what this processing adds to it. */
  legalBasis: (settingsBasis: string) => string;
  recipients: string;
}

const sameBasis = (basis: string) => basis;

const processings: Processing[] = [
  {
    id: "traitement-comptes",
    title: "Les comptes",
    purpose:
      "Permettre aux membres des conseils de quartier, aux agents de la Ville et aux élus de se connecter, avec les droits de leur rôle ; leur envoyer les invitations et les liens pour choisir un mot de passe.",
    data: "Adresse électronique, nom affiché, fonction (agents et élus), rôles, conseils dont la personne est membre, mot de passe (seulement sous une forme transformée, dite hachée, qui ne permet pas de le retrouver), date de la dernière connexion.",
    legalBasis: sameBasis,
    recipients:
      "Les administrateurs et administratrices de la plateforme (agents de la Ville). Les membres d'un conseil voient les noms des autres membres de ce conseil ; la page publique du conseil n'affiche que les noms des membres qui l'ont choisi.",
  },
  {
    id: "traitement-contributions",
    title: "Les avis, propositions, commentaires, soutiens et signalements",
    purpose: "Recueillir l'avis des conseils de quartier sur les fiches actions, le modérer, le publier et y répondre au nom de la Ville.",
    data: "Le texte écrit, son auteur ou son autrice, son conseil, les dates ; les raisons de modération.",
    legalBasis: sameBasis,
    recipients:
      "Les brouillons et commentaires : les membres du conseil. Les contributions soumises : les agents chargés de la modération. Les contributions publiées : tout le monde, avec le nom de leur auteur ou autrice et de son conseil (après la suppression d'un compte : « Ancien membre du conseil … »).",
  },
  {
    id: "traitement-papier",
    title: "Les contributions remises sur papier, par courrier ou en réunion",
    purpose:
      "Permettre aux conseils qui n'écrivent pas sur le site de contribuer : un agent de la Ville saisit leur avis ou leur proposition en leur nom, qui passe ensuite par la même modération.",
    data: "Le texte, son conseil, la façon dont il est arrivé et sa date, l'agent qui l'a saisi ; le nom de l'auteur ou de l'autrice tel qu'il est écrit, s'il est donné ; le scan du papier s'il est joint (il peut montrer un nom, une adresse, une signature). Le scan est conservé aussi longtemps que la contribution et effacé avec elle.",
    legalBasis: sameBasis,
    recipients:
      "Le scan : seulement les agents chargés de la modération et les administrateurs et administratrices ; il n'est jamais publié, ni dans les flux, ni dans les données ouvertes. Une fois publiée, la contribution porte le nom de son conseil, le nom de son auteur ou autrice s'il a été donné, et la mention « Reçue sur papier le … et saisie par la Ville ».",
  },
  {
    id: "traitement-notifications",
    title: "Les notifications et les courriels",
    purpose: "Informer chaque personne des suites données aux contributions de son conseil (au plus un courriel par jour).",
    data: "Le message de la notification, sa date, sa lecture ; l'adresse électronique à laquelle il est envoyé ; les choix de courriels.",
    legalBasis: sameBasis,
    recipients: "La personne elle-même ; le service d'envoi de courriels utilisé par la Ville, qui transmet le message.",
  },
  {
    id: "traitement-securite",
    title: "La sécurité des connexions",
    purpose:
      "Protéger les comptes contre les essais de mots de passe : après plusieurs échecs, la plateforme fait attendre avant un nouvel essai ; refuser une session fermée.",
    data: "L'adresse électronique tapée, l'adresse IP (ou son réseau) d'où vient l'essai, le nombre d'échecs et leur date ; le numéro des sessions fermées.",
    legalBasis: (basis) => `${basis} La sécurité des données est aussi une obligation (article 32 du RGPD).`,
    recipients: "Personne : ces données ne servent qu'au calcul automatique de l'attente.",
  },
  {
    id: "traitement-journal",
    title: "Le journal des actions",
    purpose:
      "Garder la trace de qui a fait quoi et pourquoi (modération, réponses de la Ville, rôles, paramètres) pour rendre compte des décisions.",
    data: "L'action, sa date, sa raison, et le numéro du compte qui l'a faite ou qu'elle concerne, plutôt que son adresse électronique ou son nom.",
    legalBasis: sameBasis,
    recipients: "Les administrateurs et administratrices de la plateforme.",
  },
];

function Term({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="font-semibold">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * What the platform does with personal data (RGPD articles 12 to 14): the controller and the DPO
 * (set by an admin), each processing with its purpose, legal basis and recipients, the retention
 * periods — from the very rules the retention job applies (lib/personal-data.ts) — and the rights.
 */
export default async function PersonalDataPage() {
  const { settings, periods, contactsAreDefaults } = await loadPersonalDataPage(await getDb());
  return (
    <Container>
      <PageHeading
        title="Données personnelles"
        lead={
          <p>
            Vous pouvez lire tout ce site sans compte, sans cookie et sans être suivi. Cette page dit ce que la plateforme garde sur les
            personnes qui ont un compte, pourquoi, qui le voit, combien de temps, et comment exercer vos droits.
          </p>
        }
      />
      <ToComplete
        items={[
          ...(contactsAreDefaults
            ? [
                "l'adresse du responsable du traitement et le contact du délégué ou de la déléguée à la protection des données : ceux affichés ci-dessous sont installés par défaut et doivent être précisés (Administration, Paramètres) ;",
              ]
            : []),
          ...(settings.privacyNotes
            ? []
            : [
                "la durée de conservation des journaux techniques tenus par l'hébergeur, et le lieu où les données sont hébergées ;",
                "la durée de conservation du journal des actions de la plateforme.",
              ]),
        ]}
      />
      <Prose>
        <h2>Responsable du traitement</h2>
        <p>{settings.dataControllerName}</p>
        <p className="whitespace-pre-line">{settings.dataControllerAddress}</p>

        <h2>Délégué ou déléguée à la protection des données</h2>
        <p className="whitespace-pre-line">{settings.dpoContact}</p>

        <h2>Sur les pages publiques</h2>
        <ul>
          <li>
            Aucune donnée personnelle n&apos;est demandée pour lire le site : il n&apos;y a ni compte ni formulaire sur les pages publiques.
          </li>
          <li>Aucun cookie n&apos;est déposé pour lire le site.</li>
          <li>Aucun outil de mesure d&apos;audience, de publicité ou de suivi n&apos;est utilisé.</li>
          <li>Le site ne charge aucune ressource depuis un autre site (ni police de caractères, ni script, ni vidéo).</li>
          <li>
            Les contributions publiées des conseils de quartier portent le nom de leur auteur ou autrice et de son conseil : elles sont
            écrites pour être publiques, la personne en est prévenue avant d&apos;écrire.
          </li>
        </ul>
        <p>
          Comme tout site web, le serveur qui héberge ce site peut enregistrer des journaux techniques (adresse IP, page demandée, date et
          heure) pour assurer sa sécurité et son bon fonctionnement.
        </p>

        <h2>Les traitements des espaces des conseils de quartier</h2>
        <p>
          Les membres des conseils de quartier, les agents de la Ville et les élus ont un compte, sur invitation seulement. Voici ce qui est
          traité, pour quoi faire, sur quelle base légale et qui y a accès.
        </p>
        {processings.map((p) => (
          <section key={p.id} aria-labelledby={p.id}>
            <h3 id={p.id}>{p.title}</h3>
            <dl className="mt-2 space-y-2">
              <Term label="Pour quoi faire">{p.purpose}</Term>
              <Term label="Données">{p.data}</Term>
              <Term label="Base légale">{p.legalBasis(settings.privacyLegalBasis)}</Term>
              <Term label="Qui y a accès">{p.recipients}</Term>
            </dl>
          </section>
        ))}

        <h2 id="durees">Combien de temps les données sont gardées</h2>
        <p>La plateforme applique elle-même ces durées, chaque jour, sans intervention :</p>
        <ul>
          {periods.map((p) => (
            <li key={p.kind} data-retention={p.kind}>
              {p.data} : {p.period}.
            </li>
          ))}
          <li>
            Un compte actif est gardé tant qu&apos;il sert ; vous pouvez le supprimer vous-même à tout moment depuis{" "}
            <TextLink href={MY_DATA}>« Mes données »</TextLink>.
          </li>
          <li>
            Les contributions publiées restent, comme trace publique du projet social communal ; après la suppression d&apos;un compte,
            elles sont signées « Ancien membre du conseil … », sans le nom.
          </li>
        </ul>

        {settings.privacyNotes ? (
          <>
            <h2 id="precisions">Précisions de la Ville</h2>
            <PlainText text={settings.privacyNotes} />
          </>
        ) : null}

        <h2>Vos droits</h2>
        <p>
          Le règlement général sur la protection des données (RGPD) vous donne sur les données qui vous concernent un droit d&apos;accès, de
          rectification, d&apos;effacement, de limitation, d&apos;opposition et à la portabilité. Voici comment les exercer :
        </p>
        <ul>
          <li>
            <strong>Accès et portabilité</strong> : la page <TextLink href={MY_DATA}>« Mes données »</TextLink> de votre espace montre tout
            ce que la plateforme garde sur vous et vous le donne en un fichier à télécharger (format JSON).
          </li>
          <li>
            <strong>Effacement</strong> : depuis <TextLink href={MY_DATA}>« Mes données »</TextLink>, « Supprimer mon compte » efface votre
            adresse, votre nom et ce qui n&apos;est qu&apos;à vous ; vous pouvez aussi le demander à la Ville, qui l&apos;efface pour vous.
          </li>
          <li>
            <strong>Rectification</strong> : votre mot de passe se change avec « Mot de passe oublié ? » sur la page de connexion,
            l&apos;affichage de votre nom sur la page de votre conseil depuis l&apos;espace du conseil ; pour le reste, écrivez au délégué
            ou à la déléguée à la protection des données.
          </li>
          <li>
            <strong>Limitation et opposition</strong> : écrivez au délégué ou à la déléguée à la protection des données (coordonnées
            ci-dessus), en disant ce que vous demandez. Une réponse vous est due dans un délai d&apos;un mois.
          </li>
        </ul>

        <h2>Réclamation auprès de la CNIL</h2>
        <p>
          Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la Commission nationale de
          l&apos;informatique et des libertés (CNIL) : <TextLink href={CNIL_COMPLAINTS}>adresser une plainte à la CNIL (cnil.fr)</TextLink>.
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
