import type { ReactNode } from "react";

type Tone = "info" | "todo";

const tones: Record<Tone, string> = {
  info: "border-l-4 border-blue-800 bg-blue-50",
  todo: "border-2 border-dashed border-amber-800 bg-amber-50",
};

/**
 * A boxed note. `todo` marks what the City still has to provide: it must stay visible until it is
 * filled in, so a reader knows the information is missing rather than forgotten.
 */
export function Notice({
  tone = "info",
  title,
  children,
  className = "",
}: {
  tone?: Tone;
  title?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={`rounded-md p-4 sm:p-5 ${tones[tone]} ${className}`}>
      {title ? <div className="mb-2 font-bold text-slate-900">{title}</div> : null}
      <div className="space-y-2 text-slate-900">{children}</div>
    </div>
  );
}

/** The box listing what the City must still complete on a legal page; nothing once it is all there. */
export function ToComplete({ items, id = "a-completer" }: { items: ReactNode[]; id?: string }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id} className="my-8 rounded-md border-2 border-dashed border-amber-800 bg-amber-50 p-4 sm:p-5">
      <h2 id={id} className="flex items-center gap-2 text-xl font-bold text-slate-900">
        <svg
          aria-hidden="true"
          focusable="false"
          viewBox="0 0 24 24"
          className="h-6 w-6 shrink-0 text-amber-800"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M12 3 2 21h20L12 3Z" strokeLinejoin="round" />
          <path d="M12 10v5M12 18h.01" strokeLinecap="round" />
        </svg>
        À compléter par la Ville
      </h2>
      <p className="mt-2">
        Ces informations ne sont pas encore connues de ce site. La Ville doit les fournir (un administrateur ou une administratrice les
        saisit dans « Paramètres ») :
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
