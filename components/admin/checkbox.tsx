import type { InputHTMLAttributes, ReactNode } from "react";

/** A checkbox with a big target and its label beside it (the whole line is clickable). */
export function Checkbox({
  id,
  label,
  hint,
  ...input
}: { id: string; label: ReactNode; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="flex min-h-11 items-start gap-3 py-1">
      <input
        id={id}
        type="checkbox"
        aria-describedby={hint ? `${id}-aide` : undefined}
        className="mt-1 h-6 w-6 shrink-0 accent-blue-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800"
        {...input}
      />
      <div>
        <label htmlFor={id} className="font-semibold text-slate-900">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-aide`} className="text-base text-slate-700">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** A checkbox's error, given as its `hint` (tied to the box by aria-describedby). */
export function CheckboxError({ error }: { error?: string }) {
  return error ? (
    <span className="font-semibold text-red-800">
      <span aria-hidden="true">⚠ </span>
      {error}
    </span>
  ) : null;
}
