import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { actions, progressReports } from "@/db/schema";
import { z } from "zod";
import { progressReportSchema, type ProgressReportInput } from "@/lib/validation/progress-report";
import { syncActionFromReports } from "@/server/progress/shared";

export type RecordProgressReportResult =
  | { ok: true; reportId: number }
  | { ok: false; code: "VALIDATION_FAILED"; fieldErrors: Record<string, string[]> }
  | { ok: false; code: "ACTION_NOT_FOUND" };

/**
 * Publishes a point d'étape without an author (the browser tests' seam) and reads the fiche's
 * status and progress back from its reports, like every report posted from the app
 * (server/progress): the fiche never shows a status that no report explains. Callers authorize the
 * actor and refresh the public pages (server/cache.ts) after it returns ok.
 */
export async function recordProgressReport(input: ProgressReportInput, db?: Db): Promise<RecordProgressReportResult> {
  const parsed = progressReportSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, code: "VALIDATION_FAILED", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  }
  const data = parsed.data;
  const database = db ?? (await getDb());
  return database.transaction(async (tx) => {
    const [action] = await tx
      .select({ id: actions.id })
      .from(actions)
      .where(eq(actions.slug, data.actionSlug))
      .for("update");
    if (!action) return { ok: false, code: "ACTION_NOT_FOUND" } as const;
    const [report] = await tx
      .insert(progressReports)
      .values({
        actionId: action.id,
        title: data.title,
        body: data.body,
        reportedOn: data.reportedOn,
        status: data.status,
        progress: data.progress,
      })
      .returning({ id: progressReports.id });
    await syncActionFromReports(tx, action.id);
    return { ok: true, reportId: report!.id } as const;
  });
}
