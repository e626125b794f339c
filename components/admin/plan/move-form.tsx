"use client";

import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import type { FormAction } from "@/server/form-action";

const small =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border-2 border-blue-900 bg-white px-3 font-semibold text-blue-900 hover:bg-blue-50 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800 disabled:opacity-60";

/**
 * « Monter » / « Descendre »: one form, the button pressed says which way. The hidden fields say
 * what moves (a fiche inside a theme, or a theme inside the plan).
 */
export function MoveForm<T>({
  ids,
  title,
  first,
  last,
  action,
}: {
  ids: Record<string, number>;
  title: string;
  first: boolean;
  last: boolean;
  action: FormAction<T>;
}) {
  // No schema here: the pressed button sends `direction`, the server checks every value.
  const hook = useFormAction({ action });
  return (
    <form action={hook.formAction} {...hook.formProps} className="flex flex-wrap items-center gap-2" aria-label={`Déplacer « ${title} »`}>
      {Object.entries(ids).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {first ? null : (
        <button type="submit" name="direction" value="up" className={small} disabled={hook.pending} aria-label={`Monter « ${title} »`}>
          Monter
        </button>
      )}
      {last ? null : (
        <button type="submit" name="direction" value="down" className={small} disabled={hook.pending} aria-label={`Descendre « ${title} »`}>
          Descendre
        </button>
      )}
      <FormStatus state={hook.state} returnTo="/admin/plan" />
    </form>
  );
}
