import "server-only";
import { notFound } from "next/navigation";
import { deckView, slideIndexFrom } from "@/components/meetings/deck-view";
import { FreezeControls } from "@/components/meetings/freeze-controls";
import { can } from "@/lib/permissions";
import { requireActor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { getPresentation } from "@/server/meetings/queries";
import { freezeAction } from "../actions";

/**
 * What both presentation windows show: the signed-in presenter's deck (frozen or live), where to
 * start (?diapo=N), where to go back to, and the freeze controls drawn with `buttonClass`.
 * Anyone without meeting.present gets a 404.
 */
export async function loadPresentation(slug: string, diapo: string | string[] | undefined, returnTo: string, buttonClass: string) {
  const actor = await requireActor(returnTo);
  const result = await getPresentation(await getDb(), actor, slug);
  if (!result.ok) notFound();
  const presentation = result.data;
  const { deck, frozenAt } = presentation;
  return {
    ...deckView(deck, frozenAt, presentation.notes),
    title: deck.meeting.title,
    initial: slideIndexFrom(diapo),
    channelName: `presentation:${slug}`,
    exitHref: can(actor, "meeting.manage") ? `/espace/reunions/${slug}` : `/reunions/${slug}`,
    controls: (
      <FreezeControls
        meetingId={presentation.meetingId}
        frozen={frozenAt !== null}
        canFreeze={presentation.canFreeze}
        canUnfreeze={presentation.canUnfreeze}
        action={freezeAction}
        buttonClass={buttonClass}
        returnTo={returnTo}
      />
    ),
  };
}
