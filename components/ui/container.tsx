import type { ReactNode } from "react";

/**
 * The page column, aligned with the header and footer. Reading pages keep their text to about 70
 * characters a line (`wide` lifts that for the home page's cards).
 */
export function Container({ children, className = "", wide = false }: { children: ReactNode; className?: string; wide?: boolean }) {
  return (
    <div className={`mx-auto w-full max-w-7xl px-4 sm:px-6 ${className}`}>
      {wide ? children : <div className="max-w-3xl">{children}</div>}
    </div>
  );
}
