import "server-only";
import { notFound } from "next/navigation";
import { can } from "@/lib/permissions";
import { requireActor, type SignedInActor } from "@/server/auth/actor";

/**
 * Every administration page starts here: a signed-out visitor goes to the sign-in page (and comes
 * back), anyone else who is not an administrator gets the ordinary 404 — the page does not reveal
 * that it exists. The server functions check again: this only decides what the page shows.
 */
export async function requireAdminPage(returnTo: string): Promise<SignedInActor> {
  const actor = await requireActor(returnTo);
  if (!can(actor, "admin.view")) notFound();
  return actor;
}
