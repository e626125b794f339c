import { formatDateTime, isoDateTime } from "@/lib/dates";

/**
 * When this page was produced from the City's data. Pages are cached and produced again when the
 * plan changes (and at least every hour), so this tells a reader how fresh what they read is.
 */
export function PageFreshness({ at = new Date() }: { at?: Date }) {
  return (
    <p className="mt-12 border-t border-slate-200 pt-4 text-base text-slate-700">
      Page mise à jour le <time dateTime={isoDateTime(at)}>{formatDateTime(at)}</time>.
    </p>
  );
}
