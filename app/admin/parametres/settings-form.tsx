"use client";

import { FormStatus } from "@/components/form/form-status";
import { buttonClass, describedBy, Field, inputClass } from "@/components/form/field";
import { useFormAction } from "@/components/form/use-form-action";
import {
  ANSWER_DUE_DAYS_MAX,
  ANSWER_DUE_DAYS_MIN,
  platformSettingsSchema,
  REPORT_THRESHOLD_MAX,
  REPORT_THRESHOLD_MIN,
  type PlatformSettingsData,
} from "@/lib/validation/settings";
import { updatePlatformSettingsAction } from "./actions";
const fields = [
  {
    name: "reportThreshold",
    id: "parametres-seuil",
    label: "Nombre de signalements avant masquage",
    hint: `Un nombre entier de ${REPORT_THRESHOLD_MIN} à ${REPORT_THRESHOLD_MAX}. Une contribution publiée qui reçoit ce nombre de signalements est masquée jusqu'à ce qu'une personne de la modération l'examine.`,
  },
  {
    name: "answerDueDays",
    id: "parametres-delai",
    label: "Délai de réponse de la Ville, en jours",
    hint: `Un nombre entier de ${ANSWER_DUE_DAYS_MIN} à ${ANSWER_DUE_DAYS_MAX}. La réponse de la Ville à une proposition est attendue ce nombre de jours après sa publication. Le changement vaut pour les propositions publiées à partir de maintenant.`,
  },
] as const;

/** The platform's two numbers. The same schema as the server; what was typed stays on every error. */
export function PlatformSettingsForm({ current }: { current: PlatformSettingsData }) {
  const { field, state, pending, error, formAction, formProps } = useFormAction({
    action: updatePlatformSettingsAction,
    schema: platformSettingsSchema,
    defaultValues: { reportThreshold: String(current.reportThreshold), answerDueDays: String(current.answerDueDays) },
  });

  return (
    <form action={formAction} {...formProps} className="flex max-w-2xl flex-col gap-6" aria-label="Paramètres de la plateforme">
      <FormStatus state={state} returnTo="/admin/parametres" />
      {fields.map((f) => {
        const message = error(f.name);
        return (
          <Field key={f.name} id={f.id} label={f.label} hint={f.hint} error={message}>
            <input
              id={f.id}
              type="text"
              inputMode="numeric"
              className={`${inputClass} max-w-40`}
              {...describedBy(f.id, true, message)}
              {...field(f.name)}
            />
          </Field>
        );
      })}
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer les paramètres"}
        </button>
      </div>
    </form>
  );
}
