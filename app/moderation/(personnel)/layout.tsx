import type { ReactNode } from "react";
import { SignedInLayout } from "@/components/site/signed-in-layout";

/*
 * The staff's moderation pages (a route group: the addresses stay /moderation, /moderation/publiees…).
 * This layout reads the session, so every page below is rendered per request, and each page checks
 * who may see it. The public register, /moderation/registre, sits outside the group: it reads no
 * cookie and is served from cache (docs/decisions/0016-public-moderation-register.md).
 */
export default function Layout({ children }: { children: ReactNode }) {
  return <SignedInLayout>{children}</SignedInLayout>;
}
