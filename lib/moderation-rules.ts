import { pluralize } from "./labels";

/*
 * The moderation rules the public register states (/moderation/registre). A fixed text until the
 * City can edit it: when the platform settings get a « règles de modération » field, it replaces
 * this function's sentences, and the register page renders whatever it returns. The numbers and the
 * reasons come from what the site really applies: the settings (report threshold, answer delay) and
 * the reason templates moderators offer today.
 */

export interface RulesSection {
  title: string;
  paragraphs: string[];
}

export interface RulesFacts {
  /** Open reports that hide a published item until a moderator reviews it. */
  reportThreshold: number;
  /** Days the City gives itself to answer a published proposal. */
  answerDueDays: number;
  /** The labels of the reason templates moderators offer today. */
  refusalReasons: readonly string[];
}

export function moderationRules({ reportThreshold, answerDueDays, refusalReasons }: RulesFacts): RulesSection[] {
  const reasons = refusalReasons.length > 0 ? ` Les motifs de refus que la Ville utilise : ${refusalReasons.join(" ; ")}.` : "";
  return [
    {
      title: "Ce qui est publié",
      paragraphs: [
        "Les avis et propositions qu'un conseil de quartier soumet sur une fiche action. Rien n'est public avant qu'un·e modérateur·rice de la Ville l'ait relu et approuvé. Un texte publié porte le nom du conseil et celui de la personne qui l'a écrit.",
        "Un·e modérateur·rice ne décide jamais des textes d'un conseil dont il ou elle est membre.",
      ],
    },
    {
      title: "Ce qui est refusé",
      paragraphs: [
        `Un texte est refusé s'il contient des propos injurieux ou discriminatoires, s'il met en cause une personne nommément, s'il publie des données personnelles, ou s'il ne porte pas sur la fiche action.${reasons} La raison du refus est envoyée au conseil, jamais rendue publique ; le conseil peut reformuler son texte et le soumettre de nouveau.`,
        "Un texte déjà publié peut être masqué plus tard pour les mêmes raisons. La raison est inscrite au journal de la Ville et le conseil est prévenu.",
      ],
    },
    {
      title: "Comment signaler un texte",
      paragraphs: [
        `Toute personne connectée peut signaler un texte publié avec le lien « Signaler » placé sous ce texte. À partir de ${pluralize(reportThreshold, "signalement", "signalements")}, le texte est masqué en attendant qu'un·e modérateur·rice l'examine : il ou elle le publie de nouveau ou le garde masqué.`,
      ],
    },
    {
      title: "Combien de temps cela prend",
      paragraphs: [
        "Aucun délai n'est fixé pour la modération : le délai médian entre la soumission d'un texte et la décision est publié chaque mois dans ce registre.",
        `La Ville s'engage à répondre à chaque proposition publiée dans les ${pluralize(answerDueDays, "jour", "jours")} qui suivent sa publication.`,
      ],
    },
  ];
}
