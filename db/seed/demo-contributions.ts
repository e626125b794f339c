import { count, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import {
  actions,
  auditLog,
  contributionAnswers,
  contributionComments,
  contributionReports,
  contributions,
  contributionSupports,
  councils,
  moderationReasonTemplates,
  notifications,
  users,
} from "../schema";
import { demoAccountSeeds, demoCouncilSeeds } from "./plan-data";

/*
 * Demo contributions, one or more in every state of their life (draft with a comment, pending,
 * published avis, answered proposal with supports, late proposal, rejected, hidden, reported),
 * so that the demo accounts show the whole participation loop. Marked `is_demo`, written by
 * demo councils and demo accounts only, and only once: if any demo contribution exists the seed
 * leaves them all as they are (people may have moderated or answered them since).
 */

type Email = (typeof demoAccountSeeds)[number]["email"];
type Kind = "feedback" | "proposal";
type Position = "favorable" | "favorable_with_reservations" | "unfavorable";

interface DemoContribution {
  key: string;
  council: number;
  fiche: string;
  author: Email;
  kind: Kind;
  position?: Position;
  title?: string;
  body: string;
  status: "draft" | "pending" | "published" | "rejected" | "hidden";
  /** Days before now: when it was submitted, and when it was decided (published / rejected). */
  submittedDaysAgo?: number;
  decidedDaysAgo?: number;
  rejectionReason?: string;
  hiddenReason?: string;
  comments?: { author: Email; body: string }[];
  answers?: { state: "under_review" | "accepted" | "rejected" | "done"; body: string; daysAgo: number }[];
  supportedBy?: { council: number; by: Email | null }[];
  reports?: { by: Email; reason: string }[];
}

const REFERENT_1: Email = "referent1@demo.aurillac.invalid";
const MEMBER_1: Email = "membre1@demo.aurillac.invalid";
const MEMBER_2: Email = "membre2@demo.aurillac.invalid";
const MODERATOR: Email = "moderation@demo.aurillac.invalid";
const OFFICIAL: Email = "elu@demo.aurillac.invalid";

export const demoContributionSeeds: DemoContribution[] = [
  {
    key: "brouillon-espaces",
    council: 1,
    fiche: "espaces-de-proximite",
    author: MEMBER_1,
    kind: "feedback",
    position: "favorable",
    body: "(Démonstration) Les espaces de proximité sont utiles au quartier. Nous aimerions qu'ils restent ouverts le samedi.",
    status: "draft",
    comments: [{ author: REFERENT_1, body: "D'accord sur le fond. Pouvons-nous citer les horaires actuels avant de soumettre ?" }],
  },
  {
    key: "en-attente-permanence",
    council: 1,
    fiche: "liens-avec-les-habitants",
    author: REFERENT_1,
    kind: "proposal",
    title: "Une permanence des élus au centre social, un samedi par mois (démonstration)",
    body: "(Démonstration) Le conseil propose une permanence mensuelle des élus au centre social du quartier, le samedi matin, pour rencontrer les habitants qui ne viennent pas aux réunions du soir.",
    status: "pending",
    submittedDaysAgo: 2,
  },
  {
    key: "en-attente-maison-associations",
    council: 1,
    fiche: "maison-des-associations",
    author: MEMBER_1,
    kind: "feedback",
    position: "favorable_with_reservations",
    body: "(Démonstration) Favorable à la maison des associations, à condition que les petites associations du quartier puissent y réserver une salle gratuitement.",
    status: "pending",
    submittedDaysAgo: 0.2,
  },
  {
    key: "publie-quartiers-sud",
    council: 1,
    fiche: "restructurer-quartiers-sud",
    author: REFERENT_1,
    kind: "feedback",
    position: "favorable_with_reservations",
    body: "(Démonstration) Le conseil est favorable au projet de restructuration des quartiers sud.\n\nNous demandons que les habitants soient associés au choix des aménagements de l'espace public, et que les travaux soient annoncés au moins un mois à l'avance.",
    status: "published",
    submittedDaysAgo: 22,
    decidedDaysAgo: 20,
  },
  {
    key: "publie-cafe-parents",
    council: 1,
    fiche: "accompagnement-parentalite",
    author: MEMBER_1,
    kind: "proposal",
    title: "Un café des parents le samedi matin (démonstration)",
    body: "(Démonstration) Un café des parents, un samedi matin sur deux, à la maison de quartier : un lieu simple pour échanger entre parents, avec la présence ponctuelle de professionnels.\n\nExemple d'une démarche voisine : https://www.service-public.fr/",
    status: "published",
    submittedDaysAgo: 42,
    decidedDaysAgo: 40,
    answers: [
      {
        state: "under_review",
        body: "(Démonstration) Merci pour cette proposition. Le service Enfance étudie les locaux disponibles le samedi.",
        daysAgo: 30,
      },
      {
        state: "accepted",
        body: "(Démonstration) La proposition est retenue : un premier café des parents aura lieu à la rentrée, à la maison de quartier.",
        daysAgo: 10,
      },
    ],
    supportedBy: [
      { council: 2, by: MEMBER_2 },
      { council: 4, by: null },
    ],
  },
  {
    key: "refuse-instances",
    council: 1,
    fiche: "instances-participatives",
    author: REFERENT_1,
    kind: "proposal",
    title: "Changer le responsable des conseils (démonstration)",
    body: "(Démonstration) Ce texte mettait en cause nommément un agent de la Ville.",
    status: "rejected",
    submittedDaysAgo: 15,
    decidedDaysAgo: 14,
    rejectionReason:
      "(Démonstration) Le texte met en cause une personne nommément. Reformulez la proposition sur le fonctionnement des conseils, sans viser de personne, et soumettez-la de nouveau.",
  },
  {
    key: "publie-logements-vacants",
    council: 2,
    fiche: "logements-plus-precaires",
    author: MEMBER_2,
    kind: "proposal",
    title: "Recenser les logements vacants avec les habitants (démonstration)",
    body: "(Démonstration) Le conseil propose une marche exploratoire avec les habitants pour repérer les logements vacants ou dégradés du quartier, et transmettre la liste au service Habitat.",
    status: "published",
    submittedDaysAgo: 77,
    decidedDaysAgo: 75,
    supportedBy: [{ council: 1, by: REFERENT_1 }],
  },
  {
    key: "masque-benevoles",
    council: 2,
    fiche: "aller-vers-reseau-benevoles",
    author: MEMBER_2,
    kind: "feedback",
    position: "unfavorable",
    body: "(Démonstration) Avis masqué après publication : il contenait le numéro de téléphone personnel d'un bénévole.",
    status: "hidden",
    submittedDaysAgo: 12,
    decidedDaysAgo: 11,
    hiddenReason: "(Démonstration) Le texte publiait le numéro de téléphone personnel d'une personne. Masqué pour protéger ses données.",
  },
  {
    key: "publie-precarite-signale",
    council: 3,
    fiche: "situation-personnes-precarite",
    author: MEMBER_2,
    kind: "feedback",
    position: "favorable",
    body: "(Démonstration) Le conseil soutient l'action. Les permanences du CCAS sont bien connues dans le quartier, mais leurs horaires devraient être affichés à l'arrêt de bus.",
    status: "published",
    submittedDaysAgo: 9,
    decidedDaysAgo: 8,
    reports: [{ by: MEMBER_1, reason: "(Démonstration) Les horaires cités me semblent faux : à vérifier." }],
  },
  {
    key: "publie-navette-marche",
    council: 3,
    fiche: "espaces-de-proximite",
    author: MEMBER_2,
    kind: "proposal",
    title: "Une navette vers le marché pour les aînés (démonstration)",
    body: "(Démonstration) Une navette le mercredi matin entre le quartier et le marché, pour les personnes âgées qui ne conduisent plus.",
    status: "published",
    submittedDaysAgo: 6,
    decidedDaysAgo: 5,
  },
];

/** Reasons moderators start with; they edit them at /moderation/motifs. Not demo data: every city gets them once. */
export const reasonTemplateSeeds = [
  {
    label: "Propos injurieux ou discriminatoires",
    body: "Le texte contient des propos injurieux ou discriminatoires. Reformulez-le avec respect pour chacun, puis soumettez-le de nouveau.",
  },
  {
    label: "Mise en cause d'une personne",
    body: "Le texte met en cause une personne nommément. Reformulez-le sur les faits ou le fonctionnement, sans viser de personne.",
  },
  {
    label: "Données personnelles",
    body: "Le texte contient des données personnelles (nom, adresse, téléphone…) d'une personne. Retirez-les, puis soumettez-le de nouveau.",
  },
  {
    label: "Hors sujet",
    body: "Le texte ne porte pas sur cette fiche action. Rattachez-le à la fiche qui convient, ou précisez le lien avec celle-ci.",
  },
];

/** The starting reason templates, only if there are none yet (never overwrites the moderators' edits). */
export async function seedReasonTemplates(db: Db): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(moderationReasonTemplates);
  if ((existing?.n ?? 0) > 0) return;
  await db.insert(moderationReasonTemplates).values(reasonTemplateSeeds);
}

