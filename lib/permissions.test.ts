import { describe, expect, it } from "vitest";
import { can, permissions, type Actor, type Permission } from "./permissions";

/*
 * The full matrix: every role × every permission, in council A's context, about another person
 * (and, where it matters, about oneself). Each cell is written out: a change in the policy must
 * change this table on purpose.
 */
const A = 1;
const B = 2;
const actor = (id: number, roles: Partial<Actor> = {}, councils: [number, "member" | "referent"][] = []): Actor => ({
  id,
  isModerator: false,
  isOfficial: false,
  isAdmin: false,
  councils: new Map(councils),
  ...roles,
});

const roles = {
  anonymous: null,
  memberOfA: actor(1, {}, [[A, "member"]]),
  referentOfA: actor(2, {}, [[A, "referent"]]),
  memberOfB: actor(3, {}, [[B, "member"]]),
  moderator: actor(4, { isModerator: true }),
  official: actor(5, { isOfficial: true }),
  admin: actor(6, { isAdmin: true }),
  // The server turns a deactivated account into null before asking the policy.
  deactivated: null,
  // Staff who are also council members: their own council is out of their staff powers.
  moderatorOfA: actor(7, { isModerator: true }, [[A, "member"]]),
  officialOfA: actor(8, { isOfficial: true }, [[A, "member"]]),
} as const;
type Role = keyof typeof roles;

const Y = true;
const N = false;
//                                   anon memA refA memB mod  off  admin deact modA offA
const matrix: Record<Permission, [boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean]> = {
  "space.view": [N, Y, Y, Y, Y, Y, Y, N, Y, Y],
  "session.revoke_all": [N, Y, Y, Y, Y, Y, Y, N, Y, Y],
  // About someone else: nobody. About oneself: see « about oneself » below.
  "account.data.view": [N, N, N, N, N, N, N, N, N, N],
  "account.erase": [N, N, N, N, N, N, N, N, N, N],
  "council.members.view": [N, Y, Y, N, N, N, Y, N, Y, Y],
  "council.invitations.view": [N, N, Y, N, N, N, Y, N, N, N],
  "council.members.invite": [N, N, Y, N, N, N, Y, N, N, N],
  "council.invitations.revoke": [N, N, Y, N, N, N, Y, N, N, N],
  "council.members.remove": [N, N, Y, N, N, N, Y, N, N, N],
  "council.members.set_role": [N, N, Y, N, N, N, Y, N, N, N],
  "council.membership.set_visibility": [N, N, N, N, N, N, N, N, N, N],
  "admin.view": [N, N, N, N, N, N, Y, N, N, N],
  "council.create": [N, N, N, N, N, N, Y, N, N, N],
  "council.update": [N, N, N, N, N, N, Y, N, N, N],
  "council.archive": [N, N, N, N, N, N, Y, N, N, N],
  "user.list": [N, N, N, N, N, N, Y, N, N, N],
  "user.invite_staff": [N, N, N, N, N, N, Y, N, N, N],
  "user.roles.change": [N, N, N, N, N, N, Y, N, N, N],
  "user.deactivate": [N, N, N, N, N, N, Y, N, N, N],
  "user.reactivate": [N, N, N, N, N, N, Y, N, N, N],
  "user.erase": [N, N, N, N, N, N, Y, N, N, N],
  "contribution.draft": [N, Y, Y, N, N, N, N, N, Y, Y],
  "contribution.comment": [N, Y, Y, N, N, N, N, N, Y, Y],
  "contribution.submit": [N, Y, Y, N, N, N, N, N, Y, Y],
  "contribution.edit_pending": [N, Y, Y, N, N, N, N, N, Y, Y],
  "contribution.withdraw": [N, Y, Y, N, N, N, N, N, Y, Y],
  "moderation.view": [N, N, N, N, Y, N, N, N, Y, N],
  "contribution.moderate": [N, N, N, N, Y, N, N, N, N, N],
  "contribution.hide": [N, N, N, N, Y, N, N, N, N, N],
  "contribution.review_reports": [N, N, N, N, Y, N, N, N, N, N],
  "moderation.templates.manage": [N, N, N, N, Y, N, N, N, Y, N],
  "contribution.report": [N, Y, Y, Y, Y, Y, Y, N, Y, Y],
  "contribution.answer": [N, N, N, N, Y, Y, N, N, N, N],
  "contribution.support": [N, Y, Y, N, N, N, N, N, Y, Y],
  "contribution.record_paper": [N, N, N, N, Y, N, N, N, N, N],
  "contribution.scan.view": [N, N, N, N, Y, N, Y, N, Y, N],
  "council.settings.update": [N, N, Y, N, N, N, Y, N, N, N],
  "settings.update": [N, N, N, N, N, N, Y, N, N, N],
  "settings.privacy.update": [N, N, N, N, N, N, Y, N, N, N],
  "settings.identity.update": [N, N, N, N, N, N, Y, N, N, N],
  "settings.legal.update": [N, N, N, N, N, N, Y, N, N, N],
  "audit.view": [N, N, N, N, N, N, Y, N, N, N],
  "meeting.manage": [N, N, N, N, N, Y, Y, N, N, Y],
  "meeting.present": [N, N, N, N, Y, Y, Y, N, Y, Y],
  // The official of the matrix is in charge of the fiche (see below for one who is not).
  "progress.report": [N, N, N, N, Y, Y, Y, N, Y, Y],
  "action.deadline.change": [N, N, N, N, Y, Y, Y, N, Y, Y],
  "action.officials.assign": [N, N, N, N, N, N, Y, N, N, N],
  "plan.theme.create": [N, N, N, N, N, N, Y, N, N, N],
  "plan.theme.update": [N, N, N, N, N, N, Y, N, N, N],
  "plan.action.create": [N, N, N, N, N, N, Y, N, N, N],
  "plan.action.update": [N, N, N, N, N, N, Y, N, N, N],
  "plan.action.archive": [N, N, N, N, N, N, Y, N, N, N],
  "plan.theme.archive": [N, N, N, N, N, N, Y, N, N, N],
  "plan.export": [N, N, N, N, N, N, Y, N, N, N],
  "plan.import": [N, N, N, N, N, N, Y, N, N, N],
  "plan.open": [N, N, N, N, N, N, Y, N, N, N],
  "plan.publish": [N, N, N, N, N, N, Y, N, N, N],
  "plan.update": [N, N, N, N, N, N, Y, N, N, N],
  "dashboard.view": [N, N, N, N, Y, Y, Y, N, Y, Y],
};

