/*
 * The addresses of plans (decision 0027): the current plan is the site itself (/, /plan,
 * /thematiques/…); every plan, the earlier ones (« Plan terminé ») included, also has its page at
 * /plans/<slug>, listed at /plans. A fiche keeps /fiches/<slug> whatever its plan.
 */

export const PLANS_PATH = "/plans";

export const planPath = (slug: string) => `${PLANS_PATH}/${slug}`;

/** « 2015–2020 ». */
export const periodOf = (plan: { periodStartYear: number; periodEndYear: number }) => `${plan.periodStartYear}–${plan.periodEndYear}`;

/**
 * A theme's page: the current plan's at /thematiques/<slug>; an earlier plan's is its section of the
 * plan's page (a copied theme keeps its slug, so /thematiques/<slug> is the current plan's).
 */
export const themeHref = (plan: { slug: string; state: string }, theme: { slug: string; number: number }) =>
  plan.state === "current" ? `/thematiques/${theme.slug}` : `${planPath(plan.slug)}#thematique-${theme.number}`;
