import { z } from "zod";
import { CITY_TIME_ZONE } from "../dates";

/*
 * Inputs of the meetings (réunions publiques). The forms use these with zodResolver and the
 * server parses them again: the client is never trusted. Dates and times are typed in the City's
 * time zone (Europe/Paris) and stored as instants.
 */

/** An agenda item points at a theme or a fiche of the plan (by slug), or is a free label. */
export const agendaRefPattern = /^((theme|action):[a-z0-9-]{1,80})?$/;

export const agendaItemSchema = z
  .object({
    ref: z.string().trim().regex(agendaRefPattern, { error: "Choix inconnu : choisissez une thématique, une fiche ou « Intitulé libre »." }).default(""),
    label: z.string().trim().max(200, { error: "L'intitulé ne peut pas dépasser 200 caractères." }).default(""),
    notes: z.string().trim().max(5000, { error: "Les notes ne peuvent pas dépasser 5 000 caractères." }).default(""),
  })
  .refine((item) => item.ref !== "" || item.label !== "", {
    error: "Écrivez un intitulé, ou choisissez une thématique ou une fiche.",
    path: ["label"],
  });

export const MAX_AGENDA_ITEMS = 30;

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const meetingSchema = z.object({
  title: z
    .string({ error: "Donnez un titre à la réunion." })
    .trim()
    .min(1, { error: "Donnez un titre à la réunion." })
    .max(200, { error: "Le titre ne peut pas dépasser 200 caractères." }),
  date: z
    .string({ error: "Indiquez la date de la réunion." })
    .trim()
    .min(1, { error: "Indiquez la date de la réunion." })
    .refine((v) => isValidDay(v), { error: "Date invalide : écrivez-la sous la forme AAAA-MM-JJ, par exemple 2026-12-17." }),
  time: z
    .string({ error: "Indiquez l'heure de début." })
    .trim()
    .min(1, { error: "Indiquez l'heure de début." })
    .regex(timePattern, { error: "Heure invalide : écrivez-la sous la forme HH:MM, par exemple 18:30." }),
  place: z
    .string({ error: "Indiquez le lieu de la réunion." })
    .trim()
    .min(1, { error: "Indiquez le lieu de la réunion." })
    .max(300, { error: "Le lieu ne peut pas dépasser 300 caractères." }),
  agenda: z.array(agendaItemSchema).max(MAX_AGENDA_ITEMS, { error: `L'ordre du jour ne peut pas dépasser ${MAX_AGENDA_ITEMS} points.` }).default([]),
});
export type MeetingInput = z.input<typeof meetingSchema>;
export type MeetingData = z.output<typeof meetingSchema>;

const meetingId = z.coerce.number({ error: "Réunion inconnue." }).int({ error: "Réunion inconnue." }).positive({ error: "Réunion inconnue." });

export const updateMeetingSchema = meetingSchema.extend({ meetingId });
export type UpdateMeetingInput = z.input<typeof updateMeetingSchema>;

export const meetingMinutesSchema = z.object({
  meetingId,
  minutes: z
    .string({ error: "Écrivez le compte rendu." })
    .trim()
    .min(1, { error: "Écrivez le compte rendu." })
    .max(50_000, { error: "Le compte rendu ne peut pas dépasser 50 000 caractères." }),
});
export type MeetingMinutesInput = z.input<typeof meetingMinutesSchema>;

/** Freeze or unfreeze a meeting's slides. */
export const meetingRefSchema = z.object({ meetingId });
export type MeetingRefInput = z.input<typeof meetingRefSchema>;

function isValidDay(value: string): boolean {
  const match = datePattern.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < 2000 || y > 2100) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

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
