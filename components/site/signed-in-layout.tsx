import type { ReactNode } from "react";
import { getActor } from "@/server/auth/actor";
import { loadAttention } from "@/server/account/attention";
import { getDb } from "@/server/db";
import { AccountBar } from "./account-bar";

/**
 * The layout of the signed-in areas (/espace, /moderation, /reponses, /admin): the account bar on
 * top when someone is signed in. Pages still check access themselves (a layout is not a guard).
 */
export async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  const attention = actor ? await loadAttention(await getDb(), actor) : null;
  return (
    <>
      {actor && attention ? <AccountBar displayName={actor.displayName} attention={attention} isAdmin={actor.isAdmin} /> : null}
      {children}
    </>
  );
}
