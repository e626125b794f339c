import "server-only";
import { and, asc, eq, isNull, notInArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, contributions, contributionScans, councils } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { cityDay } from "@/lib/dates";
import { SCAN_MAX_BYTES, SCAN_TOO_BIG, SCAN_WRONG_TYPE, scanMediaType } from "@/lib/paper-contribution";
import { can, type MaybeActor } from "@/lib/permissions";
import { actionPlanState, refuseOutsideCurrentPlan } from "@/server/plan/plan-state";
import type { PaperContributionData } from "@/lib/validation/contribution";
import { writeAudit } from "@/server/audit";
import { requestDigests } from "@/server/notifications/digest";
import { notifyModerators } from "@/server/notifications/notify";

const scanError = (message: string) => fail("VALIDATION_FAILED", message, { scan: [message] });

/** The scan's bytes and type once checked: at most 5 MB, a PDF, PNG or JPEG by its first bytes. */
async function readScan(scan: Blob | null): Promise<ActionResult<{ bytes: Uint8Array; mediaType: string } | null>> {
  if (!scan || scan.size === 0) return ok(null);
  // Checked before reading: a bigger file is never held in memory twice.
  if (scan.size > SCAN_MAX_BYTES) return scanError(SCAN_TOO_BIG);
  const bytes = new Uint8Array(await scan.arrayBuffer());
  const mediaType = scanMediaType(bytes);
  if (!mediaType) return scanError(SCAN_WRONG_TYPE);
  return ok({ bytes, mediaType });
}

/**
 * Records an avis or a proposition a council gave on paper, by mail or in a meeting, in its name
 * (a moderator who is not one of its members), with its provenance and, if given, a scan of the
 * paper. It has no author account: the council signs, with the author's name as written if any.
 * It enters the moderation queue as if the council had submitted it (the same moderator may then
 * approve it: docs/decisions/0022-paper-contributions.md). Idempotent by `clientRequestId`.
 */
export async function recordPaperContribution(
  db: Db,
  actor: MaybeActor,
  data: PaperContributionData,
  scan: Blob | null,
  now = new Date(),
): Promise<ActionResult<{ id: number }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "contribution.record_paper", { councilId: data.councilId })) return forbidden();
  if (data.receivedOn > cityDay(now))
    return fail("VALIDATION_FAILED", "Certains champs sont à corriger.", {
      receivedOn: ["La date de réception ne peut pas être dans le futur."],
    });

  const [[action], [council], read] = await Promise.all([
    db.select({ id: actions.id, planState: actionPlanState }).from(actions).where(eq(actions.slug, data.actionSlug)),
    db
      .select({ id: councils.id, name: councils.name })
      .from(councils)
      .where(and(eq(councils.id, data.councilId), isNull(councils.archivedAt))),
    readScan(scan),
  ]);
  if (!action || action.planState === "draft")
    return fail("VALIDATION_FAILED", "Cette fiche action n'existe pas.", { actionSlug: ["Choisissez une fiche action de la liste."] });
  const outside = refuseOutsideCurrentPlan(action.planState, "actionSlug");
  if (outside) return outside;
  if (!council) return notFound("Conseil");
  if (!read.ok) return read;

  const result = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(contributions)
      .values({
        councilId: council.id,
        actionId: action.id,
        kind: data.kind,
        position: data.kind === "feedback" ? data.position : null,
        title: data.kind === "proposal" ? data.title : null,
        body: data.body,
        status: "pending",
        authorId: null,
        submittedById: actor.id,
        submittedAt: sql`now()`,
        receivedVia: data.receivedVia,
        receivedOn: data.receivedOn,
        writtenAuthorName: data.writtenAuthorName,
        clientRequestId: data.clientRequestId,
      })
      .onConflictDoNothing({ target: contributions.clientRequestId })
      .returning({ id: contributions.id });
    if (!created) {
      // The same form was already sent (a double click): give back what it recorded, if it was this moderator.
      const [existing] = await tx
        .select({ id: contributions.id, by: contributions.submittedById, via: contributions.receivedVia })
        .from(contributions)
        .where(eq(contributions.clientRequestId, data.clientRequestId));
      if (existing && existing.by === actor.id && existing.via !== null)
        return ok({ id: existing.id }, "Cette contribution était déjà saisie.");
      return fail("CONFLICT", "Ce formulaire a déjà été envoyé. Rechargez la page pour saisir une autre contribution.");
    }
    if (read.data)
      await tx.insert(contributionScans).values({
        contributionId: created.id,
        mediaType: read.data.mediaType,
        byteSize: read.data.bytes.byteLength,
        content: read.data.bytes,
      });
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "contribution.record_paper",
      targetType: "contribution",
      targetId: created.id,
      councilId: council.id,
      // No text nor name here: the journal outlives the contribution and is no place for personal data.
      details: {
        kind: data.kind,
        actionSlug: data.actionSlug,
        receivedVia: data.receivedVia,
        receivedOn: data.receivedOn,
        scan: read.data !== null,
      },
    });
    await notifyModerators(tx, council.id, {
      kind: "moderation_waiting",
      message: `Une contribution du ${council.name}, reçue hors du site et saisie par la Ville, attend une décision de modération.`,
      link: "/moderation",
      contributionId: created.id,
      councilId: council.id,
    });
    return ok({ id: created.id }, "Contribution saisie : elle attend la modération, comme celles écrites sur le site.");
  });
  if (result.ok) requestDigests(db);
  return result;
}

/** The councils a moderator may record a contribution for: active ones they are not a member of. */
export async function listRecordableCouncils(db: Db, actor: MaybeActor): Promise<ActionResult<{ id: number; name: string }[]>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "moderation.view")) return forbidden();
  const own = [...actor.councils.keys()];
  const rows = await db
    .select({ id: councils.id, name: councils.name })
    .from(councils)
    .where(and(isNull(councils.archivedAt), own.length > 0 ? notInArray(councils.id, own) : undefined))
    .orderBy(asc(councils.name));
  return ok(rows);
}
