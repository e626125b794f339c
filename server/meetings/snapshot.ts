import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { meetingSnapshots, meetings } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { cityDay } from "@/lib/dates";
import { can, type MaybeActor } from "@/lib/permissions";
import type { MeetingRefData } from "@/lib/validation/meeting";
import { writeAudit } from "../audit";
import { buildDeck } from "./slides";

/*
 * « État au … »: the presenter freezes the slides' data before the meeting, so they do not move
 * while presenting; after the meeting the public version shows that snapshot. Freezing again
 * replaces it (the journal says so); going back to live data is possible until the meeting starts.
 */

/** Freezes the deck as it is now. Possible until the end of the meeting's day (City time). */
export async function freezeMeeting(
  db: Db,
  actor: MaybeActor,
  { meetingId }: MeetingRefData,
  now: Date = new Date(),
): Promise<ActionResult<{ slug: string; takenAt: Date }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "meeting.present")) return forbidden();

  return db.transaction(async (tx): Promise<ActionResult<{ slug: string; takenAt: Date }>> => {
    const [meeting] = await tx
      .select({ id: meetings.id, slug: meetings.slug, startsAt: meetings.startsAt })
      .from(meetings)
      .where(eq(meetings.id, meetingId))
      .for("update");
    if (!meeting) return notFound("Réunion");
    if (cityDay(now) > cityDay(meeting.startsAt))
      return fail("CONFLICT", "La réunion a eu lieu : ses données ne peuvent plus être figées à nouveau.");
    const deck = await buildDeck(tx, meeting.id, now);
    if (!deck) return notFound("Réunion");
    const [previous] = await tx
      .select({ takenAt: meetingSnapshots.takenAt })
      .from(meetingSnapshots)
      .where(eq(meetingSnapshots.meetingId, meeting.id));
    const values = { takenAt: now, takenById: actor.id, data: { ...deck } };
    await tx
      .insert(meetingSnapshots)
      .values({ meetingId: meeting.id, ...values })
      .onConflictDoUpdate({ target: meetingSnapshots.meetingId, set: values });
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "meeting.freeze",
      targetType: "meeting",
      targetId: meeting.id,
      details: { takenAt: now.toISOString(), slides: deck.slides.length, replaces: previous ? previous.takenAt.toISOString() : null },
    });
    return ok(
      { slug: meeting.slug, takenAt: now },
      "Les données sont figées : les diapositives ne changeront plus pendant la présentation.",
    );
  });
}

/** Goes back to live data. Possible only before the meeting starts. */
export async function unfreezeMeeting(
  db: Db,
  actor: MaybeActor,
  { meetingId }: MeetingRefData,
  now: Date = new Date(),
): Promise<ActionResult<{ slug: string }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "meeting.present")) return forbidden();

  return db.transaction(async (tx): Promise<ActionResult<{ slug: string }>> => {
    const [meeting] = await tx
      .select({ id: meetings.id, slug: meetings.slug, startsAt: meetings.startsAt })
      .from(meetings)
      .where(eq(meetings.id, meetingId))
      .for("update");
    if (!meeting) return notFound("Réunion");
    if (meeting.startsAt <= now)
      return fail("CONFLICT", "La réunion a commencé : les données figées sont gardées, c'est ce que montrera la version publique.");
    const removed = await tx
      .delete(meetingSnapshots)
      .where(eq(meetingSnapshots.meetingId, meeting.id))
      .returning({ takenAt: meetingSnapshots.takenAt });
    if (removed.length === 0) return ok({ slug: meeting.slug }, "Les diapositives utilisent déjà les données en direct.");
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "meeting.unfreeze",
      targetType: "meeting",
      targetId: meeting.id,
      details: { takenAt: removed[0]!.takenAt.toISOString() },
    });
    return ok({ slug: meeting.slug }, "Les diapositives utilisent de nouveau les données en direct.");
  });
}

/**
 * Called in the transaction that unpublishes a contribution (hidden by a moderator or by reports):
 * one journal row per frozen deck that shows it. Serving a frozen deck leaves it out from then on
 * (server/meetings/queries.ts, docs/decisions/0011); the snapshot itself is not rewritten.
 */
export async function journalFrozenDecksShowing(tx: Db, contributionId: number, actorUserId: number | null): Promise<void> {
  const showing = await tx
    .select({ meetingId: meetingSnapshots.meetingId })
    .from(meetingSnapshots)
    .where(
      sql`jsonb_path_exists(${meetingSnapshots.data}, '$.** ? (@.contributionId == $id)', jsonb_build_object('id', ${contributionId}::int))`,
    );
  for (const { meetingId } of showing) {
    await writeAudit(tx, {
      actorUserId,
      action: "meeting.snapshot.withdraw",
      targetType: "meeting",
      targetId: meetingId,
      details: { contributionId },
    });
  }
}
