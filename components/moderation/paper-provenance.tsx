import { TextLink } from "@/components/ui/text-link";
import { provenanceText, type Receipt } from "@/lib/paper-contribution";

/**
 * For staff: where a contribution recorded by the City came from, who recorded it, and its scan
 * (a download from a route that checks the permission again). Nothing for one written on the site.
 */
export function PaperProvenance({
  item,
  recordedBy,
}: {
  item: { id: number; kind: "feedback" | "proposal"; receivedVia: Receipt | null; receivedOn: string | null; hasScan: boolean };
  recordedBy?: string | null;
}) {
  if (!item.receivedVia || !item.receivedOn) return null;
  return (
    <>
      {" "}
      <strong>
        {provenanceText(item.kind, item.receivedVia, item.receivedOn)}
        {recordedBy ? ` (${recordedBy})` : ""}.
      </strong>{" "}
      {item.hasScan ? (
        <>
          <TextLink href={`/moderation/papier/scan/${item.id}`}>Télécharger le scan du papier</TextLink> (réservé au personnel).
        </>
      ) : (
        "Sans scan."
      )}
    </>
  );
}