/* The state of the contribution each permission is asked about in the matrix (its usual state). */
const statusFor: Partial<Record<Permission, "draft" | "pending" | "published">> = {
  "contribution.comment": "draft",
  "contribution.submit": "draft",
  "contribution.edit_pending": "pending",
  "contribution.withdraw": "pending",
  "contribution.moderate": "pending",
  "contribution.hide": "published",
  "contribution.review_reports": "published",
  "contribution.report": "published",
  "contribution.answer": "published",
  "contribution.support": "published",
};

const roleNames = Object.keys(roles) as Role[];
const someoneElse = 999;

describe("permission matrix (council A, about someone else)", () => {
  it("covers every permission", () => {
    expect(Object.keys(matrix).sort()).toEqual([...permissions].sort());
  });
  for (const permission of permissions) {
    roleNames.forEach((role, i) => {
      const expected = matrix[permission][i];
      it(`${role} ${expected ? "may" : "may not"} ${permission}`, () => {
        expect(
          can(roles[role], permission, {
            councilId: A,
            targetUserId: someoneElse,
            contributionStatus: statusFor[permission],
            // Answers and supports are about proposals; a support is given by A to B's proposal.
            contributionKind: "proposal",
            contributionCouncilId: B,
            inChargeOfAction: true,
          }),
        ).toBe(expected);
      });
    });
  }
});

describe("about oneself", () => {
  it("a member may leave their council and choose whether their name is public, not another council's", () => {
    const member = roles.memberOfA;
    expect(can(member, "council.members.remove", { councilId: A, targetUserId: member.id })).toBe(true);
    expect(can(member, "council.membership.set_visibility", { councilId: A, targetUserId: member.id })).toBe(true);
    expect(can(member, "council.members.remove", { councilId: B, targetUserId: member.id })).toBe(false);
    expect(can(member, "council.membership.set_visibility", { councilId: B, targetUserId: member.id })).toBe(false);
  });

  it("an admin may not change their own roles nor deactivate themselves", () => {
    const admin = roles.admin;
    expect(can(admin, "user.roles.change", { targetUserId: admin.id })).toBe(false);
    expect(can(admin, "user.deactivate", { targetUserId: admin.id })).toBe(false);
  });

  it("every signed-in person may see, download and erase their own data, and an admin erases themselves the same way", () => {
    for (const role of roleNames) {
      const who = roles[role];
      const self = who ? who.id : someoneElse;
      expect(can(who, "account.data.view", { targetUserId: self })).toBe(who !== null);
      expect(can(who, "account.erase", { targetUserId: self })).toBe(who !== null);
      // The admin's erasure on request is for someone else; one's own goes through « Mes données ».
      expect(can(who, "user.erase", { targetUserId: self })).toBe(false);
    }
  });

  it("a referent of A has no power in B", () => {
    for (const p of ["council.members.view", "council.members.invite", "council.members.remove", "council.members.set_role"] as const) {
      expect(can(roles.referentOfA, p, { councilId: B, targetUserId: someoneElse })).toBe(false);
    }
  });
});

