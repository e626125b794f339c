import "server-only";
import { sql } from "drizzle-orm";
import { contributions, councils, users } from "@/db/schema";

/** How a contribution whose author erased their account is signed: the council's, never the old name. */
export const FORMER_MEMBER_PREFIX = "Ancien membre du conseil ";
export const formerMemberOf = (councilName: string) => `${FORMER_MEMBER_PREFIX}${councilName}`;

/**
 * The author of a contribution as every page shows it: for one received on paper, by mail or in a
 * meeting (no account), the author's name as written, or null (the council alone signs); for a query on `contributions` left-joined
 * to `users` as its author: the display name, or « Ancien membre du conseil … » once the account
 * is erased (its row then holds no name, only « Personne supprimée n°… », which says nothing of
 * the council). The council is read by a subquery so that queries without a join to councils can
 * use it too.
 */
export const contributionAuthorName = sql<
  string | null
>`case when ${contributions.receivedVia} is not null then ${contributions.writtenAuthorName} when ${users.erasedAt} is not null then ${FORMER_MEMBER_PREFIX}::text || (select c.name from ${councils} c where c.id = ${contributions.councilId}) else ${users.displayName} end`;
