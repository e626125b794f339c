import { z } from "zod";
import { CITY_TIME_ZONE } from "../dates";
import { choice, day, id, optionalText, text } from "./fields";

/*
 * Inputs of the meetings (réunions publiques). Each schema reads the form's raw values (the agenda
 * as `agenda.0.ref`, `agenda.0.label`… turned back into a list by lib/form-data.ts) and gives
 * typed data; the browser and the server parse with the same one. Dates and times are typed in
 * the City's time zone (Europe/Paris) and stored as instants.
 */

/** An agenda item points at a theme or a fiche of the plan (by slug), or is a free label. */
export const agendaRefPattern = /^((theme|action):[a-z0-9-]{1,80})?$/;

const asText = (value: unknown) => (value === undefined || value === null ? "" : value);

export const AGENDA_LABEL_MAX = 200;
export const AGENDA_NOTES_MAX = 5000;

export const agendaItemSchema = z
  .object(
    {
      ref: z.preprocess(
        asText,
        z.string({ error: "Choix inconnu : choisissez une thématique, une fiche ou « Intitulé libre »." }).trim().regex(agendaRefPattern, {
          error: "Choix inconnu : choisissez une thématique, une fiche ou « Intitulé libre ».",
        }),
      ),
      label: optionalText({ max: AGENDA_LABEL_MAX, what: "L'intitulé" }),
      notes: optionalText({ max: AGENDA_NOTES_MAX, what: "Le texte des notes" }),
    },
    { error: "L'ordre du jour est incomplet : rechargez la page, puis réessayez." },
  )
  .refine((item) => item.ref !== "" || item.label !== null, {
    error: "Écrivez un intitulé, ou choisissez une thématique ou une fiche.",
    path: ["label"],
  });

export const MAX_AGENDA_ITEMS = 30;

const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const meetingSchema = z.object({
  title: text({ max: 200, empty: "Donnez un titre à la réunion.", what: "Le titre" }),
  date: day("Indiquez la date de la réunion."),
  time: z.preprocess(
    asText,
    z
      .string({ error: "Indiquez l'heure de début." })
      .trim()
      .refine((v) => v.length > 0, { error: "Indiquez l'heure de début.", abort: true })
      .regex(timePattern, { error: "Heure invalide : écrivez-la sous la forme HH:MM, par exemple 18:30." }),
  ),
  place: text({ max: 300, empty: "Indiquez le lieu de la réunion.", what: "Le lieu" }),
  // No item: the form sends no `agenda.*` field at all.
  agenda: z
    .array(agendaItemSchema, { error: "L'ordre du jour est incomplet : rechargez la page, puis réessayez." })
    .max(MAX_AGENDA_ITEMS, { error: `L'ordre du jour ne peut pas dépasser ${MAX_AGENDA_ITEMS} points.` })
    .default([]),
});
export type MeetingInput = z.input<typeof meetingSchema>;
export type MeetingData = z.output<typeof meetingSchema>;

const meetingId = id("Réunion inconnue : rechargez la page.");

export const updateMeetingSchema = meetingSchema.extend({ meetingId });
export type UpdateMeetingInput = z.input<typeof updateMeetingSchema>;
export type UpdateMeetingData = z.output<typeof updateMeetingSchema>;

export const meetingMinutesSchema = z.object({
  meetingId,
  minutes: text({ max: 50_000, empty: "Écrivez le compte rendu.", what: "Le compte rendu" }),
});
export type MeetingMinutesInput = z.input<typeof meetingMinutesSchema>;
export type MeetingMinutesData = z.output<typeof meetingMinutesSchema>;

/** A meeting whose slides are frozen or unfrozen. */
export const meetingRefSchema = z.object({ meetingId });
export type MeetingRefData = z.output<typeof meetingRefSchema>;

/** The presentation's form: its two buttons send `intent`. */
export const meetingFreezeSchema = meetingRefSchema.extend({
  intent: choice(["freeze", "unfreeze"], "Action inconnue : rechargez la page, puis réessayez."),
});
export type MeetingFreezeData = z.output<typeof meetingFreezeSchema>;

const cityParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: CITY_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The wall-clock date ("YYYY-MM-DD") and time ("HH:MM") of an instant in the City's time zone. */
export function cityDateTime(instant: Date): { date: string; time: string } {
  const parts = cityParts.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "00";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

/** The instant of a wall-clock date and time in the City's time zone (summer and winter time). */
export function cityInstant(date: string, time: string): Date {
  const wall = cityInstantNaive(date, time);
  // Offset of the zone at a given instant, in ms: the wall clock there minus UTC.
  const offsetAt = (instant: number) => {
    const local = cityDateTime(new Date(instant));
    return cityInstantNaive(local.date, local.time) - Math.floor(instant / 60_000) * 60_000;
  };
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant);
  return new Date(instant);
}

function cityInstantNaive(date: string, time: string): number {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  return Date.UTC(y, mo - 1, d, h, mi);
}
