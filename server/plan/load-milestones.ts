import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { planMilestones } from "@/db/schema";
import type { Milestone } from "./types";

/* The plan's milestones, for the home page and the démarche page. One query. */

export async function loadMilestones(db: Db, planId: number): Promise<Milestone[]> {
  return db
    .select({
      key: planMilestones.key,
      title: planMilestones.title,
      description: planMilestones.description,
      startsOn: planMilestones.startsOn,
      endsOn: planMilestones.endsOn,
      precision: planMilestones.precision,
    })
    .from(planMilestones)
    .where(eq(planMilestones.planId, planId))
    .orderBy(asc(planMilestones.position));
}
