"use client";

/**
 * « Afficher le mot de passe »: a real checkbox (big target, its own label), so people who type
 * slowly or on a small phone can check what they typed. Used by the sign-in and new-password forms.
 */
export function ShowPassword({ id, checked, onChange }: { id: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="flex min-h-11 items-center gap-3">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className="h-6 w-6 shrink-0 accent-blue-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800"
      />
      <label htmlFor={id} className="text-base text-slate-900">
        Afficher le mot de passe
      </label>
    </div>
  );
}
