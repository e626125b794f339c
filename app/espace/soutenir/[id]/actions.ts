"use server";

import { supportSchema } from "@/lib/validation/contribution";
import { refreshPublicPagesOf } from "@/server/cache";
import { formAction } from "@/server/form-action";
import { supportProposal } from "@/server/supports/support-proposal";

/*
 * A member gives their council's support. The page says what happened with a fixed code in the
 * address (never a text from the URL): the council's row changes from a button to « soutient déjà »,
 * so the answer cannot stay next to the button.
 */
export const supportProposalAction = formAction({
  schema: supportSchema,
  run: (input, { db, actor }) => supportProposal(db, actor, input),
  done: async (data, _input, { db }) => {
    // The supporting councils are public: the proposal's fiche and council pages show them at once.
    if (data.added) await refreshPublicPagesOf(db, { contributionIds: [data.contributionId] });
    return `/espace/soutenir/${data.contributionId}?${data.added ? "soutenu" : "deja"}=${data.councilId}`;
  },
});
