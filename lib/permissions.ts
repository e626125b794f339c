/**
 * The one permission policy. The server calls it in every action and route before touching data;
 * the UI calls it only to show or hide controls. Pure: no database, no I/O — the server loads the
 * actor (with their council roles) and the context, and this decides.
 */

export type CouncilRole = "member" | "referent";

export interface Actor {
  id: number;
  isModerator: boolean;
  isOfficial: boolean;
  isAdmin: boolean;
  /** Council id → role in that council. */
  councils: ReadonlyMap<number, CouncilRole>;
}

/** Anonymous visitors and deactivated accounts are both `null`: they can do what the public can. */
export type MaybeActor = Actor | null;

export const permissions = [
  // Signed-in space
  "space.view",
  "session.revoke_all",
  // One's own personal data (RGPD): see and download it, erase one's account
  "account.data.view",
  "account.erase",
  // A council's own space
  "council.members.view",
  "council.invitations.view",
  "council.members.invite",
  "council.invitations.revoke",
  "council.members.remove",
  "council.members.set_role",
  "council.membership.set_visibility",
  // Administration
  "admin.view",
  "council.create",
  "council.update",
  "council.archive",
  "user.list",
  "user.invite_staff",
  "user.roles.change",
  "user.deactivate",
  "user.reactivate",
  "user.erase",
  // Contributions (avis and propositions) of a council, and their moderation
  "contribution.draft",
  "contribution.comment",
  "contribution.submit",
  "contribution.edit_pending",
  "contribution.withdraw",
  "moderation.view",
  "contribution.moderate",
  "contribution.hide",
  "contribution.review_reports",
  "moderation.templates.manage",
  "contribution.report",
  "contribution.answer",
  "contribution.support",
  // A contribution received on paper, by mail or in a meeting: recorded by the City for a council,
  // and the scan of the paper (staff only: it may show a handwritten name and address)
  "contribution.record_paper",
  "contribution.scan.view",
  // A council's own settings (who may submit to moderation)
  "council.settings.update",
  // Platform settings (report threshold, answer delay), personal data (controller, DPO, how long
  // a deactivated account is kept), the City's identity (names, contact, logo), the legal pages'
  // texts, and the journal
  "settings.update",
  "settings.privacy.update",
  "settings.identity.update",
  "settings.legal.update",
  "audit.view",
  // Public meetings (réunions de restitution) and their presentation
  "meeting.manage",
  "meeting.present",
  // Progress of the plan: points d'étape and deadlines of a fiche, the officials in charge of it
  "progress.report",
  "action.deadline.change",
  "action.officials.assign",
  // The plan itself (themes and fiches: texts, order, archive). Status and progress never: only
  // progress reports change them.
  "plan.theme.create",
  "plan.theme.update",
  "plan.theme.archive",
  "plan.action.create",
  "plan.action.update",
  "plan.action.archive",
  // The whole plan as one file: downloaded (export), or loaded into an install that has no plan yet (import)
  "plan.export",
  "plan.import",
  "plan.open",
  "plan.publish",
  // A plan's title, period, introduction, démarche and steps, after it is opened (the draft, the current plan)
  "plan.update",
  // The officials' dashboard (figures by theme and by council)
  "dashboard.view",
] as const;

export type Permission = (typeof permissions)[number];

export interface PermissionContext {
  /** The council the action is about. */
  councilId?: number;
  /** The person the action is about (member removed, user deactivated, …). */
  targetUserId?: number;
  /** The council's setting: who may submit a draft to moderation. */
  submissionPolicy?: "any_member" | "referents_only";
  /** The state of the contribution the action is about. */
  contributionStatus?: "draft" | "pending" | "published" | "rejected" | "hidden";
  /** The kind of the contribution the action is about. */
  contributionKind?: "feedback" | "proposal";
  /** Support only: the council that published the proposal (`councilId` is the supporting council). */
  contributionCouncilId?: number;
  /** Progress of a fiche: whether the actor is one of the officials in charge of it. */
  inChargeOfAction?: boolean;
}

const roleIn = (actor: Actor, councilId: number | undefined) => (councilId === undefined ? undefined : actor.councils.get(councilId));

