import { ROLLUP_RULE } from "@/lib/rollup";

/** The roll-up rule, written out wherever a roll-up figure is shown. */
export function RollupRule() {
  return (
    <p className="mt-4 text-base text-slate-700">
      <strong className="font-semibold text-slate-900">Comment l&apos;avancement est calculé :</strong> {ROLLUP_RULE}
    </p>
  );
}
