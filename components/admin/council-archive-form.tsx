"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { buttonClass, FormMessage } from "@/components/form/field";
import type { ActionResult } from "@/lib/action-result";
import { councilArchiveSchema } from "@/lib/validation/admin";
import { callAction, showServerFieldErrors } from "./form-helpers";
import { ReasonField } from "./reason-field";

type Input = z.input<typeof councilArchiveSchema>;
type Output = z.output<typeof councilArchiveSchema>;
type Action = (input: Output) => Promise<ActionResult<unknown>>;

const dangerButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md border-2 border-red-800 bg-white px-5 py-2 font-semibold text-red-900 hover:bg-red-50 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800 disabled:opacity-60";

/** Archive a council (or bring it back), with a required reason. One component, so the confirmation survives the switch. */
export function CouncilArchiveForm({ councilId, archived, archive, unarchive }: { councilId: number; archived: boolean; archive: Action; unarchive: Action }) {
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string; n: number } | null>(null);
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(councilArchiveSchema), defaultValues: { councilId, reason: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await callAction(() => (archived ? unarchive : archive)(values));
    const n = (message?.n ?? 0) + 1;
    if (result.ok) {
      form.reset({ councilId, reason: "" });
      setMessage({ kind: "success", text: result.message ?? "C'est fait.", n });
      return;
    }
    showServerFieldErrors(form, result);
    setMessage({ kind: "error", text: result.message, n });
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6" aria-label={archived ? "Rendre le conseil de nouveau visible" : "Archiver le conseil"}>
      {message ? (
        <div key={message.n}>
          <FormMessage kind={message.kind}>{message.text}</FormMessage>
        </div>
      ) : null}
      <p>
        {archived
          ? "Le conseil réapparaîtra sur le site public et ses membres retrouveront leur espace."
          : "Le conseil disparaît du site public et ses invitations en attente ne fonctionnent plus. Rien n'est effacé : ses membres et son journal sont conservés, et vous pourrez le rendre de nouveau visible."}
      </p>
      <ReasonField id="archivage-raison" error={errors.reason?.message} registration={form.register("reason")} />
      <div>
        <button type="submit" className={archived ? buttonClass : dangerButtonClass} disabled={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : archived ? "Rendre le conseil visible" : "Archiver le conseil"}
        </button>
      </div>
    </form>
  );
}
