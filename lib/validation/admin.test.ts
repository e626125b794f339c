import { describe, expect, it } from "vitest";
import {
  changeRolesSchema,
  councilArchiveFormSchema,
  createCouncilSchema,
  inviteStaffSchema,
  userSearchSchema,
  userStatusFormSchema,
  userStatusSchema,
} from "./admin";

describe("administration schemas (shared by the forms and the server)", () => {
  it("a council number may be typed as text, given as a number, or left empty", () => {
    const parse = (number: unknown) => createCouncilSchema.safeParse({ name: "Conseil Sud", number });
    expect(parse("7").data?.number).toBe(7);
    expect(parse(" 12 ").data?.number).toBe(12);
    expect(parse(3).data?.number).toBe(3);
    expect(parse("").data?.number).toBeNull();
    expect(parse(undefined).data?.number).toBeNull();
    for (const bad of ["sept", "1.5", "-2", "0", "1000", 2.5]) {
      expect(parse(bad).error?.issues[0]?.message, String(bad)).toBe("Le numéro est un nombre entier entre 1 et 999.");
    }
  });

  it("optional texts are trimmed, and empty means none", () => {
    const data = createCouncilSchema.parse({ name: "  Conseil Nord ", area: "  ", description: " Le nord ", reason: "" });
    expect(data).toEqual({ name: "Conseil Nord", number: null, area: null, description: "Le nord", reason: null });
  });

  it("a reason is required (3 characters at least) to change roles, deactivate or reactivate", () => {
    expect(userStatusSchema.safeParse({ userId: "4", reason: "  " }).error?.issues[0]?.message).toMatch(/Indiquez la raison/);
    expect(userStatusSchema.safeParse({ userId: "4", reason: "  no " }).error?.issues[0]?.message).toMatch(/au moins 3 caractères/);
    expect(userStatusSchema.parse({ userId: "4", reason: " Départ " })).toEqual({ userId: 4, reason: "Départ" });
    expect(changeRolesSchema.safeParse({ userId: "4", moderator: "on" }).success).toBe(false);
  });

  it("reads what a form sends: ticked boxes, ids PostgreSQL can hold", () => {
    expect(changeRolesSchema.parse({ userId: "4", moderator: "on", title: "", reason: "Renfort" })).toEqual({
      userId: 4,
      moderator: true,
      official: false,
      admin: false,
      title: null,
      reason: "Renfort",
    });
    expect(userStatusSchema.safeParse({ userId: "2147483648", reason: "Départ" }).error?.issues[0]?.path).toEqual(["userId"]);
    expect(userStatusFormSchema.safeParse({ userId: "4", change: "supprimer", reason: "Départ" }).error?.issues[0]?.path).toEqual([
      "change",
    ]);
    expect(councilArchiveFormSchema.parse({ councilId: "7", change: "archive", reason: "Fusion" })).toEqual({
      councilId: 7,
      change: "archive",
      reason: "Fusion",
    });
  });

  it("a staff invitation needs a valid address and at least one role; both messages show at once", () => {
    const result = inviteStaffSchema.safeParse({ email: "nope", moderator: false, official: false, admin: false });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["email", "roles"]);
    expect(inviteStaffSchema.parse({ email: " Agent@Exemple.FR ", official: "on" })).toMatchObject({
      email: "agent@exemple.fr",
      title: null,
    });
  });

  it("the search reads the URL's strings and never fails", () => {
    expect(userSearchSchema.parse({ search: "  élise ", page: "3" })).toEqual({ search: "élise", page: 3 });
    expect(userSearchSchema.parse({ page: "abc" })).toEqual({ search: "", page: 1 });
    expect(userSearchSchema.parse({})).toEqual({ search: "", page: 1 });
    expect(userSearchSchema.parse({ search: "x".repeat(300) }).search).toHaveLength(100);
    expect(userSearchSchema.parse({ search: ["a", "b"] }).search).toBe("");
  });
});
