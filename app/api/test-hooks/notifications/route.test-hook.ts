import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { notificationKinds } from "@/lib/validation/settings";
import { getDb } from "@/server/db";
import { testHookAuthorized } from "../authorized";
import { requestDigests } from "@/server/notifications/digest";
import { notifyUsers } from "@/server/notifications/notify";

/*
 * Test seam for the browser tests of notifications: writes one notification for a person with
 * the real writer (server/notifications/notify.ts), then asks for the digest as every writer does
 * after its commit. It is built only into a test build (see ../authorized.ts) and answers 404 to any request
 * without the token.
 */
const bodySchema = z.object({
  email: z.string().trim().toLowerCase(),
  kind: z.enum(notificationKinds),
  message: z.string().min(1).max(1000),
  link: z.string().startsWith("/"),
});

export async function POST(request: Request) {
  if (!testHookAuthorized(request)) return new Response("Not found", { status: 404 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ ok: false, message: "Demande invalide." }, { status: 400 });
  const { email, ...draft } = parsed.data;
  const db = await getDb();
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) return Response.json({ ok: false, message: "Compte introuvable." }, { status: 404 });
  const notified = await db.transaction((tx) => notifyUsers(tx, [user.id], draft));
  requestDigests(db);
  return Response.json({ ok: true, notified }, { status: 201 });
}
