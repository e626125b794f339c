import "server-only";
import type { Db } from "@/db/client";
import { meetingAgendaItems, meetings } from "@/db/schema";
import { fail, forbidden, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import { cityInstant, type MeetingData } from "@/lib/validation/meeting";
import { writeAudit } from "../audit";
import { uniqueViolation } from "../councils-admin/shared";
import { agendaForAudit, currentPlanId, freeMeetingSlug, resolveAgenda } from "./shared";

export interface MeetingSaved {
  id: number;
  slug: string;
}

/**
 * Creates a public meeting with its agenda, for officials and admins, in one transaction with its
 * journal row: nothing is half-written. The caller refreshes the public pages afterwards.
 */
export async function createMeeting(db: Db, actor: MaybeActor, data: MeetingData): Promise<ActionResult<MeetingSaved>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "meeting.manage")) return forbidden();
  const startsAt = cityInstant(data.date, data.time);

  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx): Promise<ActionResult<MeetingSaved>> => {
        const plan = await currentPlanId(tx);
        if (plan === null) return fail("CONFLICT", "Le projet social communal n'est pas encore en place sur ce site.");
        const agenda = await resolveAgenda(tx, plan, data.agenda);
        if (!agenda.ok) return agenda;
        const slug = await freeMeetingSlug(tx, data.title, data.date);
        const [meeting] = await tx
          .insert(meetings)
          .values({ planId: plan, slug, title: data.title, startsAt, place: data.place, createdById: actor.id })
          .returning({ id: meetings.id, slug: meetings.slug });
        if (agenda.data.length > 0)
          await tx.insert(meetingAgendaItems).values(agenda.data.map((row) => ({ ...row, meetingId: meeting!.id })));
        await writeAudit(tx, {
          actorUserId: actor.id,
          action: "meeting.create",
          targetType: "meeting",
          targetId: meeting!.id,
          details: { slug, title: data.title, startsAt: startsAt.toISOString(), place: data.place, agenda: agendaForAudit(agenda.data) },
        });
        return ok(meeting!, `La réunion « ${data.title} » est créée.`);
      });
    } catch (error) {
      // Two meetings with the same title and day created at once: the loser takes the next slug.
      if (uniqueViolation(error) === null || attempt >= 3) throw error;
    }
  }
}
