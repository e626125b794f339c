import "server-only";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { platformSettings } from "@/db/schema";
import { fail, forbidden, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { logoUrlOf } from "@/lib/city-identity";
import { sniffLogo } from "@/lib/logo-file";
import { can, type MaybeActor } from "@/lib/permissions";
import { writeAudit } from "@/server/audit";

export interface LogoChange {
  changed: boolean;
  /** The logo's new address, or null once removed. */
  logoUrl: string | null;
}

/** The first 20 hex digits of the bytes' SHA-256: the logo's address changes whenever its bytes do. */
const hashOf = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex").slice(0, 20);

/**
 * Sets the City's logo from the bytes of an uploaded file — administrators only. Only a PNG or a
 * script-free SVG, known by its bytes (lib/logo-file.ts), is kept; the journal row (same
 * transaction) records the hashes before and after, never the bytes.
 */
export async function replaceCityLogo(db: Db, actor: MaybeActor, bytes: Uint8Array): Promise<ActionResult<LogoChange>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "settings.identity.update")) return forbidden();
  const sniffed = sniffLogo(bytes);
  if (!sniffed.ok) return fail("VALIDATION_FAILED", sniffed.message, { logo: [sniffed.message] });
  const hash = hashOf(bytes);
  const logoUrl = logoUrlOf(hash, sniffed.extension);
  return db.transaction(async (tx) => {
    await tx.insert(platformSettings).values({ id: true }).onConflictDoNothing();
    const [current] = await tx.select({ hash: platformSettings.logoHash }).from(platformSettings).for("update");
    if (current?.hash === hash) return ok({ changed: false, logoUrl }, "Ce logo est déjà celui du site.");
    await tx
      .update(platformSettings)
      .set({ logoBase64: Buffer.from(bytes).toString("base64"), logoType: sniffed.type, logoHash: hash, updatedAt: sql`now()` })
      .where(eq(platformSettings.id, true));
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "settings.logo.update",
      targetType: "platform_settings",
      details: { before: { logoHash: current?.hash ?? null }, after: { logoHash: hash, type: sniffed.type, bytes: bytes.length } },
    });
    return ok({ changed: true, logoUrl }, "Le logo est enregistré.");
  });
}

/** Removes the City's logo — administrators only, journaled; no logo, nothing written. */
export async function removeCityLogo(db: Db, actor: MaybeActor): Promise<ActionResult<LogoChange>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "settings.identity.update")) return forbidden();
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ hash: platformSettings.logoHash }).from(platformSettings).for("update");
    if (!current?.hash) return ok({ changed: false, logoUrl: null }, "Le site n'a pas de logo.");
    await tx
      .update(platformSettings)
      .set({ logoBase64: null, logoType: null, logoHash: null, updatedAt: sql`now()` })
      .where(eq(platformSettings.id, true));
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "settings.logo.remove",
      targetType: "platform_settings",
      details: { before: { logoHash: current.hash }, after: { logoHash: null } },
    });
    return ok({ changed: true, logoUrl: null }, "Le logo est retiré.");
  });
}
