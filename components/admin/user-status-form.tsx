"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { buttonClass, FormMessage } from "@/components/form/field";
import type { ActionResult } from "@/lib/action-result";
import { userStatusSchema } from "@/lib/validation/admin";
import { callAction, showServerFieldErrors } from "./form-helpers";
import { ReasonField } from "./reason-field";

type Input = z.input<typeof userStatusSchema>;
type Output = z.output<typeof userStatusSchema>;
/** A serious, reversible action: outlined in dark red, words say what it does. */
const dangerButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md border-2 border-red-800 bg-white px-5 py-2 font-semibold text-red-900 hover:bg-red-50 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800 disabled:opacity-60";

type Action = (input: Output) => Promise<ActionResult<{ userId: number }>>;

/**
 * Deactivate (or reactivate) an account, with a required reason. One component for both, so the
 * confirmation stays on screen when the page switches from one form to the other.
 */
export function UserStatusForm({
  userId,
  deactivated,
  deactivate,
  reactivate,
}: {
  userId: number;
  deactivated: boolean;
  deactivate: Action;
  reactivate: Action;
}) {
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string; n: number } | null>(null);
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(userStatusSchema), defaultValues: { userId, reason: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await callAction(() => (deactivated ? reactivate : deactivate)(values));
    const n = (message?.n ?? 0) + 1;
    if (result.ok) {
      form.reset({ userId, reason: "" });
      setMessage({ kind: "success", text: result.message ?? "C'est fait.", n });
      return;
    }
    showServerFieldErrors(form, result);
    setMessage({ kind: "error", text: result.message, n });
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6" aria-label={deactivated ? "Réactiver le compte" : "Désactiver le compte"}>
      {message ? (
        <div key={message.n}>
          <FormMessage kind={message.kind}>{message.text}</FormMessage>
        </div>
      ) : null}
      <p>
        {deactivated
          ? "La personne pourra de nouveau se connecter avec son mot de passe. Ses rôles et ses conseils sont conservés."
          : "La personne est déconnectée tout de suite, sur tous ses appareils, et ne peut plus se connecter. Rien n'est effacé : vous pourrez réactiver le compte."}
      </p>
      <ReasonField id="statut-raison" error={errors.reason?.message} registration={form.register("reason")} />
      <div>
        <button type="submit" className={deactivated ? buttonClass : dangerButtonClass} disabled={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : deactivated ? "Réactiver le compte" : "Désactiver le compte"}
        </button>
      </div>
    </form>
  );
}
