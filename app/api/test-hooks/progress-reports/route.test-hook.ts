import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { postProgressReportSchema } from "@/lib/validation/progress";
import { loadActor } from "@/server/auth/actor";
import { refreshPublicPagesOf } from "@/server/cache";
import { getDb } from "@/server/db";
import { testHookAuthorized } from "../authorized";
import { handleForm } from "@/server/form-action";
import { postProgressReport } from "@/server/progress/post-report";
import { demoEmail } from "@/db/seed/plan-data";

/*
 * Test seam for the browser tests that need a point d'étape without going through its page (the
 * cache and meeting specs). It posts the form's fields as a staff member — the demo moderator, or
 * the active account named in `actorEmail` — through the same path as the app's form: one parse
 * of the raw values by the shared schema, then postProgressReport (permission, author, journal
 * row), then the refresh of the public pages that show it, as the form does. It is built only into a test build (see ../authorized.ts) and answers
 * 404 to any request without the token.
 */
const DEFAULT_ACTOR = demoEmail("moderation");

const statusOf: Record<string, number> = { VALIDATION_FAILED: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

export async function POST(request: Request) {
  if (!testHookAuthorized(request)) return new Response("Not found", { status: 404 });
  const form = await request.formData().catch(() => null);
  if (!form)
    return Response.json({ ok: false, message: "Envoyez les champs du formulaire (application/x-www-form-urlencoded)." }, { status: 400 });
  const email = String(form.get("actorEmail") ?? DEFAULT_ACTOR)
    .trim()
    .toLowerCase();
  form.delete("actorEmail");

  const db = await getDb();
  const [user] = await db.select({ id: users.id, sessionVersion: users.sessionVersion }).from(users).where(eq(users.email, email));
  // A deactivated account loads as null: refused as an expired session, like in the app.
  const actor = user ? await loadActor(db, user.id, user.sessionVersion) : null;
  const { state } = await handleForm(
    { schema: postProgressReportSchema, signedIn: true, run: (input, context) => postProgressReport(context.db, context.actor, input) },
    async () => ({ db, actor }),
    undefined,
    form,
  );
  const result = state.result!;
  if (!result.ok) return Response.json(result, { status: statusOf[result.code] ?? 500 });
  if (result.ok) await refreshPublicPagesOf(db, { actionSlugs: [result.data.slug] });
  return Response.json(result, { status: 201 });
}
