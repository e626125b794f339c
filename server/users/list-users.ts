import "server-only";
import { asc, count, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councilMemberships, councils, users } from "@/db/schema";
import { forbidden, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type CouncilRole, type MaybeActor } from "@/lib/permissions";
import { USERS_PAGE_SIZE, userSearchSchema, type UserSearchInput } from "@/lib/validation/admin";
import { likeEscape } from "./shared";

export interface UserListRow {
  id: number;
  displayName: string;
  email: string;
  title: string | null;
  roles: { moderator: boolean; official: boolean; admin: boolean };
  deactivated: boolean;
  councils: { name: string; role: CouncilRole; archived: boolean }[];
}

export interface UserListPage {
  rows: UserListRow[];
  search: string;
  page: number;
  pageCount: number;
  total: number;
}

// Accents folded on both sides, so « elise » finds « Élise » (no extension needed, works on PGlite).
const ACCENTED = "àáâäãåçèéêëìíîïñòóôöõùúûüýÿœæ";
const PLAIN = "aaaaaaceeeeiiiinooooouuuuyyoa";
const fold = (expr: SQL) => sql`translate(lower(${expr}), ${ACCENTED}, ${PLAIN})`;
const foldText = (text: string) => {
  let out = text.toLowerCase();
  for (let i = 0; i < ACCENTED.length; i++) out = out.replaceAll(ACCENTED[i]!, PLAIN[i]!);
  return out;
};

/**
 * One page of people with an account, searched on name and email, for administrators only.
 * Returns narrow rows (never a password hash or session version). Three queries, whatever the page.
 */
export async function listUsers(db: Db, actor: MaybeActor, input: UserSearchInput = {}): Promise<ActionResult<UserListPage>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "user.list")) return forbidden();
  const { search, page: askedPage } = userSearchSchema.parse(input);

  const pattern = `%${likeEscape(foldText(search))}%`;
  const where = search
    ? or(sql`${fold(sql`${users.displayName}`)} like ${pattern}`, sql`lower(${users.email}) like ${pattern}`)
    : undefined;

  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(users).where(where);
  const pageCount = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(askedPage, pageCount);

  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      title: users.title,
      isModerator: users.isModerator,
      isOfficial: users.isOfficial,
      isAdmin: users.isAdmin,
      deactivated: sql<boolean>`${users.deactivatedAt} is not null`,
    })
    .from(users)
    .where(where)
    .orderBy(asc(fold(sql`${users.displayName}`)), asc(users.id))
    .limit(USERS_PAGE_SIZE)
    .offset((page - 1) * USERS_PAGE_SIZE);

  const ids = rows.map((r) => r.id);
  const memberships =
    ids.length === 0
      ? []
      : await db
          .select({
            userId: councilMemberships.userId,
            name: councils.name,
            role: councilMemberships.role,
            archived: sql<boolean>`${councils.archivedAt} is not null`,
          })
          .from(councilMemberships)
          .innerJoin(councils, eq(councils.id, councilMemberships.councilId))
          .where(inArray(councilMemberships.userId, ids))
          .orderBy(asc(councils.name));

  return ok({
    search,
    page,
    pageCount,
    total,
    rows: rows.map((r) => ({
      id: r.id,
      displayName: r.displayName,
      email: r.email,
      title: r.title,
      roles: { moderator: r.isModerator, official: r.isOfficial, admin: r.isAdmin },
      deactivated: r.deactivated,
      councils: memberships
        .filter((m) => m.userId === r.id)
        .map((m) => ({ name: m.name, role: m.role as CouncilRole, archived: m.archived })),
    })),
  });
}
