"use client";

import { useEffect } from "react";
import { buttonClass, dangerOutlineButtonClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import type { councilArchiveFormSchema, userStatusFormSchema } from "@/lib/validation/admin";
import type { actionArchiveFormSchema, themeArchiveFormSchema } from "@/lib/validation/plan";
import type { FormAction } from "@/server/form-action";
import { ReasonField } from "./reason-field";

/** A serious, reversible action: outlined in dark red, words say what it does. */

export interface ReversibleTexts {
  formLabel: string;
  explanation: string;
  button: string;
}

/** The schemas of the reversible forms: an id, which way (`change`), and a reason. */
type ReversibleSchema =
  typeof userStatusFormSchema | typeof councilArchiveFormSchema | typeof actionArchiveFormSchema | typeof themeArchiveFormSchema;

/**
 * A reversible action with a required reason (archive / unarchive a council, deactivate /
 * reactivate an account). One form and one server action for both directions, the hidden
 * `change` saying which: the confirmation stays on screen when the page switches from one to
 * the other, with or without JavaScript.
 */
export function ReversibleActionForm<T>({
  action,
  schema,
  idName,
  idValue,
  change,
  done,
  reasonId,
  texts,
  returnTo,
}: {
  action: FormAction<T>;
  schema: ReversibleSchema;
  /** The hidden id field (`userId`, `councilId`) and its value. */
  idName: "userId" | "councilId" | "actionId" | "themeId";
  idValue: number;
  /** What submitting does now: `act` when not done yet, `undo` once done. */
  change: { act: string; undo: string };
  /** True once the action was taken (archived, deactivated): the form then offers to undo it. */
  done: boolean;
  reasonId: string;
  texts: { act: ReversibleTexts; undo: ReversibleTexts };
  returnTo: string;
}) {
  const direction = done ? change.undo : change.act;
  const { form, field, state, pending, error, formAction, formProps } = useFormAction({
    action,
    schema,
    defaultValues: { [idName]: String(idValue), change: direction, reason: "" },
    onSuccess: (_, f) => f.reset({ ...f.getValues(), reason: "" }),
  });
  // The page switches direction after a success: the hidden field follows.
  useEffect(() => form.setValue("change", direction), [form, direction]);
  const current = done ? texts.undo : texts.act;

  return (
    <form action={formAction} {...formProps} className="flex flex-col gap-6" aria-label={current.formLabel}>
      <FormStatus state={state} returnTo={returnTo} />
      <input type="hidden" {...field(idName)} />
      <input type="hidden" {...field("change")} />
      <p>{current.explanation}</p>
      <ReasonField id={reasonId} error={error("reason")} registration={field("reason")} />
      <div>
        <button type="submit" className={done ? buttonClass : dangerOutlineButtonClass} disabled={pending}>
          {pending ? "Enregistrement…" : current.button}
        </button>
      </div>
    </form>
  );
}
