import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { meetings } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { MeetingRefData } from "@/lib/validation/meeting";
import { writeAudit } from "../audit";

/**
 * Deletes a meeting announced by mistake or cancelled, while it has not taken place: its agenda
 * and frozen slides go with it (ON DELETE CASCADE), in the same transaction as the journal row,
 * which keeps its title and date. A meeting that took place stays: it is the public record (its
 * slides, its minutes). The caller refreshes the public pages afterwards.
 */
export async function deleteMeeting(
  db: Db,
  actor: MaybeActor,
  data: MeetingRefData,
  now: Date = new Date(),
): Promise<ActionResult<{ title: string }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "meeting.manage")) return forbidden();
  return db.transaction(async (tx): Promise<ActionResult<{ title: string }>> => {
    const [meeting] = await tx
      .select({ id: meetings.id, slug: meetings.slug, title: meetings.title, startsAt: meetings.startsAt, place: meetings.place })
      .from(meetings)
      .where(eq(meetings.id, data.meetingId))
      .for("update");
    if (!meeting) return notFound("Réunion");
    if (meeting.startsAt <= now)
      return fail("CONFLICT", "Cette réunion a déjà eu lieu : elle reste publiée, avec ses diapositives et son compte rendu.");
    await tx.delete(meetings).where(eq(meetings.id, meeting.id));
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "meeting.delete",
      targetType: "meeting",
      targetId: meeting.id,
      details: { title: meeting.title, slug: meeting.slug, startsAt: meeting.startsAt.toISOString(), place: meeting.place },
    });
    return ok({ title: meeting.title }, `La réunion « ${meeting.title} » est supprimée : elle n'est plus annoncée sur le site.`);
  });
}
