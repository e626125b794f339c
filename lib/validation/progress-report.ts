import { z } from "zod";
import { actionStatuses } from "../labels";

/** A point d'étape as posted by staff or an official. Shared by the form and the server. */
export const progressReportSchema = z.object({
  actionSlug: z.string().trim().min(1, { error: "Choisissez une fiche action." }),
  title: z
    .string()
    .trim()
    .min(1, { error: "Donnez un titre au point d'étape." })
    .max(200, { error: "Le titre ne peut pas dépasser 200 caractères." }),
  body: z
    .string()
    .trim()
    .min(1, { error: "Écrivez ce qui a été fait." })
    .max(10_000, { error: "Le texte ne peut pas dépasser 10 000 caractères." }),
  reportedOn: z.iso.date({ error: "Date invalide (attendu : AAAA-MM-JJ)." }).nullable().default(null),
  status: z.enum(actionStatuses, { error: "Statut inconnu." }).nullable().default(null),
  progress: z
    .number({ error: "L'avancement est un nombre entre 0 et 100." })
    .int({ error: "L'avancement est un nombre entier." })
    .min(0, { error: "L'avancement ne peut pas être négatif." })
    .max(100, { error: "L'avancement ne peut pas dépasser 100 %." })
    .nullable()
    .default(null),
});

export type ProgressReportInput = z.input<typeof progressReportSchema>;
export type ProgressReportData = z.output<typeof progressReportSchema>;
