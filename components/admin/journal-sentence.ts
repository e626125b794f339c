import { frenchQuote } from "@/lib/french";

/*
 * A journal row as one French sentence — « Ada Martin a déplacé l'échéance de la fiche
 * « accueil-de-jour » de « jusqu'en 2018 » à « juin 2027 » » — so that a clerk reads what happened
 * without knowing the action names (issue 11, point 7). The details below the sentence stay.
 */

/** Minimal shape of a row (components/admin/journal.tsx JournalEntry). */
export interface SentenceEntry {
  action: string;
  actorName: string | null;
  details: Record<string, unknown>;
  targetName?: string | null;
}

/** What the person did, in the past tense; `*` is where the target's name goes, when known. */
const phrases: Record<string, string> = {
  "user.invite_staff": "a invité * dans l'équipe de la Ville",
  "user.roles.change": "a modifié les rôles de *",
  "user.deactivate": "a désactivé le compte de *",
  "user.reactivate": "a réactivé le compte de *",
  "user.password_reset": "a choisi un nouveau mot de passe",
  "account.erase": "a supprimé son propre compte",
  "user.erase": "a supprimé le compte de *",
  "session.revoke_all": "s'est déconnecté·e de tous ses appareils",
  "council.create": "a créé le conseil *",
  "council.update": "a modifié le conseil *",
  "council.archive": "a archivé le conseil *",
  "council.unarchive": "a rendu de nouveau visible le conseil *",
  "council.settings.update": "a modifié les paramètres du conseil",
  "council.members.invite": "a invité * dans un conseil",
  "council.members.remove": "a retiré * d'un conseil",
  "council.members.set_role": "a changé le rôle de * dans un conseil",
  "council.membership.set_visibility": "a changé l'affichage de son nom sur la page du conseil",
  "invitation.accept": "a accepté une invitation",
  "invitation.revoke": "a annulé l'invitation de *",
  "contribution.draft": "a commencé un brouillon de contribution",
  "contribution.edit_pending": "a modifié une contribution en attente de modération",
  "contribution.submit": "a soumis une contribution à la modération",
  "contribution.withdraw": "a retiré une contribution de la modération",
  "contribution.approve": "a approuvé et publié une contribution",
  "contribution.reject": "a refusé une contribution",
  "contribution.hide": "a masqué une contribution publiée",
  "contribution.auto_hide": "a masqué une contribution après des signalements",
  "meeting.snapshot.withdraw": "a retiré une contribution masquée des diapositives figées d'une réunion",
  "contribution.report": "a signalé une contribution",
  "contribution.republish": "a remis en ligne une contribution signalée",
  "contribution.reports_dismiss": "a classé des signalements sans suite",
  "contribution.answer": "a publié une réponse de la Ville",
  "contribution.support": "a soutenu une proposition au nom d'un conseil",
  "moderation.template.create": "a créé un modèle de raison",
  "moderation.template.update": "a modifié un modèle de raison",
  "moderation.template.archive": "a archivé un modèle de raison",
  "moderation.template.restore": "a rétabli un modèle de raison",
  "settings.update": "a modifié les paramètres de la plateforme",
  "settings.privacy.update": "a modifié les paramètres des données personnelles",
  "settings.identity.update": "a modifié l'identité de la Ville (nom, service, contact)",
  "settings.legal.update": "a modifié les mentions légales ou la déclaration d'accessibilité",
  "settings.logo.update": "a changé le logo de la Ville",
  "settings.logo.remove": "a retiré le logo de la Ville",
  "contribution.record_paper": "a saisi pour un conseil une contribution reçue hors du site",
  "plan.action.create": "a ajouté au plan la fiche *",
  "plan.action.update": "a modifié la fiche *",
  "plan.action.archive": "a archivé la fiche *",
  "plan.action.unarchive": "a remis dans les listes la fiche *",
  "plan.action.move": "a changé l'ordre des fiches d'une thématique",
  "plan.theme.create": "a ajouté au plan la thématique *",
  "plan.theme.update": "a modifié la thématique *",
  "plan.theme.move": "a changé la place de la thématique * dans le plan",
  "plan.theme.archive": "a archivé la thématique *",
  "plan.theme.unarchive": "a remis dans les listes la thématique *",
  "plan.import": "a importé d'un fichier le plan *",
  "plan.open": "a ouvert en brouillon le prochain plan *",
  "plan.publish": "a publié le plan *, qui remplace le plan terminé",
  "plan.update": "a modifié la présentation du plan *",
  "retention.purge": "a appliqué les durées de conservation",
  "retention.erase": "a effacé un compte désactivé à la fin de sa durée de conservation",
  "progress_report.create": "a publié un point d'étape",
  "progress_report.correct": "a corrigé un point d'étape",
  "action.deadline.change": "a déplacé l'échéance de la fiche",
  "action.officials.assign": "a modifié les élu·e·s chargé·e·s d'une fiche",
  "meeting.create": "a créé une réunion publique",
  "meeting.update": "a modifié une réunion publique",
  "meeting.delete": "a supprimé une réunion publique avant qu'elle ait lieu",
  "meeting.minutes": "a enregistré le compte rendu d'une réunion",
  "meeting.freeze": "a figé les diapositives d'une réunion",
  "meeting.unfreeze": "a remis les diapositives d'une réunion sur les données en direct",
};

/** Every action that has its sentence (checked against the actions the code writes, like the labels). */
export const journalSentenceActions = Object.keys(phrases);

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);

/** The row's sentence, without the final period; `null` for an action written by newer code (its label shows instead). */
export function journalSentence(entry: SentenceEntry): string | null {
  const phrase = phrases[entry.action];
  if (!phrase) return null;
  const who = entry.actorName ?? "Le système";
  // The server names people, councils and invitations; a fiche or a theme is named by its title in the row.
  const titleIn = (value: unknown) => (value && typeof value === "object" ? text((value as Record<string, unknown>).title) : null);
  const name = text(entry.targetName) ?? text(entry.details.title) ?? titleIn(entry.details.after) ?? titleIn(entry.details.before);
  let what = phrase.includes("*") ? phrase.replace(" *", name ? ` ${frenchQuote(name)}` : "").replace("* ", "") : phrase;
  // « de la fiche » needs the fiche; otherwise the sentence still reads without it.
  if (entry.action === "action.deadline.change") {
    const fiche = text(entry.details.fiche);
    const before = text(entry.details.previousLabel);
    const after = text(entry.details.newLabel);
    what = `${what}${fiche ? ` ${frenchQuote(fiche)}` : ""}${before ? ` de ${frenchQuote(before)}` : ""}${after ? ` à ${frenchQuote(after)}` : ""}`;
  }
  return `${who} ${what}`;
}
