import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";

/** The person's title (« adjointe au maire chargée des solidarités »), for the answer's signature; null if none. */
export async function getUserTitle(db: Db, userId: number): Promise<string | null> {
  const [row] = await db.select({ title: users.title }).from(users).where(eq(users.id, userId));
  return row?.title?.trim() || null;
}