const DAY = 24 * 3600 * 1000;

export async function seedDemoContributions(db: Db, now: Date, answerDueDays: number): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(contributions).where(eq(contributions.isDemo, true));
  if ((existing?.n ?? 0) > 0) return;

  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const emails = [...new Set(demoAccountSeeds.map((a) => a.email))];
  const userRows = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName, title: users.title })
    .from(users)
    .where(inArray(users.email, emails));
  const councilRows = await db
    .select({ id: councils.id, number: councils.number })
    .from(councils)
    .where(
      inArray(
        councils.slug,
        demoCouncilSeeds.map((c) => c.slug),
      ),
    );
  const actionRows = await db
    .select({ id: actions.id, slug: actions.slug })
    .from(actions)
    .where(inArray(actions.slug, [...new Set(demoContributionSeeds.map((c) => c.fiche))]));
  const user = new Map(userRows.map((u) => [u.email, u]));
  const councilId = new Map(councilRows.map((c) => [c.number, c.id]));
  const actionId = new Map(actionRows.map((a) => [a.slug, a.id]));
  const userId = (email: Email) => {
    const u = user.get(email);
    if (!u) throw new Error(`seed: demo account ${email} missing`);
    return u.id;
  };
  const moderatorId = userId(MODERATOR);
  const official = user.get(OFFICIAL)!;

  for (const seed of demoContributionSeeds) {
    const cId = councilId.get(seed.council);
    const aId = actionId.get(seed.fiche);
    if (cId === undefined || aId === undefined) throw new Error(`seed: council ${seed.council} or fiche ${seed.fiche} missing`);
    const submittedAt = seed.submittedDaysAgo === undefined ? null : ago(seed.submittedDaysAgo);
    const decidedAt = seed.decidedDaysAgo === undefined ? null : ago(seed.decidedDaysAgo);
    const wasPublished = seed.status === "published" || seed.status === "hidden";
    const publishedAt = wasPublished ? decidedAt : null;
    const firstAnswer = seed.answers?.[0];
    const [row] = await db
      .insert(contributions)
      .values({
        councilId: cId,
        actionId: aId,
        kind: seed.kind,
        position: seed.position ?? null,
        title: seed.title ?? null,
        body: seed.body,
        status: seed.status,
        authorId: userId(seed.author),
        submittedById: submittedAt ? userId(seed.author) : null,
        submittedAt,
        decidedById: decidedAt ? moderatorId : null,
        decidedAt,
        rejectionReason: seed.rejectionReason ?? null,
        publishedAt,
        hiddenAt: seed.status === "hidden" ? ago((seed.decidedDaysAgo ?? 1) - 1) : null,
        hiddenById: seed.status === "hidden" ? moderatorId : null,
        hiddenReason: seed.hiddenReason ?? null,
        answerDueAt: seed.kind === "proposal" && publishedAt ? new Date(publishedAt.getTime() + answerDueDays * DAY) : null,
        firstAnsweredAt: firstAnswer ? ago(firstAnswer.daysAgo) : null,
        clientRequestId: `demo:${seed.key}`,
        isDemo: true,
        createdAt: submittedAt ? new Date(submittedAt.getTime() - DAY / 2) : ago(1),
        updatedAt: decidedAt ?? submittedAt ?? ago(1),
      })
      .returning({ id: contributions.id });
    const id = row!.id;
    const journal = (action: string, actor: number | null, at: Date | null, reason: string | null = null) =>
      db.insert(auditLog).values({
        actorUserId: actor,
        action,
        targetType: "contribution",
        targetId: String(id),
        councilId: cId,
        reason,
        createdAt: at ?? now,
      });

    for (const c of seed.comments ?? [])
      await db.insert(contributionComments).values({ contributionId: id, authorId: userId(c.author), body: c.body, createdAt: ago(0.5) });
    if (submittedAt) await journal("contribution.submit", userId(seed.author), submittedAt);
    if (seed.status === "rejected") await journal("contribution.reject", moderatorId, decidedAt, seed.rejectionReason);
    if (wasPublished) await journal("contribution.approve", moderatorId, decidedAt);
    if (seed.status === "hidden") await journal("contribution.hide", moderatorId, ago((seed.decidedDaysAgo ?? 1) - 1), seed.hiddenReason);
    for (const a of seed.answers ?? []) {
      await db.insert(contributionAnswers).values({
        contributionId: id,
        state: a.state,
        body: a.body,
        authorId: official.id,
        signatureName: official.displayName,
        signatureTitle: official.title,
        clientRequestId: `demo:${seed.key}:${a.daysAgo}`,
        createdAt: ago(a.daysAgo),
      });
      await journal("contribution.answer", official.id, ago(a.daysAgo), null);
    }
    for (const s of seed.supportedBy ?? []) {
      await db.insert(contributionSupports).values({
        contributionId: id,
        councilId: councilId.get(s.council)!,
        userId: s.by ? userId(s.by) : null,
        createdAt: ago((seed.decidedDaysAgo ?? 1) / 2),
      });
    }
    for (const r of seed.reports ?? []) {
      await db.insert(contributionReports).values({ contributionId: id, reporterId: userId(r.by), reason: r.reason, createdAt: ago(1) });
    }

    // A few notifications, already « mailed » so that starting the demo sends no email.
    const notify = (
      email: Email,
      kind: (typeof notifications.$inferInsert)["kind"],
      message: string,
      link: string,
      daysAgo: number,
      read: boolean,
    ) =>
      db.insert(notifications).values({
        userId: userId(email),
        kind,
        message,
        link,
        contributionId: id,
        councilId: cId,
        createdAt: ago(daysAgo),
        readAt: read ? ago(daysAgo) : null,
        emailedAt: ago(daysAgo),
      });
    const council = `conseil-de-quartier-${seed.council}`;
    if (seed.key === "publie-cafe-parents") {
      await notify(
        MEMBER_1,
        "contribution_approved",
        "Votre proposition « Un café des parents le samedi matin » a été publiée.",
        `/espace/conseils/${council}/contributions`,
        40,
        true,
      );
      await notify(
        MEMBER_1,
        "contribution_answered",
        "La Ville a répondu à votre proposition « Un café des parents le samedi matin » : retenue.",
        `/fiches/${seed.fiche}#contribution-${id}`,
        10,
        false,
      );
    }
    if (seed.key === "refuse-instances") {
      await notify(
        REFERENT_1,
        "contribution_rejected",
        "Votre proposition « Changer le responsable des conseils » n'a pas été publiée : lisez la raison.",
        `/espace/conseils/${council}/contributions`,
        14,
        false,
      );
    }
    if (seed.status === "pending") {
      await notify(
        MODERATOR,
        "moderation_waiting",
        "Une contribution du Conseil de quartier n°1 attend votre décision.",
        "/moderation",
        seed.submittedDaysAgo ?? 0,
        false,
      );
    }
  }
}
