import "server-only";
import { QrCode } from "@/components/slides/qr-code";
import { formatDay, cityDay } from "@/lib/dates";
import { siteOrigin } from "@/lib/env";

/**
 * Only on paper (`hidden print:block`): where to read the page online — its address and a QR code
 * — and the day its data are from (« état au … »), so a handout left on a table says how old it is.
 */
export function PrintHandout({ path, at = new Date() }: { path: string; at?: Date }) {
  const url = `${siteOrigin()}${path}`;
  return (
    <div className="mt-8 hidden items-center gap-6 border-t-2 border-black pt-4 print:flex">
      <QrCode url={url} label={`Code QR vers cette page : ${url}`} className="h-32 w-32 shrink-0" />
      <p>
        État au <time dateTime={cityDay(at)}>{formatDay(cityDay(at))}</time>. À lire et à suivre en ligne : {url}
      </p>
    </div>
  );
}
