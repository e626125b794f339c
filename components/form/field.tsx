import type { ReactNode } from "react";

/*
 * Form primitives shared by every form. Labels are always visible, hints and errors are tied to
 * the input with aria-describedby, and an input in error has aria-invalid — screen readers read
 * the message when the field gets focus.
 */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** The input; give it `id`, and `{...describedBy(id, hint, error)}`. */
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-semibold text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-aide`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-erreur`} className="text-sm font-semibold text-red-800">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** aria attributes that link an input to its hint and error. */
export function describedBy(id: string, hint: unknown, error: unknown) {
  const ids = [hint ? `${id}-aide` : null, error ? `${id}-erreur` : null].filter(Boolean).join(" ");
  return { "aria-describedby": ids || undefined, "aria-invalid": error ? (true as const) : undefined };
}

export const inputClass =
  "min-h-11 w-full rounded-md border-2 border-slate-600 bg-white px-3 py-2 text-base text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800 aria-[invalid=true]:border-red-800";

export const buttonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md bg-blue-900 px-5 py-2 font-semibold text-white hover:bg-blue-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800 disabled:opacity-60";

export const secondaryButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md border-2 border-blue-900 bg-white px-5 py-2 font-semibold text-blue-900 hover:bg-blue-50 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800 disabled:opacity-60";

/** A button whose action hides or withdraws something and can be undone (hiding, deactivating): red outline. */
export const dangerOutlineButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md border-2 border-red-800 bg-white px-5 py-2 font-semibold text-red-900 hover:bg-red-50 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800 disabled:opacity-60";

/** The button that confirms what cannot be undone (removal, deletion, erasing an account): white on red, its words say what it does. */
export const dangerButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md bg-red-800 px-5 py-2 font-semibold text-white hover:bg-red-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800 disabled:opacity-60";

/** A message for the whole form (error or success), announced by screen readers when it appears. */
export function FormMessage({ kind, children }: { kind: "error" | "success"; children: ReactNode }) {
  return (
    <div
      role={kind === "error" ? "alert" : "status"}
      className={
        kind === "error"
          ? "rounded-md border-2 border-red-800 bg-red-50 p-3 font-semibold text-red-900"
          : "rounded-md border-2 border-green-800 bg-green-50 p-3 font-semibold text-green-900"
      }
    >
      {children}
    </div>
  );
}
