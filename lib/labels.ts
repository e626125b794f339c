/** Status words shown to people. Status is always shown as words (with an icon), never by colour alone. */
export const actionStatuses = ["planned", "in_progress", "done", "suspended"] as const;
export type ActionStatus = (typeof actionStatuses)[number];

const statusLabels: Record<ActionStatus, string> = {
  planned: "À venir",
  in_progress: "En cours",
  done: "Réalisée",
  suspended: "Suspendue",
};

export const UNKNOWN_STATUS_LABEL = "Statut non précisé";

/**
 * A fiche past its current deadline and not done. Not « En retard » next to « À venir » or « En
 * cours », which reads as a contradiction: the status says where the work is, this says the date.
 */
export const LATE_DEADLINE_LABEL = "Échéance dépassée";

export function statusLabel(status: ActionStatus | null): string {
  return status ? statusLabels[status] : UNKNOWN_STATUS_LABEL;
}

/** « 1 fiche action », « 2 fiches actions » — French plural, 0 and 1 singular. */
export function pluralize(count: number, singular: string, plural: string): string {
  return `${count} ${Math.abs(count) < 2 ? singular : plural}`;
}

export function progressLabel(progress: number | null): string {
  return progress === null ? "Avancement non renseigné" : `Avancement : ${progress} %`;
}
