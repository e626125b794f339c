import { describeSourceCounts, type SourceCounts } from "@/lib/plan-text";
import { Notice } from "@/components/ui/notice";

/** What the source document gives and what it does not: announced vs listed vs distinct fiches. */
export function SourceCountNote({ counts }: { counts: SourceCounts }) {
  return (
    <Notice title="À propos du nombre de fiches actions" className="mt-6">
      {describeSourceCounts(counts).map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
    </Notice>
  );
}
