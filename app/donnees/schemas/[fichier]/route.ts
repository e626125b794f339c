import { isOpenDataFileName, openDataFileNames } from "@/lib/open-data/files";
import { tableSchemaOf } from "@/lib/open-data/table-schema";

/*
 * /donnees/schemas/<fichier>.json: the Table Schema of an open data file. Fixed by the code, so
 * written at build time and served as a static file; any other name is a 404.
 */
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return openDataFileNames.map((name) => ({ fichier: `${name}.json` }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ fichier: string }> }): Promise<Response> {
  const name = (await params).fichier.replace(/\.json$/, "");
  if (!isOpenDataFileName(name)) return new Response("Schéma introuvable.\n", { status: 404 });
  return new Response(`${JSON.stringify(tableSchemaOf(name), null, 2)}\n`, {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}
