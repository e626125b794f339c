import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A one-time link token: 256 random bits. Only its hash is stored, so a database leak opens nothing. */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
