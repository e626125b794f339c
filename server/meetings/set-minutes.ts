import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { meetings } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { MeetingMinutesData } from "@/lib/validation/meeting";
import { writeAudit } from "../audit";

/**
 * Adds or corrects the compte rendu of a meeting that has taken place; the journal keeps the
 * earlier text. The caller refreshes the public pages afterwards.
 */
export async function setMeetingMinutes(
  db: Db,
  actor: MaybeActor,
  data: MeetingMinutesData,
  now: Date = new Date(),
): Promise<ActionResult<{ slug: string; changed: boolean }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "meeting.manage")) return forbidden();

  return db.transaction(async (tx): Promise<ActionResult<{ slug: string; changed: boolean }>> => {
    const [meeting] = await tx
      .select({ id: meetings.id, slug: meetings.slug, startsAt: meetings.startsAt, minutes: meetings.minutes })
      .from(meetings)
      .where(eq(meetings.id, data.meetingId))
      .for("update");
    if (!meeting) return notFound("Réunion");
    if (meeting.startsAt > now) {
      return fail("CONFLICT", "Le compte rendu s'ajoute après la réunion.", {
        minutes: ["La réunion n'a pas encore eu lieu : le compte rendu s'ajoute après."],
      });
    }
    if (meeting.minutes === data.minutes) return ok({ slug: meeting.slug, changed: false }, "Rien n'a changé.");
    await tx
      .update(meetings)
      .set({ minutes: data.minutes, updatedAt: sql`now()` })
      .where(eq(meetings.id, meeting.id));
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "meeting.minutes",
      targetType: "meeting",
      targetId: meeting.id,
      details: { before: meeting.minutes, after: data.minutes },
    });
    return ok(
      { slug: meeting.slug, changed: true },
      meeting.minutes === null ? "Le compte rendu est publié." : "Le compte rendu est corrigé.",
    );
  });
}
