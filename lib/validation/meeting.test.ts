import { describe, expect, it } from "vitest";
import { cityDateTime, cityInstant, meetingSchema } from "./meeting";

describe("meeting dates in the City's time zone", () => {
  it("converts winter and summer wall-clock times to instants and back", () => {
    expect(cityInstant("2026-12-17", "18:30").toISOString()).toBe("2026-12-17T17:30:00.000Z");
    expect(cityInstant("2026-07-02", "09:05").toISOString()).toBe("2026-07-02T07:05:00.000Z");
    expect(cityDateTime(new Date("2026-12-17T17:30:00Z"))).toEqual({ date: "2026-12-17", time: "18:30" });
    expect(cityDateTime(new Date("2026-03-29T01:30:00Z"))).toEqual({ date: "2026-03-29", time: "03:30" });
    expect(cityInstant("2026-10-25", "12:00").toISOString()).toBe("2026-10-25T11:00:00.000Z");
  });

  it("gives French messages next to each field", () => {
    const result = meetingSchema.safeParse({
      title: " ",
      date: "2026-02-30",
      time: "25:00",
      place: "",
      agenda: [{ ref: "", label: "", notes: "" }],
    });
    expect(result.success).toBe(false);
    const paths = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(paths).toMatchObject({
      title: "Donnez un titre à la réunion.",
      date: expect.stringContaining("Date invalide"),
      time: expect.stringContaining("Heure invalide"),
      place: "Indiquez le lieu de la réunion.",
      "agenda.0.label": expect.stringContaining("Écrivez un intitulé"),
    });
  });
});
