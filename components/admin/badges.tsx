import type { ReactNode } from "react";

type Tone = "neutral" | "role" | "warning";

const tones: Record<Tone, string> = {
  neutral: "border-slate-500 bg-slate-100 text-slate-900",
  role: "border-blue-800 bg-blue-50 text-blue-950",
  warning: "border-red-800 bg-red-50 text-red-900",
};

/** A short label in a box: always words, never colour alone. */
export function Badge({ tone = "neutral", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`inline-flex items-center rounded border-2 px-2 py-0.5 text-base font-semibold ${tones[tone]}`}>{children}</span>;
}

/** « 2 membres actifs, dont 1 référent·e », « Aucun membre actif ». */
export function memberCountText(members: number, referents: number): string {
  if (members === 0) return "Aucun membre actif";
  const who = members === 1 ? "1 membre actif" : `${members} membres actifs`;
  const refs = referents === 0 ? "aucun·e référent·e" : referents === 1 ? "1 référent·e" : `${referents} référent·es`;
  return `${who}, dont ${refs}`;
}

export const roleNames = { admin: "Administration", moderator: "Modération", official: "Élu·e" } as const;

/** The global roles of a person as badges, or « Aucun rôle de la Ville ». */
export function RoleBadges({ roles }: { roles: { moderator: boolean; official: boolean; admin: boolean } }) {
  const held = (Object.keys(roleNames) as (keyof typeof roleNames)[]).filter((key) => roles[key]);
  if (held.length === 0) return <span className="text-base text-slate-700">Aucun rôle de la Ville</span>;
  return (
    <span className="inline-flex flex-wrap gap-2">
      {held.map((key) => (
        <Badge key={key} tone="role">
          {roleNames[key]}
        </Badge>
      ))}
    </span>
  );
}
