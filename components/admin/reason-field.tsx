import type { UseFormRegisterReturn } from "react-hook-form";
import { describedBy, Field, inputClass } from "@/components/form/field";

/** « Raison » — why a change is made; it goes to the journal with the change. */
export function ReasonField({
  id,
  error,
  registration,
  required = true,
  label = "Raison",
}: {
  id: string;
  error?: string;
  /** The hook's `field("reason")`: its registration, and the value to show before hydration. */
  registration: UseFormRegisterReturn & { defaultValue?: string };
  required?: boolean;
  label?: string;
}) {
  const hint = "Elle est inscrite au journal, avec votre nom et la date.";
  return (
    <Field id={id} label={required ? `${label} (obligatoire)` : `${label} (facultative)`} hint={hint} error={error}>
      <textarea
        id={id}
        rows={2}
        className={inputClass}
        aria-required={required || undefined}
        {...describedBy(id, hint, error)}
        {...registration}
      />
    </Field>
  );
}
