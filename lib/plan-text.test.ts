import { describe, expect, it } from "vitest";
import { actionSeeds, planSeed, themeSeeds } from "@/db/seed/plan-data";
import {
  describeSourceCounts,
  describeThemeSourceCounts,
  findSharedActions,
  missingCount,
  reportDateText,
  sourceCountsOf,
  sourceWordingText,
  timeframeText,
} from "./plan-text";

/** Expected texts are written with plain spaces; the code puts non-breaking ones inside « ». */
const plain = (sentences: string[]) => sentences.map((s) => s.replace(/\u00a0/g, " "));

/** The seeded plan, shaped like the overview's themes. */
const seededThemes = themeSeeds.map((t) => ({
  number: t.number,
  actions: actionSeeds
    .flatMap((a) => a.themes.filter(([n]) => n === t.number).map(([, position]) => ({ ...a, position })))
    .sort((a, b) => a.position - b.position),
}));

describe("timeframeText", () => {
  it("prints the source's words or says the source gives none", () => {
    expect(timeframeText("jusqu'en 2018")).toBe("Échéance : jusqu'en 2018");
    expect(timeframeText(null)).toBe("Échéance non précisée par la source");
  });
});

describe("reportDateText", () => {
  it("formats a day and never invents one", () => {
    expect(reportDateText("2015-10-09")).toBe("9 octobre 2015");
    expect(reportDateText(null)).toBe("date non précisée");
  });
});

describe("sourceWordingText", () => {
  it("quotes the source", () => {
    expect(sourceWordingText("en cours jusqu'en 2018")).toBe("Dans le document source : «\u00a0en cours jusqu'en 2018\u00a0»");
  });
});

describe("findSharedActions", () => {
  it("finds the one fiche the source lists under themes 1 and 2", () => {
    expect(findSharedActions(seededThemes)).toEqual([
      {
        slug: "limiter-intervenants-familles",
        title: "Limiter le nombre d'intervenants dans les familles",
        themeNumbers: [1, 2],
      },
    ]);
  });

  it("returns nothing when every fiche has one theme", () => {
    expect(
      findSharedActions([
        { number: 1, actions: [{ slug: "a", title: "A" }] },
        { number: 2, actions: [{ slug: "b", title: "B" }] },
      ]),
    ).toEqual([]);
  });
});

describe("missingCount", () => {
  it("is never negative and zero when nothing is announced", () => {
    expect(missingCount(17, 14)).toBe(3);
    expect(missingCount(14, 15)).toBe(0);
    expect(missingCount(null, 14)).toBe(0);
  });
});

describe("describeSourceCounts", () => {
  it("says what the seeded source gives: 17 announced, 15 listed, 1 shared, 14 distinct, 3 missing", () => {
    const listed = seededThemes.reduce((n, t) => n + t.actions.length, 0);
    const distinct = new Set(seededThemes.flatMap((t) => t.actions.map((a) => a.slug))).size;
    expect(
      plain(describeSourceCounts({ announced: planSeed.announcedActionCount, listed, distinct, shared: findSharedActions(seededThemes) })),
    ).toEqual([
      "Le document source annonce 17 fiches actions, mais n'en liste que 15 entrées.",
      "L'une d'elles, « Limiter le nombre d'intervenants dans les familles », figure à la fois sous la thématique 1 et sous la thématique 2 : cela fait 14 fiches actions distinctes.",
      "Les 3 fiches manquantes n'ont pas encore été publiées : la Ville les ajoutera sur ce site.",
    ]);
  });

  it("stays correct once the City has added the missing fiches", () => {
    expect(
      plain(describeSourceCounts({ announced: 17, listed: 18, distinct: 17, shared: [{ slug: "x", title: "X", themeNumbers: [1, 2] }] })),
    ).toEqual([
      "Le document source annonce 17 fiches actions et en liste 18 entrées.",
      "L'une d'elles, « X », figure à la fois sous la thématique 1 et sous la thématique 2 : cela fait 17 fiches actions distinctes.",
    ]);
  });

  it("handles one missing fiche, several shared fiches and no announced number", () => {
    expect(
      plain(
        describeSourceCounts({
          announced: 5,
          listed: 6,
          distinct: 4,
          shared: [
            { slug: "a", title: "A", themeNumbers: [1, 2] },
            { slug: "b", title: "B", themeNumbers: [2, 3] },
          ],
        }),
      ),
    ).toEqual([
      "Le document source annonce 5 fiches actions et en liste 6 entrées.",
      "Certaines figurent sous plusieurs thématiques — « A » (thématiques 1 et 2) ; « B » (thématiques 2 et 3) : cela fait 4 fiches actions distinctes.",
      "La fiche manquante n'a pas encore été publiée : la Ville l'ajoutera sur ce site.",
    ]);
    expect(plain(describeSourceCounts({ announced: null, listed: 1, distinct: 1, shared: [] }))).toEqual([
      "Le document source liste 1 entrée.",
    ]);
    expect(
      plain(
        describeSourceCounts({ announced: 3, listed: 2, distinct: 2, shared: [{ slug: "a", title: "A", themeNumbers: [1, 2, 3] }] }),
      )[1],
    ).toBe("L'une d'elles, « A », figure sous les thématiques 1, 2 et 3 : cela fait 2 fiches actions distinctes.");
  });
});

