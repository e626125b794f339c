import "server-only";
import { cache } from "react";
import { getDb, type Db } from "@/db/client";
import { loadMilestones } from "./load-milestones";
import { loadPlan } from "./load-plan";
import type { Milestone, PlanInfo } from "./types";

/* The démarche page (loadDemarchePage), with its request-scoped cached version for the page. */

/** The démarche page. Two queries. */
export async function loadDemarchePage(db?: Db): Promise<{ plan: PlanInfo; milestones: Milestone[] } | null> {
  const database = db ?? (await getDb());
  const loaded = await loadPlan(database);
  if (!loaded) return null;
  return { plan: loaded.plan, milestones: await loadMilestones(database, loaded.id) };
}

export const getDemarchePage = cache(() => loadDemarchePage());
