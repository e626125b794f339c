"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { callAction, showServerFieldErrors } from "@/components/admin/form-helpers";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "@/components/form/field";
import type { ActionResult } from "@/lib/action-result";
import {
  ANSWER_DUE_DAYS_MAX,
  ANSWER_DUE_DAYS_MIN,
  platformSettingsSchema,
  REPORT_THRESHOLD_MAX,
  REPORT_THRESHOLD_MIN,
} from "@/lib/validation/settings";

type Input = z.input<typeof platformSettingsSchema>;
type Output = z.output<typeof platformSettingsSchema>;

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
export function PlatformSettingsForm({
  current,
  action,
}: {
  current: Output;
  action: (input: Output) => Promise<ActionResult<unknown>>;
}) {
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string; n: number } | null>(null);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(platformSettingsSchema) as Resolver<Input, unknown, Output>,
    defaultValues: { reportThreshold: String(current.reportThreshold), answerDueDays: String(current.answerDueDays) },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await callAction(() => action(values));
    const n = (message?.n ?? 0) + 1;
    if (result.ok) {
      setMessage({ kind: "success", text: result.message ?? "Enregistré.", n });
      return;
    }
    showServerFieldErrors(form, result);
    setMessage({ kind: "error", text: result.message, n });
  });


  return (
    <form noValidate onSubmit={onSubmit} className="flex max-w-2xl flex-col gap-6" aria-label="Paramètres de la plateforme">
      {message ? (
        <div key={message.n}>
          <FormMessage kind={message.kind}>{message.text}</FormMessage>
        </div>
      ) : null}
      {fields.map((f) => {
        const error = errors[f.name]?.message;
        return (
          <Field key={f.name} id={f.id} label={f.label} hint={f.hint} error={error}>
            <input id={f.id} type="text" inputMode="numeric" className={`${inputClass} max-w-40`} {...describedBy(f.id, true, error)} {...form.register(f.name)} />
          </Field>
        );
      })}
      <div>
        <button type="submit" className={buttonClass} disabled={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : "Enregistrer les paramètres"}
        </button>
      </div>
    </form>
  );
}
