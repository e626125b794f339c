/** Visible mark on data that is not real (demo councils, demo meeting). Words, not colour alone. */
export function DemoMarker({ label = "Donnée de démonstration" }: { label?: string }) {
  return (
    <span className="inline-flex items-center gap-1.5 rounded border-2 border-amber-800 bg-amber-100 px-2 py-0.5 text-base font-bold text-amber-950">
      <svg
        aria-hidden="true"
        focusable="false"
        viewBox="0 0 24 24"
        className="h-4 w-4 shrink-0"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.5"
      >
        <circle cx="12" cy="12" r="9" />
        <path d="M12 7v6M12 16.5h.01" strokeLinecap="round" />
      </svg>
      {label}
    </span>
  );
}
