import { formatDateTime, formatDay, isoDateTime } from "@/lib/dates";
import { frenchQuote, joinFrench } from "@/lib/french";
import { pluralize } from "@/lib/labels";
import { retentionKinds, type RetentionKind } from "@/lib/personal-data";
import { submissionPolicyLabels, type SubmissionPolicy } from "@/lib/validation/settings";
import { roleNames } from "./badges";
import { journalSentence } from "./journal-sentence";

export interface JournalEntry {
  action: string;
  actorName: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
  /** The full journal (/admin/journal) says more: the actor's email, what the row is about, its council. */
  actorEmail?: string | null;
  targetType?: string;
  targetId?: string | null;
  targetName?: string | null;
  councilName?: string | null;
  /** Names of the people the details name by id (user id → display name). */
  people?: Record<number, string>;
}

/** Every action name the code writes to the journal (grep writeAudit), in plain French. */
export const journalActionLabels: Record<string, string> = {
  "user.invite_staff": "Invitation envoyée",
  "user.roles.change": "Rôles modifiés",
  "user.deactivate": "Compte désactivé",
  "user.reactivate": "Compte réactivé",
  "user.password_reset": "Mot de passe réinitialisé",
  "account.erase": "Compte supprimé par la personne",
  "user.erase": "Compte supprimé par un·e administrateur·rice",
  "session.revoke_all": "Déconnexion de tous les appareils",
  "council.create": "Conseil créé",
  "council.update": "Conseil modifié",
  "council.archive": "Conseil archivé",
  "council.unarchive": "Conseil rendu de nouveau visible",
  "council.settings.update": "Paramètres d'un conseil modifiés",
  "council.members.invite": "Invitation à un conseil envoyée",
  "council.members.remove": "Membre retiré·e d'un conseil",
  "council.members.set_role": "Rôle dans un conseil modifié",
  "council.membership.set_visibility": "Affichage du nom sur la page du conseil modifié",
  "invitation.accept": "Invitation acceptée",
  "invitation.revoke": "Invitation annulée",
  "contribution.draft": "Brouillon de contribution créé",
  "contribution.record_paper": "Contribution reçue hors du site saisie pour un conseil",
  "contribution.edit_pending": "Contribution en attente modifiée",
  "contribution.submit": "Contribution soumise à la modération",
  "contribution.withdraw": "Contribution retirée de la modération",
  "contribution.approve": "Contribution approuvée et publiée",
  "contribution.reject": "Contribution refusée",
  "contribution.hide": "Contribution masquée",
  "contribution.auto_hide": "Contribution masquée après des signalements",
  "meeting.snapshot.withdraw": "Contribution masquée retirée des diapositives figées d'une réunion",
  "contribution.report": "Contribution signalée",
  "contribution.republish": "Contribution signalée remise en ligne",
  "contribution.reports_dismiss": "Signalements classés sans suite",
  "contribution.answer": "Réponse de la Ville publiée",
  "contribution.support": "Proposition soutenue par un conseil",
  "moderation.template.create": "Modèle de raison créé",
  "moderation.template.update": "Modèle de raison modifié",
  "moderation.template.archive": "Modèle de raison archivé",
  "moderation.template.restore": "Modèle de raison rétabli",
  "settings.update": "Paramètres de la plateforme modifiés",
  "settings.privacy.update": "Paramètres des données personnelles modifiés",
  "settings.identity.update": "Identité de la Ville modifiée",
  "settings.legal.update": "Mentions légales ou déclaration d'accessibilité modifiées",
  "settings.logo.update": "Logo de la Ville changé",
  "settings.logo.remove": "Logo de la Ville retiré",
  "retention.purge": "Durées de conservation appliquées",
  "retention.erase": "Compte désactivé effacé à la fin de sa durée de conservation",
  "progress_report.create": "Point d'étape publié",
  "progress_report.correct": "Point d'étape corrigé",
  "action.deadline.change": "Échéance d'une fiche action modifiée",
  "action.officials.assign": "Élu·e·s chargé·e·s d'une fiche action modifié·e·s",
  "plan.action.create": "Fiche action ajoutée au plan",
  "plan.action.update": "Fiche action modifiée",
  "plan.action.archive": "Fiche action archivée",
  "plan.action.unarchive": "Fiche action remise dans les listes",
  "plan.action.move": "Ordre des fiches d'une thématique modifié",
  "plan.theme.create": "Thématique ajoutée au plan",
  "plan.theme.update": "Thématique modifiée",
  "plan.theme.move": "Ordre des thématiques du plan modifié",
  "plan.theme.archive": "Thématique archivée",
  "plan.theme.unarchive": "Thématique remise dans les listes",
  "plan.import": "Plan importé d'un fichier",
  "plan.open": "Prochain plan ouvert en brouillon",
  "plan.publish": "Nouveau plan publié (le précédent est terminé)",
  "plan.update": "Présentation d'un plan modifiée (titre, période, introduction, démarche)",
  "meeting.create": "Réunion publique créée",
  "meeting.update": "Réunion publique modifiée",
  "meeting.delete": "Réunion publique supprimée avant d'avoir eu lieu",
  "meeting.minutes": "Compte rendu de réunion enregistré",
  "meeting.freeze": "Diapositives d'une réunion figées (« état au … »)",
  "meeting.unfreeze": "Diapositives d'une réunion revenues aux données en direct",
};

