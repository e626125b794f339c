import "server-only";
import { asc, isNull, sql } from "drizzle-orm";
import { cache } from "react";
import { getDb, type Db } from "@/db/client";
import { councils } from "@/db/schema";

/* The public list of councils (loadCouncils), with its request-scoped cached version for the page. */

export interface CouncilSummary {
  slug: string;
  number: number | null;
  name: string;
  area: string | null;
  description: string | null;
  isDemo: boolean;
}

/** Councils that are not archived, public fields only. One query. */
export async function loadCouncils(db?: Db): Promise<CouncilSummary[]> {
  const database = db ?? (await getDb());
  return database
    .select({
      slug: councils.slug,
      number: councils.number,
      name: councils.name,
      area: councils.area,
      description: councils.description,
      isDemo: councils.isDemo,
    })
    .from(councils)
    .where(isNull(councils.archivedAt))
    .orderBy(sql`${councils.number} asc nulls last`, asc(councils.name));
}

export const getCouncils = cache(() => loadCouncils());
