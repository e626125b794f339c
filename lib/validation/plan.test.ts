import { describe, expect, it } from "vitest";
import {
  createActionSchema,
  endYearOf,
  isWebAddress,
  linkLinesText,
  parseLinkLine,
  parseProjectLines,
  projectLinesText,
  parsePlanStepLine,
  formatPlanStepLine,
  updatePlanSchema,
} from "./plan";

describe("a fiche's projects, one per line", () => {
  it("reads a name and an optional detail after « : », and writes them back the same way", () => {
    const projects = parseProjectLines("Maison des parents : ouverture en 2019\n\n  Permanences  ");
    expect(projects).toEqual([
      { name: "Maison des parents", detail: "ouverture en 2019" },
      { name: "Permanences", detail: null },
    ]);
    expect(parseProjectLines(projectLinesText(projects))).toEqual(projects);
    expect(parseProjectLines(null)).toEqual([]);
  });
});

describe("a fiche's links, one per line", () => {
  it("takes the last word as the address, the rest as its text", () => {
    expect(parseLinkLine("Site du CCAS https://www.aurillac.fr/ccas")).toEqual({
      label: "Site du CCAS",
      url: "https://www.aurillac.fr/ccas",
    });
    expect(parseLinkLine("https://exemple.fr/doc")).toEqual({ label: "https://exemple.fr/doc", url: "https://exemple.fr/doc" });
    const links = [
      { label: "A", url: "https://a.fr" },
      { label: "https://b.fr", url: "https://b.fr" },
    ];
    expect(linkLinesText(links)).toBe("A https://a.fr\nhttps://b.fr");
  });
  it("refuses anything but http and https", () => {
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "ftp://a.fr", "https://localhost", "www.aurillac.fr", "http://"])
      expect(isWebAddress(bad), bad).toBe(false);
    expect(parseLinkLine("clic javascript:alert(1)")).toBeNull();
  });
});

describe("endYearOf", () => {
  it("gives the last year a time frame names, or null", () => {
    expect(endYearOf("jusqu'en 2018")).toBe(2018);
    expect(endYearOf("2018/2019")).toBe(2019);
    expect(endYearOf("en cours")).toBeNull();
    expect(endYearOf(null)).toBeNull();
  });
});

describe("createActionSchema", () => {
  it("reads the raw form: lines into projects and links, ticked themes into ids, empty texts into null", () => {
    const parsed = createActionSchema.parse({
      title: "  Une fiche  ",
      description: "",
      plainSummary: "En bref.",
      projects: "P : d",
      links: "L https://l.fr",
      themeIds: ["3", "4"],
    });
    expect(parsed).toEqual({
      title: "Une fiche",
      description: null,
      body: null,
      plainSummary: "En bref.",
      timeframeLabel: null,
      projects: [{ name: "P", detail: "d" }],
      links: [{ label: "L", url: "https://l.fr" }],
      themeIds: [3, 4],
      reason: null,
    });
  });
  it("counts the 400 characters of the plain summary as people do (an accented letter is one)", () => {
    expect(createActionSchema.safeParse({ title: "Une fiche", plainSummary: "é".repeat(400), themeIds: "1" }).success).toBe(true);
    expect(createActionSchema.safeParse({ title: "Une fiche", plainSummary: "é".repeat(401), themeIds: "1" }).success).toBe(false);
  });
});

describe("a step of the next plan's démarche", () => {
  it("reads a year, a month or a day, then the step, and keeps the precision written", () => {
    expect(parsePlanStepLine("2021 : Vote du conseil municipal")).toEqual({
      startsOn: "2021-01-01",
      precision: "year",
      title: "Vote du conseil municipal",
    });
    expect(parsePlanStepLine("2020-9 — Diagnostic")).toEqual({ startsOn: "2020-09-01", precision: "month", title: "Diagnostic" });
    expect(parsePlanStepLine(" 2021-03-15 - Réunion publique ")).toEqual({
      startsOn: "2021-03-15",
      precision: "day",
      title: "Réunion publique",
    });
  });

  it("refuses what is not « date : étape » or a day that does not exist", () => {
    for (const line of ["Vote du conseil", "en 2021 : Vote", "2021-13 : Vote", "2021-02-30 : Vote", "2021 :", "21 : Vote"])
      expect(parsePlanStepLine(line), line).toBeNull();
  });

  it("writes a step back as staff wrote it, at its precision, and reads it again the same", () => {
    for (const line of ["2021 : Vote du conseil municipal", "2020-09 : Diagnostic", "2021-03-15 : Réunion publique"]) {
      const step = parsePlanStepLine(line)!;
      expect(formatPlanStepLine(step)).toBe(line);
      expect(parsePlanStepLine(formatPlanStepLine(step))).toEqual(step);
    }
  });

  it("checks an edit of the plan's details like its opening: end after start, a known plan", () => {
    const form = { planId: "3", title: "Plan 2021-2026", periodStartYear: "2026", periodEndYear: "2021", summary: "Le plan.", steps: "" };
    const refused = updatePlanSchema.safeParse(form);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path.join("."))).toEqual(["periodEndYear"]);
    expect(updatePlanSchema.safeParse({ ...form, periodStartYear: "2021", periodEndYear: "2026" }).success).toBe(true);
    expect(updatePlanSchema.safeParse({ ...form, planId: "", periodStartYear: "2021", periodEndYear: "2026" }).success).toBe(false);
  });
});
