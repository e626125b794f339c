import "server-only";
import { notFound } from "next/navigation";
import { can } from "@/lib/permissions";
import { requireActor, type SignedInActor } from "@/server/auth/actor";

/** Staff pages of meetings: signed in, and allowed to manage meetings (404 for anyone else). */
export async function requireMeetingManager(returnTo: string): Promise<SignedInActor> {
  const actor = await requireActor(returnTo);
  if (!can(actor, "meeting.manage")) notFound();
  return actor;
}

/** The list of meetings: for those who manage them and for those who present them (staff). */
export async function requireMeetingStaff(returnTo: string): Promise<SignedInActor> {
  const actor = await requireActor(returnTo);
  if (!can(actor, "meeting.manage") && !can(actor, "meeting.present")) notFound();
  return actor;
}
