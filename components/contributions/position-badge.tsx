import { positionLabels } from "@/lib/validation/contribution";

const tones = {
  favorable: "border-green-800 bg-green-50 text-green-950",
  favorable_with_reservations: "border-amber-800 bg-amber-50 text-amber-950",
  unfavorable: "border-red-800 bg-red-50 text-red-950",
} as const;

/** The council's position on a fiche, in words (never by colour alone). */
export function PositionBadge({ position }: { position: keyof typeof positionLabels }) {
  return (
    <span className={`inline-flex rounded border-2 px-2 py-0.5 text-base font-semibold ${tones[position]}`}>
      Avis {positionLabels[position].toLowerCase()}
    </span>
  );
}
