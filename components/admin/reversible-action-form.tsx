"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { buttonClass, FormMessage } from "@/components/form/field";
import type { ActionResult } from "@/lib/action-result";
import { reasonSchema } from "@/lib/validation/admin";
import { callAction, showServerFieldErrors } from "./form-helpers";
import { ReasonField } from "./reason-field";

/** A serious, reversible action: outlined in dark red, words say what it does. */
const dangerButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md border-2 border-red-800 bg-white px-5 py-2 font-semibold text-red-900 hover:bg-red-50 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800 disabled:opacity-60";

const reasonOnlySchema = z.object({ reason: reasonSchema });
type Input = z.input<typeof reasonOnlySchema>;
type Output = z.output<typeof reasonOnlySchema>;

export interface ReversibleTexts {
  formLabel: string;
  explanation: string;
  button: string;
}

/**
 * A reversible action with a required reason (archive / unarchive a council, deactivate /
 * reactivate an account). One component for both directions, so the confirmation stays on screen
 * when the page switches from one to the other. The server re-checks the whole input.
 */
export function ReversibleActionForm({
  done,
  reasonId,
  texts,
  submit,
}: {
  /** True once the action was taken (archived, deactivated): the form then offers to undo it. */
  done: boolean;
  reasonId: string;
  texts: { act: ReversibleTexts; undo: ReversibleTexts };
  submit: (reason: string) => Promise<ActionResult<unknown>>;
}) {
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string; n: number } | null>(null);
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(reasonOnlySchema), defaultValues: { reason: "" } });
  const { errors, isSubmitting } = form.formState;
  const current = done ? texts.undo : texts.act;

  const onSubmit = form.handleSubmit(async ({ reason }) => {
    const result = await callAction(() => submit(reason));
    const n = (message?.n ?? 0) + 1;
    if (result.ok) {
      form.reset({ reason: "" });
      setMessage({ kind: "success", text: result.message ?? "C'est fait.", n });
      return;
    }
    showServerFieldErrors(form, result);
    setMessage({ kind: "error", text: result.message, n });
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6" aria-label={current.formLabel}>
      {message ? (
        <div key={message.n}>
          <FormMessage kind={message.kind}>{message.text}</FormMessage>
        </div>
      ) : null}
      <p>{current.explanation}</p>
      <ReasonField id={reasonId} error={errors.reason?.message} registration={form.register("reason")} />
      <div>
        <button type="submit" className={done ? buttonClass : dangerButtonClass} disabled={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : current.button}
        </button>
      </div>
    </form>
  );
}