/** The label of an action name; an unknown name (written by newer code) is shown as it is. */
export const journalActionLabel = (action: string) => journalActionLabels[action] ?? action;

const fieldLabels: Record<string, string> = {
  name: "Nom",
  number: "Numéro",
  area: "Quartier",
  description: "Description",
  title: "Fonction",
  reportThreshold: "Signalements avant masquage",
  answerDueDays: "Délai de réponse (jours)",
  dataControllerName: "Responsable du traitement",
  dataControllerAddress: "Adresse du responsable du traitement",
  dpoContact: "Contact du délégué à la protection des données",
  deactivatedAccountYears: "Conservation des comptes désactivés (années)",
  privacyLegalBasis: "Base légale des traitements",
  privacyNotes: "Précisions sur les données personnelles",
  cityName: "Nom de la Ville",
  serviceName: "Nom du service",
  contactAddress: "Adresse de contact",
  logoHash: "Logo (empreinte)",
  legalNotice: "Mentions légales",
  accessibilityStatus: "État de conformité",
  accessibilityAuditDate: "Date de l'audit",
  accessibilityDerogations: "Contenus non accessibles",
  accessibilityContact: "Contact pour l'accessibilité",
  day: "Jour",
  submissionPolicy: "Qui peut soumettre à la modération",
  slug: "Adresse de la page",
  email: "Adresse électronique",
  label: "Motif",
  state: "État de la réponse",
  first: "Première réponse",
  resolvedReports: "Signalements traités",
  visible: "Nom affiché publiquement",
  role: "Rôle",
  grants: "Rôles",
  takenAt: "État au",
  replaces: "Remplace l'état au",
  slides: "Diapositives",
};

/** The plan's own words: « title » is a fiche's or theme's title there, not a person's function. */
const planFieldLabels: Record<string, string> = {
  title: "Titre",
  description: "Description",
  body: "Texte complet",
  plainSummary: "En bref, en mots simples",
  timeframeLabel: "Échéance d'origine",
  projects: "Projets cités",
  links: "Liens",
  themes: "Thématiques",
  order: "Ordre des fiches (n° internes)",
  number: "Numéro",
  slug: "Adresse de la page",
};

/** Technical details (ids, counters) that say nothing to a reader. */
const hiddenDetails = new Set(["before", "after", "sessionVersion", "answerId", "proposingCouncilId", "purged"]);

/** What the retention job counts, as « 3 invitations ». */
const purgedLabels: Record<RetentionKind, [string, string]> = {
  signInThrottles: ["tentative de connexion manquée (compte ou adresse IP)", "tentatives de connexion manquées (comptes ou adresses IP)"],
  invitations: ["invitation", "invitations"],
  passwordResetTokens: ["lien de nouveau mot de passe", "liens de nouveau mot de passe"],
  readNotifications: ["notification lue", "notifications lues"],
  revokedSessions: ["session fermée", "sessions fermées"],
  deactivatedAccounts: ["compte désactivé", "comptes désactivés"],
};

const answerStates: Record<string, string> = { under_review: "à l'étude", accepted: "retenue", rejected: "non retenue", done: "réalisée" };

const targetLabels: Record<string, string> = {
  user: "Personne",
  council: "Conseil",
  contribution: "Contribution",
  invitation: "Invitation",
  platform_settings: "Paramètres de la plateforme",
  retention: "Durées de conservation",
  moderation_reason_template: "Modèle de raison",
  action: "Fiche action",
  theme: "Thématique",
  meeting: "Réunion publique",
  progress_report: "Point d'étape",
};

type Roles = Partial<Record<keyof typeof roleNames | "title", unknown>>;

const rolesText = (roles: Roles) => {
  const held = (Object.keys(roleNames) as (keyof typeof roleNames)[]).filter((k) => roles[k] === true).map((k) => roleNames[k]);
  return held.length > 0 ? held.join(", ") : "aucun rôle";
};
const valueText = (key: string, value: unknown) => {
  if (value === null || value === undefined || value === "") return "(vide)";
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (key === "day" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value);
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value)))
    return formatDateTime(new Date(value));
  if (key === "grants" && typeof value === "object") return rolesText(value as Roles);
  if (key === "state" && typeof value === "string" && value in answerStates) return answerStates[value]!;
  if (key === "submissionPolicy" && typeof value === "string" && value in submissionPolicyLabels)
    return submissionPolicyLabels[value as SubmissionPolicy];
  return frenchQuote(typeof value === "object" ? JSON.stringify(value) : String(value));
};

