import "server-only";
import { registerCsv } from "@/lib/moderation-register";
import { isMonth } from "@/lib/months";
import { getDb } from "@/server/db";
import { loadModerationRegister } from "./load-register";

/**
 * The register's window ending with `end` (the current month if null) as a CSV download: the same
 * figures as its page, one row per month. 404 where the page would be one (`end` not a month, after
 * this one, or before the first submission).
 */
export async function registerCsvResponse(end: string | null): Promise<Response> {
  const register = end === null || isMonth(end) ? await loadModerationRegister(await getDb(), end) : null;
  if (!register) return new Response("Page introuvable.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const last = register.months[0]!.month;
  const first = register.months.at(-1)!.month;
  return new Response(registerCsv(register.months, register.categories), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="registre-moderation-${first}-${last}.csv"`,
    },
  });
}
