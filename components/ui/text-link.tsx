import type { ComponentProps } from "react";

/**
 * A plain link. Public pages use <a>, not next/link: next/link is a client component, and these
 * pages ship no component JavaScript of their own; a full page load of a cached page is fast.
 */
export function TextLink({ className = "", ...props }: ComponentProps<"a">) {
  return (
    <a
      className={`text-blue-800 underline decoration-1 underline-offset-4 hover:text-blue-950 hover:decoration-2 ${className}`}
      {...props}
    />
  );
}
