// Stands in for the `server-only` guard outside Next.js (vitest, scripts): there is no client bundle to protect.
export {};