export function can(actor: MaybeActor, permission: Permission, context: PermissionContext = {}): boolean {
  if (!actor) return false;
  const role = roleIn(actor, context.councilId);
  const isSelf = context.targetUserId !== undefined && context.targetUserId === actor.id;
  switch (permission) {
    case "space.view":
    case "session.revoke_all":
      return true;
    case "account.data.view":
    case "account.erase":
      // Only ever one's own: nobody reads or erases another person's account from « Mes données ».
      return isSelf;

    case "council.members.view":
      return role !== undefined || actor.isAdmin;
    case "council.invitations.view":
    case "council.members.invite":
    case "council.invitations.revoke":
    case "council.members.set_role":
      return role === "referent" || actor.isAdmin;
    case "council.members.remove":
      // A referent or an admin removes anyone; a member may leave by themselves.
      return role === "referent" || actor.isAdmin || (isSelf && role !== undefined);
    case "council.membership.set_visibility":
      return isSelf && role !== undefined;

    case "admin.view":
    case "council.create":
    case "council.update":
    case "council.archive":
    case "user.list":
    case "user.invite_staff":
    case "user.reactivate":
      return actor.isAdmin;
    case "user.roles.change":
    case "user.deactivate":
    case "user.erase":
      // Never on oneself: an admin cannot lock themselves (or the last admin) out by mistake.
      return actor.isAdmin && !isSelf;

    // A council speaks through its own members only: staff and admins do not write in its name.
    case "contribution.draft":
      return role !== undefined;
    case "contribution.comment":
      return role !== undefined && (context.contributionStatus === undefined || context.contributionStatus === "draft");
    case "contribution.submit":
      return (
        (role === "referent" || (role === "member" && context.submissionPolicy !== "referents_only")) &&
        (context.contributionStatus === undefined || context.contributionStatus === "draft")
      );
    case "contribution.edit_pending":
    case "contribution.withdraw":
      return role !== undefined && context.contributionStatus === "pending";
    case "moderation.view":
      return actor.isModerator;
    case "contribution.moderate":
    case "contribution.hide":
    case "contribution.review_reports":
      // Nobody moderates an item of a council they belong to.
      return actor.isModerator && context.councilId !== undefined && role === undefined;
    case "moderation.templates.manage":
      return actor.isModerator;
    case "contribution.report":
      // Any signed-in person, on what the public can see.
      return context.contributionStatus === "published";
    case "contribution.answer":
      // The City answers (moderators and officials), never about a council they belong to.
      return (
        (actor.isModerator || actor.isOfficial) &&
        context.councilId !== undefined &&
        role === undefined &&
        context.contributionKind === "proposal" &&
        context.contributionStatus === "published"
      );
    case "contribution.support":
      // A member speaks for their council, about another council's published proposal.
      return (
        role !== undefined &&
        context.contributionCouncilId !== undefined &&
        context.contributionCouncilId !== context.councilId &&
        context.contributionKind === "proposal" &&
        context.contributionStatus === "published"
      );
    case "contribution.record_paper":
      // A moderator transcribes for a council they do not belong to (as they moderate): the
      // transcription then goes through the same moderation (docs/decisions/0022-paper-contributions.md).
      return actor.isModerator && context.councilId !== undefined && role === undefined;
    case "contribution.scan.view":
      // Staff who handle contributions and personal data requests; never the public, never a council.
      return actor.isModerator || actor.isAdmin;
    case "council.settings.update":
      return role === "referent" || actor.isAdmin;
    case "settings.update":
    case "settings.privacy.update":
    case "settings.identity.update":
    case "settings.legal.update":
    case "audit.view":
      return actor.isAdmin;
    case "meeting.manage":
      // Officials prepare the meetings they present; admins help.
      return actor.isOfficial || actor.isAdmin;
    case "meeting.present":
      // Staff may run the projector for an official.
      return actor.isOfficial || actor.isAdmin || actor.isModerator;
    case "progress.report":
    case "action.deadline.change":
      // City staff (moderators, admins), or an official in charge of this fiche.
      return actor.isModerator || actor.isAdmin || (actor.isOfficial && context.inChargeOfAction === true);
    case "action.officials.assign":
      return actor.isAdmin;
    case "plan.theme.create":
    case "plan.theme.update":
    case "plan.theme.archive":
    case "plan.action.create":
    case "plan.action.update":
    case "plan.action.archive":
    case "plan.export":
    case "plan.import":
    // Opening the next plan and publishing it too (decision 0027): the draft is edited with the
    // permissions above, so by administrators only, like the current plan.
    case "plan.open":
    case "plan.publish":
    case "plan.update":
      // The plan is the City's commitment, voted by the council: its wording is an editorial decision
      // of the administration (docs/decisions/0021), not of moderators, who judge contributions.
      return actor.isAdmin;
    case "dashboard.view":
      return actor.isOfficial || actor.isModerator || actor.isAdmin;
  }
}

/** Global roles in French, for the UI and the audit log. */
export function roleLabels(actor: Pick<Actor, "isModerator" | "isOfficial" | "isAdmin">): string[] {
  return [
    actor.isAdmin ? "administrateur·rice" : null,
    actor.isModerator ? "modérateur·rice" : null,
    actor.isOfficial ? "élu·e" : null,
  ].filter((x): x is string => x !== null);
}

export const councilRoleLabel: Record<CouncilRole, string> = { member: "membre", referent: "référent·e" };