describe("contributions", () => {
  it("only referents submit when the council says so", () => {
    const ctx = { councilId: A, submissionPolicy: "referents_only" as const, contributionStatus: "draft" as const };
    expect(can(roles.memberOfA, "contribution.submit", ctx)).toBe(false);
    expect(can(roles.referentOfA, "contribution.submit", ctx)).toBe(true);
    expect(can(roles.memberOfA, "contribution.submit", { ...ctx, submissionPolicy: "any_member" })).toBe(true);
  });

  it("a draft is commented and submitted only while it is a draft; pending items are edited or withdrawn only while pending", () => {
    for (const status of ["pending", "published", "rejected", "hidden"] as const) {
      expect(can(roles.memberOfA, "contribution.comment", { councilId: A, contributionStatus: status })).toBe(false);
      expect(can(roles.referentOfA, "contribution.submit", { councilId: A, contributionStatus: status })).toBe(false);
    }
    for (const status of ["draft", "published", "rejected", "hidden"] as const) {
      expect(can(roles.memberOfA, "contribution.edit_pending", { councilId: A, contributionStatus: status })).toBe(false);
      expect(can(roles.memberOfA, "contribution.withdraw", { councilId: A, contributionStatus: status })).toBe(false);
    }
  });

  it("a member of A cannot draft, comment or submit for B", () => {
    for (const p of ["contribution.draft", "contribution.comment", "contribution.submit", "contribution.edit_pending"] as const) {
      expect(can(roles.referentOfA, p, { councilId: B, contributionStatus: p === "contribution.edit_pending" ? "pending" : "draft" })).toBe(
        false,
      );
    }
  });

  it("nobody moderates an item of a council they belong to", () => {
    const moderatorInA = actor(7, { isModerator: true }, [[A, "member"]]);
    expect(can(moderatorInA, "moderation.view")).toBe(true);
    expect(can(moderatorInA, "contribution.moderate", { councilId: A })).toBe(false);
    expect(can(moderatorInA, "contribution.moderate", { councilId: B })).toBe(true);
    expect(can(roles.moderator, "contribution.moderate", {})).toBe(false);
  });

  it("answers: proposals only, published only, never about one's own council", () => {
    const ctx = { councilId: A, contributionKind: "proposal" as const, contributionStatus: "published" as const };
    expect(can(roles.official, "contribution.answer", ctx)).toBe(true);
    expect(can(roles.official, "contribution.answer", { ...ctx, contributionKind: "feedback" })).toBe(false);
    for (const status of ["draft", "pending", "rejected", "hidden"] as const) {
      expect(can(roles.moderator, "contribution.answer", { ...ctx, contributionStatus: status })).toBe(false);
    }
    const officialInA = actor(8, { isOfficial: true }, [[A, "member"]]);
    expect(can(officialInA, "contribution.answer", ctx)).toBe(false);
    expect(can(officialInA, "contribution.answer", { ...ctx, councilId: B })).toBe(true);
  });

  it("supports: another council's published proposal only", () => {
    const ctx = { councilId: A, contributionCouncilId: B, contributionKind: "proposal" as const, contributionStatus: "published" as const };
    expect(can(roles.memberOfA, "contribution.support", ctx)).toBe(true);
    expect(can(roles.memberOfA, "contribution.support", { ...ctx, contributionCouncilId: A })).toBe(false);
    expect(can(roles.memberOfA, "contribution.support", { ...ctx, contributionKind: "feedback" })).toBe(false);
    expect(can(roles.memberOfA, "contribution.support", { ...ctx, contributionStatus: "hidden" })).toBe(false);
    expect(can(roles.memberOfA, "contribution.support", { ...ctx, councilId: B })).toBe(false);
  });

  it("reports: published items only; hiding and reviewing follow the moderation rule", () => {
    expect(can(roles.memberOfB, "contribution.report", { contributionStatus: "published" })).toBe(true);
    for (const status of ["draft", "pending", "rejected", "hidden"] as const) {
      expect(can(roles.memberOfB, "contribution.report", { contributionStatus: status })).toBe(false);
    }
    const moderatorInA = actor(9, { isModerator: true }, [[A, "member"]]);
    expect(can(moderatorInA, "contribution.hide", { councilId: A })).toBe(false);
    expect(can(moderatorInA, "contribution.review_reports", { councilId: A })).toBe(false);
    expect(can(moderatorInA, "contribution.hide", { councilId: B })).toBe(true);
  });

  it("paper contributions: recorded by a moderator for a council they are not in, and for a named council only", () => {
    expect(can(roles.moderator, "contribution.record_paper", { councilId: B })).toBe(true);
    expect(can(roles.moderator, "contribution.record_paper", {})).toBe(false);
    expect(can(roles.moderatorOfA, "contribution.record_paper", { councilId: B })).toBe(true);
    expect(can(roles.moderatorOfA, "contribution.record_paper", { councilId: A })).toBe(false);
    expect(can(roles.admin, "contribution.record_paper", { councilId: B })).toBe(false);
    // The scan: staff only, whatever the council.
    expect(can(roles.referentOfA, "contribution.scan.view", { councilId: A })).toBe(false);
  });

  it("progress of a fiche: an official only for the fiches they are in charge of; members never", () => {
    for (const p of ["progress.report", "action.deadline.change"] as const) {
      expect(can(roles.official, p, { inChargeOfAction: false })).toBe(false);
      expect(can(roles.official, p, {})).toBe(false);
      expect(can(roles.official, p, { inChargeOfAction: true })).toBe(true);
      expect(can(roles.moderator, p, { inChargeOfAction: false })).toBe(true);
      expect(can(roles.referentOfA, p, { councilId: A, inChargeOfAction: true })).toBe(false);
    }
  });
});
