import type { ReactNode } from "react";

/** Running text of the static pages: spaced paragraphs and lists, h2 and h3 styled. */
export function Prose({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-4 [&_h2]:mt-10 [&_h2]:text-2xl [&_h2]:leading-tight [&_h2]:font-bold [&_h3]:mt-6 [&_h3]:text-xl [&_h3]:font-bold [&_ul]:list-disc [&_ul]:space-y-1 [&_ul]:pl-6">
      {children}
    </div>
  );
}
