import { registerCsvResponse } from "@/server/moderation/register-csv-response";

/* An earlier window of the register as CSV (the months ending with `fin`), cached like its page. */
export const dynamic = "force-static";
export const revalidate = 3600;

export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ fin: string }> }): Promise<Response> {
  const { fin } = await params;
  return registerCsvResponse(fin);
}
