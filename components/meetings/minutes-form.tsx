"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { callAction, showServerFieldErrors } from "@/components/admin/form-helpers";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "@/components/form/field";
import type { ActionResult } from "@/lib/action-result";
import { meetingMinutesSchema } from "@/lib/validation/meeting";

type Input = z.input<typeof meetingMinutesSchema>;
type Output = z.output<typeof meetingMinutesSchema>;

/** The compte rendu, after the meeting: plain text, published on the meeting's public page. */
export function MinutesForm({ meetingId, current, action }: { meetingId: number; current: string | null; action: (input: Output) => Promise<ActionResult<unknown>> }) {
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string; n: number } | null>(null);
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(meetingMinutesSchema), defaultValues: { meetingId, minutes: current ?? "" } });
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
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Compte rendu">
      {message ? (
        <div key={message.n}>
          <FormMessage kind={message.kind}>{message.text}</FormMessage>
        </div>
      ) : null}
      <Field id="compte-rendu-texte" label="Compte rendu" hint="Texte simple : laissez une ligne vide entre deux paragraphes. Les adresses web deviennent des liens." error={errors.minutes?.message}>
        <textarea id="compte-rendu-texte" rows={10} className={inputClass} {...describedBy("compte-rendu-texte", true, errors.minutes?.message)} {...form.register("minutes")} />
      </Field>
      <div>
        <button type="submit" className={buttonClass} disabled={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : current ? "Corriger le compte rendu" : "Publier le compte rendu"}
        </button>
      </div>
    </form>
  );
}
