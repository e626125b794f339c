import { formatDateTime, isoDateTime } from "@/lib/dates";
import { frenchQuote } from "@/lib/french";
import { roleNames } from "./badges";

export interface JournalEntry {
  action: string;
  actorName: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

const actionLabels: Record<string, string> = {
  "user.invite_staff": "Invitation envoyée",
  "user.roles.change": "Rôles modifiés",
  "user.deactivate": "Compte désactivé",
  "user.reactivate": "Compte réactivé",
  "council.create": "Conseil créé",
  "council.update": "Conseil modifié",
  "council.archive": "Conseil archivé",
  "council.unarchive": "Conseil rendu de nouveau visible",
};

const fieldLabels: Record<string, string> = { name: "Nom", number: "Numéro", area: "Quartier", description: "Description", title: "Fonction" };

type Roles = Partial<Record<keyof typeof roleNames | "title", unknown>>;

const rolesText = (roles: Roles) => {
  const held = (Object.keys(roleNames) as (keyof typeof roleNames)[]).filter((k) => roles[k] === true).map((k) => roleNames[k]);
  return held.length > 0 ? held.join(", ") : "aucun rôle";
};
const valueText = (value: unknown) => (value === null || value === undefined || value === "" ? "(vide)" : frenchQuote(String(value)));

/** What changed, in words, from the journal row's details (before/after). */
function changeSummary(entry: JournalEntry): string[] {
  const before = entry.details.before as Roles | undefined;
  const after = entry.details.after as Roles | undefined;
  if (!before || !after) return [];
  if (entry.action === "user.roles.change") {
    const lines = [`Rôles : ${rolesText(before)} → ${rolesText(after)}`];
    if (before.title !== after.title) lines.push(`Fonction : ${valueText(before.title)} → ${valueText(after.title)}`);
    return lines;
  }
  return Object.keys(after).map((key) => `${fieldLabels[key] ?? key} : ${valueText(before[key as keyof Roles])} → ${valueText(after[key as keyof Roles])}`);
}

/** Who did what, when and why — the journal rows about one person or one council, newest first. */
export function Journal({ entries, emptyText }: { entries: JournalEntry[]; emptyText: string }) {
  if (entries.length === 0) return <p>{emptyText}</p>;
  return (
    <ol className="space-y-4">
      {entries.map((entry, i) => (
        <li key={i} className="rounded-md border border-slate-300 p-4">
          <p className="font-bold">{actionLabels[entry.action] ?? entry.action}</p>
          <p className="text-base text-slate-800">
            <time dateTime={isoDateTime(entry.createdAt)}>Le {formatDateTime(entry.createdAt)}</time>, par {entry.actorName ?? "le système"}
          </p>
          {changeSummary(entry).map((line) => (
            <p key={line} className="text-base">
              {line}
            </p>
          ))}
          <p className="text-base">
            <span className="font-semibold">Raison : </span>
            {entry.reason ?? "non précisée"}
          </p>
        </li>
      ))}
    </ol>
  );
}
