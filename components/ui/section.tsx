import type { ReactNode } from "react";

/** A titled part of a page: a <section> named by its h2, so it is a landmark a screen reader can jump to. */
export function Section({
  id,
  title,
  children,
  className = "",
}: {
  id: string;
  title: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section aria-labelledby={id} className={`mt-12 ${className}`}>
      <h2 id={id} className="mb-4 text-2xl leading-tight font-bold text-slate-900 sm:text-3xl">
        {title}
      </h2>
      {children}
    </section>
  );
}