/** « Effacé : 2 invitations et 1 notification lue » — the counts of a retention run, those above zero. */
function purgeSummary(entry: JournalEntry): string[] {
  const purged = entry.details.purged;
  if (!purged || typeof purged !== "object") return [];
  const counts = retentionKinds
    .map((kind) => [kind, Number((purged as Record<string, unknown>)[kind] ?? 0)] as const)
    .filter(([, n]) => Number.isInteger(n) && n > 0)
    .map(([kind, n]) => pluralize(n, ...purgedLabels[kind]));
  return [counts.length > 0 ? `Effacé : ${joinFrench(counts)}` : "Rien n'était à effacer."];
}

const peopleText = (entry: JournalEntry, ids: unknown) =>
  Array.isArray(ids) && ids.length > 0
    ? ids.map((id) => entry.people?.[id as number] ?? `personne n°${String(id)}`).join(", ")
    : "personne";

/** What changed, in words, from the journal row's details (before/after). */
function changeSummary(entry: JournalEntry): string[] {
  if (entry.action === "retention.purge") return purgeSummary(entry);
  if (entry.action === "action.officials.assign") {
    return [`Élu·e·s chargé·e·s : ${peopleText(entry, entry.details.before)} → ${peopleText(entry, entry.details.after)}`];
  }
  const before = entry.details.before as Roles | undefined;
  const after = entry.details.after as Roles | undefined;
  if (!before || !after || typeof before !== "object" || typeof after !== "object") return [];
  if (entry.action === "user.roles.change") {
    const lines = [`Rôles : ${rolesText(before)} → ${rolesText(after)}`];
    if (before.title !== after.title) lines.push(`Fonction : ${valueText("title", before.title)} → ${valueText("title", after.title)}`);
    return lines;
  }
  const labels = entry.action.startsWith("plan.") ? planFieldLabels : fieldLabels;
  return Object.keys(after).map(
    (key) => `${labels[key] ?? key} : ${valueText(key, before[key as keyof Roles])} → ${valueText(key, after[key as keyof Roles])}`,
  );
}

/** The other details of the row, in words: « Motif : « Hors sujet » ; Première réponse : oui ». */
function otherDetails(entry: JournalEntry): string | null {
  const keys = Object.keys(entry.details).filter((k) => !hiddenDetails.has(k));
  if (keys.length === 0) return null;
  const labels = entry.action.startsWith("plan.") ? planFieldLabels : fieldLabels;
  return keys.map((k) => `${labels[k] ?? k} : ${valueText(k, entry.details[k])}`).join(" ; ");
}

/** What the row is about: « Personne : Marie Dupont », « Contribution n° 12 ». */
function targetText(entry: JournalEntry): string | null {
  if (!entry.targetType || entry.targetType === "platform_settings") return entry.targetType ? targetLabels.platform_settings! : null;
  const label = targetLabels[entry.targetType] ?? entry.targetType;
  if (entry.targetName) return `${label} : ${entry.targetName}`;
  return entry.targetId ? `${label} n° ${entry.targetId}` : label;
}

/** « Le …, le système a … »: the sentence follows the date, so only « Le système » loses its capital. */
const lowerFirstIfSystem = (sentence: string) => (sentence.startsWith("Le système ") ? `l${sentence.slice(1)}` : sentence);

/** Who did what, when and why — journal rows, newest first. Every value is rendered as text. */
export function Journal({ entries, emptyText }: { entries: JournalEntry[]; emptyText: string }) {
  if (entries.length === 0) return <p>{emptyText}</p>;
  return (
    <ol className="space-y-4">
      {entries.map((entry, i) => {
        const target = targetText(entry);
        const details = otherDetails(entry);
        // The full journal names the actor with their address, right after their name.
        const sentence = journalSentence({
          ...entry,
          actorName: entry.actorName && entry.actorEmail ? `${entry.actorName} (${entry.actorEmail})` : entry.actorName,
        });
        return (
          <li key={i} className="rounded-md border border-slate-300 p-4">
            <p className="font-bold">{journalActionLabel(entry.action)}</p>
            <p className="text-base break-words text-slate-800">
              <time dateTime={isoDateTime(entry.createdAt)}>Le {formatDateTime(entry.createdAt)}</time>
              {sentence
                ? `, ${lowerFirstIfSystem(sentence)}.`
                : `, par ${entry.actorName ?? "le système"}${entry.actorEmail ? ` (${entry.actorEmail})` : ""}`}
            </p>
            {target ? <p className="text-base break-words">{target}</p> : null}
            {entry.councilName ? <p className="text-base break-words">Conseil : {entry.councilName}</p> : null}
            {changeSummary(entry).map((line) => (
              <p key={line} className="text-base break-words">
                {line}
              </p>
            ))}
            {details ? <p className="text-base break-words">Détails : {details}</p> : null}
            <p className="text-base break-words whitespace-pre-line">
              <span className="font-semibold">Raison : </span>
              {entry.reason ?? "non précisée"}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
