import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { actions, contributions, councils, users } from "@/db/schema";
import { approveSchema } from "@/lib/validation/contribution";
import { loadActor } from "@/server/auth/actor";
import { refreshPublicPagesOf } from "@/server/cache";
import { getDb } from "@/server/db";
import { handleForm } from "@/server/form-action";
import { approveContribution } from "@/server/moderation/decide";
import { testHookAuthorized } from "../authorized";
import { demoEmail } from "@/db/seed/plan-data";

/*
 * Test seam for the benchmark's writers (scripts/bench/writes.ts): one approval, as the moderation
 * queue makes it. A pending avis of demo council n°1 on fiche `actionSlug` is written straight into
 * the table (the council's steps are not what is measured), then the demo moderator approves it
 * through the same path as the queue's form — one parse by approveSchema, approveContribution
 * (permission, exactly once, journal, notifications), the refresh of the pages that show it. The
 * answer's `Server-Timing: approve` is the time of that approval and of the registration of the
 * pages to refresh; the answer itself ends once the pages visitors read are made again (ops/
 * page-copies.mjs, decision 0032). Built only into a test build (see ../authorized.ts); 404
 * without the token.
 */
const MODERATOR = demoEmail("moderation");
const COUNCIL = "conseil-de-quartier-1";

export async function POST(request: Request) {
  if (!testHookAuthorized(request)) return new Response("Not found", { status: 404 });
  const form = await request.formData().catch(() => null);
  const actionSlug = String(form?.get("actionSlug") ?? "pilotage-projet-social");
  const db = await getDb();
  const [[target], [moderator]] = await Promise.all([
    db
      .select({ actionId: actions.id, councilId: councils.id })
      .from(actions)
      .innerJoin(councils, and(eq(councils.slug, COUNCIL), eq(councils.planId, actions.planId)))
      .where(eq(actions.slug, actionSlug)),
    db.select({ id: users.id, sessionVersion: users.sessionVersion }).from(users).where(eq(users.email, MODERATOR)),
  ]);
  if (!target || !moderator) return Response.json({ ok: false, message: "Fiche ou modérateur de démonstration inconnu." }, { status: 404 });
  // Unique: the browser tests find it on the fiche's page (the ISO time, which HTML does not escape).
  const body = `Avis écrit par le banc d'essai (${new Date().toISOString()}).`;
  const [pending] = await db
    .insert(contributions)
    .values({
      ...target,
      kind: "feedback",
      position: "favorable",
      body,
      status: "pending",
      submittedAt: new Date(),
      clientRequestId: randomUUID(),
    })
    .returning({ id: contributions.id });

  const start = performance.now();
  const actor = await loadActor(db, moderator.id, moderator.sessionVersion);
  const fields = new FormData();
  fields.set("id", String(pending!.id));
  const { state } = await handleForm(
    {
      schema: approveSchema,
      signedIn: true,
      run: (input, context) => approveContribution(context.db, context.actor, input),
      done: async (data, _input, context) => refreshPublicPagesOf(context.db, { contributionIds: [data.id], register: true }),
    },
    async () => ({ db, actor }),
    undefined,
    fields,
  );
  const ms = performance.now() - start;
  const result = state.result!;
  return Response.json(
    { ...result, body },
    {
      status: result.ok ? 201 : 409,
      headers: { "Server-Timing": `approve;dur=${ms.toFixed(1)}` },
    },
  );
}
