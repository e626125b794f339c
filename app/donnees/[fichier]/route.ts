import { isOpenDataFileName, type OpenDataFormat } from "@/lib/open-data/files";
import { getDb } from "@/server/db";
import { notModified } from "@/server/http/not-modified";
import { appOpenDataStore, type OpenDataForm } from "@/server/open-data/export-store";

/*
 * /donnees/<fichier>.csv and .json: an open data file, streamed from its copy on disk
 * (server/open-data/export-store.ts), written again when its data changed. A reader who has the
 * current bytes gets a 304 (ETag, Last-Modified); « no-cache » makes every cache ask first.
 */
export const dynamic = "force-dynamic";

const FILE = /^([a-z-]+)\.(csv|json)$/;

const contentTypes: Record<OpenDataFormat, string> = {
  // header=present: RFC 4180's way of saying the first line names the columns.
  csv: "text/csv; charset=utf-8; header=present",
  json: "application/json; charset=utf-8",
};

function headersOf(name: string, format: OpenDataFormat, form: OpenDataForm): Record<string, string> {
  return {
    ETag: form.etag,
    "Last-Modified": form.changedAt.toUTCString(),
    "Cache-Control": "public, no-cache",
    "Content-Type": contentTypes[format],
    // A spreadsheet file is saved; a JSON file opens in the browser (its viewer), under the same name if saved.
    "Content-Disposition": `${format === "csv" ? "attachment" : "inline"}; filename="projet-social-communal-${name}.${format}"`,
  };
}

async function serve(request: Request, params: Promise<{ fichier: string }>, withBody: boolean): Promise<Response> {
  const match = FILE.exec((await params).fichier);
  const name = match?.[1];
  if (!match || !name || !isOpenDataFileName(name)) {
    return new Response("Ce fichier n'existe pas. La liste des fichiers est sur /donnees.\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const format = match[2] as OpenDataFormat;
  const store = appOpenDataStore();
  const db = await getDb();
  const current = (await store.current(db, name)).forms[format];
  if (notModified(request.headers, current.etag, current.changedAt)) {
    const { "Content-Type": _type, "Content-Disposition": _disposition, ...validators } = headersOf(name, format, current);
    return new Response(null, { status: 304, headers: validators });
  }
  if (!withBody) return new Response(null, { headers: { ...headersOf(name, format, current), "Content-Length": String(current.bytes) } });
  const opened = await store.open(db, name, format);
  return new Response(opened.body, { headers: { ...headersOf(name, format, opened.form), "Content-Length": String(opened.form.bytes) } });
}

export function GET(request: Request, { params }: { params: Promise<{ fichier: string }> }): Promise<Response> {
  return serve(request, params, true);
}

/** The headers only: the file is not opened. */
export function HEAD(request: Request, { params }: { params: Promise<{ fichier: string }> }): Promise<Response> {
  return serve(request, params, false);
}
