import { registerCsvResponse } from "@/server/moderation/register-csv-response";

/* The current window of the register as CSV. Cached like its page and refreshed with it
   (server/public-paths.ts drops every page and file below /moderation/registre). */
export const dynamic = "force-static";
export const revalidate = 3600;

export function GET(): Promise<Response> {
  return registerCsvResponse(null);
}
