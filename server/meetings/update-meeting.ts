import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { meetingAgendaItems, meetings } from "@/db/schema";
import { forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import { cityInstant, type UpdateMeetingData } from "@/lib/validation/meeting";
import { writeAudit } from "../audit";
import { agendaForAudit, resolveAgenda, type AgendaRow } from "./shared";
import type { MeetingSaved } from "./create-meeting";

const sameAgenda = (a: readonly AgendaRow[], b: readonly AgendaRow[]) =>
  a.length === b.length &&
  a.every(
    (r, i) =>
      r.label === b[i]!.label &&
      (r.themeId ?? null) === (b[i]!.themeId ?? null) &&
      (r.actionId ?? null) === (b[i]!.actionId ?? null) &&
      (r.notes ?? null) === (b[i]!.notes ?? null),
  );

/**
 * Changes a meeting's title, date and time, place and agenda. The agenda is replaced as a whole in
 * the same transaction as the meeting row and the journal row: nothing half-written. The slug
 * never changes, so links stay valid. The caller refreshes the public pages afterwards.
 */
export async function updateMeeting(
  db: Db,
  actor: MaybeActor,
  data: UpdateMeetingData,
): Promise<ActionResult<MeetingSaved & { changed: boolean }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "meeting.manage")) return forbidden();
  const startsAt = cityInstant(data.date, data.time);

  return db.transaction(async (tx): Promise<ActionResult<MeetingSaved & { changed: boolean }>> => {
    const [meeting] = await tx
      .select({
        id: meetings.id,
        planId: meetings.planId,
        slug: meetings.slug,
        title: meetings.title,
        startsAt: meetings.startsAt,
        place: meetings.place,
      })
      .from(meetings)
      .where(eq(meetings.id, data.meetingId))
      .for("update");
    if (!meeting) return notFound("Réunion");
    const agenda = await resolveAgenda(tx, meeting.planId, data.agenda);
    if (!agenda.ok) return agenda;
    const before = await tx
      .select({
        position: meetingAgendaItems.position,
        label: meetingAgendaItems.label,
        themeId: meetingAgendaItems.themeId,
        actionId: meetingAgendaItems.actionId,
        notes: meetingAgendaItems.notes,
      })
      .from(meetingAgendaItems)
      .where(eq(meetingAgendaItems.meetingId, meeting.id))
      .orderBy(meetingAgendaItems.position);
    const fields = { title: data.title, startsAt: startsAt.toISOString(), place: data.place };
    const previous = { title: meeting.title, startsAt: meeting.startsAt.toISOString(), place: meeting.place };
    const changedFields = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => fields[k] !== previous[k]);
    const agendaChanged = !sameAgenda(before, agenda.data);
    if (changedFields.length === 0 && !agendaChanged) return ok({ id: meeting.id, slug: meeting.slug, changed: false }, "Rien n'a changé.");

    await tx
      .update(meetings)
      .set({ title: data.title, startsAt, place: data.place, updatedAt: sql`now()` })
      .where(eq(meetings.id, meeting.id));
    if (agendaChanged) {
      await tx.delete(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, meeting.id));
      if (agenda.data.length > 0) await tx.insert(meetingAgendaItems).values(agenda.data.map((row) => ({ ...row, meetingId: meeting.id })));
    }
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "meeting.update",
      targetType: "meeting",
      targetId: meeting.id,
      details: {
        before: Object.fromEntries(changedFields.map((k) => [k, previous[k]])),
        after: Object.fromEntries(changedFields.map((k) => [k, fields[k]])),
        ...(agendaChanged ? { agendaBefore: agendaForAudit(before), agendaAfter: agendaForAudit(agenda.data) } : {}),
      },
    });
    return ok({ id: meeting.id, slug: meeting.slug, changed: true }, `La réunion « ${data.title} » est enregistrée.`);
  });
}
