import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councils } from "@/db/schema";
import { fail, forbidden, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { CreateCouncilData } from "@/lib/validation/admin";
import { writeAudit } from "../audit";
import { councilsPlanId, freeSlug, numberTaken, uniqueViolation } from "./shared";

export interface CouncilCreated {
  id: number;
  slug: string;
  name: string;
}

/**
 * Creates a conseil de quartier, for administrators only, with its journal row in the same
 * transaction. Its slug comes from its name and is unique (« -2 », « -3 »… if taken). The caller
 * refreshes the public pages afterwards (server/cache.ts).
 */
export async function createCouncil(db: Db, actor: MaybeActor, data: CreateCouncilData): Promise<ActionResult<CouncilCreated>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "council.create")) return forbidden();

  // Two admins creating councils with the same name at once: the loser of the slug race tries again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx): Promise<ActionResult<CouncilCreated>> => {
        const plan = await councilsPlanId(tx);
        if (plan === null) return fail("CONFLICT", "Le projet social communal n'est pas encore en place sur ce site.");
        if (data.number !== null) {
          const [other] = await tx
            .select({ name: councils.name })
            .from(councils)
            .where(and(eq(councils.planId, plan), eq(councils.number, data.number)));
          if (other) return numberTaken(data.number, other.name);
        }
        const slug = await freeSlug(tx, data.name);
        const [council] = await tx
          .insert(councils)
          .values({ planId: plan, slug, name: data.name, number: data.number, area: data.area, description: data.description })
          .returning({ id: councils.id, slug: councils.slug, name: councils.name });
        await writeAudit(tx, {
          actorUserId: actor.id,
          action: "council.create",
          targetType: "council",
          targetId: council!.id,
          councilId: council!.id,
          reason: data.reason,
          details: { name: data.name, slug, number: data.number, area: data.area, description: data.description },
        });
        return ok(council!, `Le conseil « ${data.name} » est créé.`);
      });
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === null) throw error;
      if (constraint.includes("number")) return numberTaken(data.number ?? 0, "un autre conseil");
      if (attempt >= 3) throw error;
    }
  }
}