describe("fiches the City added (issue 11)", () => {
  it("keeps the source's figures and counts the added ones against the missing ones", () => {
    const counts = { announced: 17, listed: 15, distinct: 14, shared: [] };
    expect(plain(describeSourceCounts({ ...counts, published: 16 })).slice(1)).toEqual([
      "La Ville a ajouté 2 fiches actions sur ce site depuis.",
      "La fiche manquante n'a pas encore été publiée : la Ville l'ajoutera sur ce site.",
    ]);
    expect(plain(describeSourceCounts({ ...counts, published: 17 })).slice(1)).toEqual([
      "La Ville a ajouté 3 fiches actions sur ce site depuis.",
    ]);
    const themes = [
      {
        number: 1,
        actions: [
          { slug: "a", title: "A" },
          { slug: "n", title: "N" },
        ],
        addedActionSlugs: ["n"],
      },
      {
        number: 2,
        actions: [
          { slug: "a", title: "A" },
          { slug: "n", title: "N" },
          { slug: "b", title: "B" },
        ],
        addedActionSlugs: ["n"],
      },
    ];
    expect(sourceCountsOf(5, themes)).toEqual({
      announced: 5,
      listed: 3,
      distinct: 2,
      shared: [{ slug: "a", title: "A", themeNumbers: [1, 2] }],
      published: 3,
    });
    expect(describeThemeSourceCounts(4, 3, 4)).toEqual([
      "Le document source annonce 4 fiches actions pour cette thématique et en liste 3.",
      "La Ville a ajouté 1 fiche action sur ce site depuis.",
    ]);
  });
});

describe("describeThemeSourceCounts", () => {
  it("compares what the source announces for a theme with what it lists", () => {
    expect(describeThemeSourceCounts(4, 4)).toEqual(["Le document source annonce et liste 4 fiches actions pour cette thématique."]);
    expect(describeThemeSourceCounts(1, 1)).toEqual(["Le document source annonce et liste 1 fiche action pour cette thématique."]);
    expect(describeThemeSourceCounts(4, 2)).toEqual([
      "Le document source annonce 4 fiches actions pour cette thématique et en liste 2.",
      "Les 2 fiches manquantes n'ont pas encore été publiées : la Ville les ajoutera sur ce site.",
    ]);
    expect(describeThemeSourceCounts(3, 2)[1]).toBe("La fiche manquante n'a pas encore été publiée : la Ville l'ajoutera sur ce site.");
    expect(describeThemeSourceCounts(null, 3)).toEqual(["Le document source liste 3 fiches actions pour cette thématique."]);
  });
});
